import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Properties } from 'hast';
import type { HastPluginDefinition, HastPluginEntry, HastVisitorContext } from 'satteri';
import { deriveId, hasTaskList, nextListId, repeatedIds, splitExplicitId, uniqueIds } from '../lib/checklist-ids.ts';
import { displayPath } from '../lib/content-paths.ts';
import type { ChecklistScoring } from '../schemas/checklist.ts';
import { fileLines } from './file-lines.ts';
import { failRender } from './render-problems.ts';

/** A copy of a hast subtree as plain objects, safe to re-insert elsewhere. */
function clone<T>(node: T): T {
	return JSON.parse(JSON.stringify(node, (key, value) => (key.startsWith('_') ? undefined : value)));
}

const isElement = (node: ElementContent | undefined, tag?: string): node is Element =>
	node?.type === 'element' && (tag === undefined || node.tagName === tag);
const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();
const classes = (node: Element): string[] => {
	const value: unknown = node.properties?.className;
	return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};
const textOf = (nodes: ElementContent[]): string =>
	nodes.map((n) => (n.type === 'text' ? n.value : 'children' in n ? textOf(n.children as ElementContent[]) : '')).join('');

interface Item {
	id: string;
	text: string;
	checked: boolean;
	label: ElementContent[];
	advice: ElementContent[];
	/** The line the item starts on, counted from the top of the source the parser was given. */
	line: number | undefined;
}

/** Pulls the checkbox, its label and any advice (the item's further blocks) out of a task-list `li`. */
function readItem(li: Element): Omit<Item, 'id'> & { explicit?: string } {
	const children = clone(li.children).filter((n) => !isBlank(n));
	const first = children[0];
	const inline = isElement(first, 'p')
		? first.children
		: children.filter((n) => !isElement(n) || !['ul', 'ol', 'blockquote', 'div', 'p', 'pre', 'table'].includes(n.tagName));
	const rest = isElement(first, 'p') ? children.slice(1) : children.slice(inline.length);
	const input = inline.find((n) => isElement(n, 'input'));
	const label = inline.filter((n) => n !== input);
	if (label[0]?.type === 'text') label[0] = { ...label[0], value: label[0].value.replace(/^\s+/, '') };
	let explicit: string | undefined;
	const last = label.at(-1);
	if (last?.type === 'text') {
		const split = splitExplicitId(last.value);
		if (split.id) {
			explicit = split.id;
			label[label.length - 1] = { ...last, value: split.text };
		}
	}
	const checked = isElement(input) && Boolean(input.properties?.checked);
	return {
		text: textOf(label).replace(/\s+/g, ' ').trim(),
		checked,
		label,
		advice: rest,
		line: li.position?.start.line,
		...(explicit ? { explicit } : {}),
	};
}

function inTaskItem(node: Element, ctx: HastVisitorContext): boolean {
	for (let parent = ctx.parent(node); parent && parent.type === 'element'; parent = ctx.parent(parent)) {
		if (parent.tagName === 'li' && classes(parent).includes('task-list-item')) return true;
	}
	return false;
}

const el = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({
	type: 'element',
	tagName,
	properties,
	children,
});

function renderList(
	list: Element,
	key: string,
	listId: string,
	items: Item[],
	scoring: ChecklistScoring | undefined,
	title: string,
): Element {
	const checkbox = (item: Item) => `pb-${listId}-${item.id}`;
	const rows = items.map((item) =>
		el('li', { className: ['pb-check'], dataId: item.id }, [
			el('input', {
				type: 'checkbox',
				id: checkbox(item),
				disabled: true,
				...(item.checked ? { checked: true, dataDefault: 'checked' } : {}),
			}),
			el('label', { htmlFor: [checkbox(item)] }, item.label),
			...(item.advice.length ? [el('div', { className: ['pb-advice'] }, item.advice)] : []),
		]),
	);
	const properties: Properties = { className: ['pb-checklist'], dataKey: key, dataTitle: scoring?.title ?? title };
	if (scoring?.bands) properties.dataBands = JSON.stringify(scoring.bands);
	return el('pb-checklist', properties, [el(list.tagName, { className: ['pb-checklist-items'] }, rows)]);
}

/**
 * Turns every top-level GFM task list into a `<pb-checklist>`: each item gets a
 * stable id (its `{#id}` or one derived from its text), a real checkbox and a
 * label, and blocks nested under an item become advice shown while it is
 * unticked. The list's id is the id of the heading above it; scoring comes from
 * the `checklists:` frontmatter under that id. Pages without task lists skip
 * the plugin entirely. The list's storage key is its pinned `id` from that
 * frontmatter, or else the page's path and the list's id.
 */
export function taskLists(contentDir: string): HastPluginEntry {
	return (factory) => {
		if (!hasTaskList(factory.source)) return null;
		const file = factory.fileURL ? fileURLToPath(factory.fileURL) : 'content';
		const page = displayPath(file, contentDir).replace(/\.mdx?$/, '');
		const shown = displayPath(file);
		const lineText = fileLines(factory.fileURL ? file : undefined, factory.source);
		let heading: { id: string; text: string } | undefined;
		const listIds: string[] = [];
		/** Pinned list ids (`checklists.<id>.id`) used so far, with the heading of their list. */
		const pinned = new Map<string, string>();
		const plugin: HastPluginDefinition = {
			name: 'pactbook-task-lists',
			// The lines of items that repeat an id come from the parser's positions.
			options: { position: true },
			element: {
				filter: ['h2', 'h3', 'ul', 'ol'],
				visit(node, ctx) {
					if (node.tagName === 'h2' || node.tagName === 'h3') {
						heading = { id: String(node.properties?.id ?? deriveId(ctx.textContent(node))), text: ctx.textContent(node).trim() };
						return;
					}
					if (!classes(node).includes('contains-task-list') || inTaskItem(node, ctx)) return;
					const listId = nextListId(listIds, heading?.id ?? 'checklist');
					listIds.push(listId);
					const read = node.children.filter((n): n is Element => isElement(n, 'li')).map(readItem);
					const repeated = repeatedIds(read.map((item) => item.explicit));
					if (repeated.length) {
						failRender(
							file,
							repeated.map((id) => ({
								file: shown,
								field: `{#${id}}${lineText(read.filter((item) => item.explicit === id).map((item) => item.line))}`,
								message: `is written on more than one item of the list under “${heading?.text ?? 'the top of the page'}”, so they would share one tick. Give each item its own id.`,
							})),
						);
					}
					const ids = uniqueIds(read.map((item) => item.explicit ?? deriveId(item.text)));
					const items = read.map((item, i) => ({ ...item, id: ids[i]! }));
					const frontmatter = (ctx.data as { astro?: { frontmatter?: { checklists?: Record<string, ChecklistScoring> } } }).astro
						?.frontmatter;
					const scoring = frontmatter?.checklists?.[listId];
					const top = scoring?.bands?.at(-1)?.max;
					if (top !== undefined && top !== items.length) {
						failRender(file, [
							{
								file: shown,
								field: `checklists.${listId}.bands`,
								message: `end at ${top} but the list has ${items.length} items. Make the last band's max ${items.length}.`,
							},
						]);
					}
					// A pinned id keeps the saved ticks whatever the file or the heading is called.
					const pin = typeof scoring?.id === 'string' ? scoring.id : undefined;
					const key = pin ?? `${page}#${listId}`;
					if (pin && pinned.has(pin)) {
						failRender(file, [
							{
								file: shown,
								field: `checklists.${listId}.id`,
								message: `is also the id of the list under “${pinned.get(pin)}”, so the two lists would share their ticks. Give each list its own id.`,
							},
						]);
					}
					if (pin) pinned.set(pin, heading?.text ?? 'the top of the page');
					ctx.replaceNode(node, renderList(node, key, listId, items, scoring, heading?.text ?? 'Checklist'));
				},
			},
			after(_root, ctx) {
				const frontmatter = (ctx.data as { astro?: { frontmatter?: { checklists?: Record<string, unknown> } } }).astro
					?.frontmatter;
				const unknown = Object.keys(frontmatter?.checklists ?? {}).filter((id) => !listIds.includes(id));
				if (unknown.length) {
					failRender(
						file,
						unknown.map((id) => ({
							file: shown,
							field: `checklists.${id}`,
							message: `matches no task list. Use the id of the heading above the list (${listIds.join(', ') || 'this page has none'}).`,
						})),
					);
				}
			},
		};
		return plugin;
	};
}
