import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PhrasingContent, RootContent } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry } from 'satteri';
import { type Block, blockFences, blockLine, blockOpenings, readBlock, unreadableRest } from '../lib/blocks.ts';
import { displayPath } from '../lib/content-paths.ts';
import { withBase } from '../lib/urls.ts';
import { closest, type Problem } from '../schemas/problems.ts';
import { toolByBlock } from '../tools/index.ts';
import { failRender, forgetRenderProblems } from './render-problems.ts';

declare module 'mdast' {
	/** What Sätteri's mdast-to-hast step reads, as in unified's mdast-util-to-hast. */
	interface Data {
		hName?: string;
		hProperties?: Record<string, unknown>;
	}
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

const paragraph = (className: string, children: PhrasingContent[]): RootContent => ({
	type: 'paragraph',
	data: { hProperties: { className: [className] } },
	children,
});

/** The first and last paragraphs a block adds around the author's text, as `<InTheWild>` and `<Callout>` render them. */
function frame(block: Block): { className: string[]; label: string; before: RootContent; after?: RootContent } {
	if (block.kind === 'callout') {
		return {
			className: ['pb-callout', `pb-callout-${block.type}`],
			label: block.title,
			before: paragraph('pb-callout-title', [text(block.title)]),
		};
	}
	const source: PhrasingContent[] = block.source
		? [
				{
					type: 'emphasis',
					data: { hName: 'span', hProperties: { className: ['pb-muted'] } },
					children: [text(` · ${block.source}`)],
				},
			]
		: [];
	return {
		className: ['pb-wild'],
		label: block.title,
		before: paragraph('pb-wild-label', [text(block.title), ...source]),
		after: paragraph('pb-wild-lesson', [{ type: 'strong', children: [text('The lesson:')] }, text(` ${block.lesson}`)]),
	};
}

/** The source text of an inline `:name[label]{…}` or line `::name` directive, rebuilt: Pactbook has none, so they are text. */
function literal(colons: string, name: string, label: string, attributes: Record<string, string | null | undefined>): string {
	const pairs = Object.entries(attributes).map(([key, value]) => (value == null ? key : `${key}="${value}"`));
	return `${colons}${name}${label ? `[${label}]` : ''}${pairs.length ? `{${pairs.join(' ')}}` : ''}`;
}

/**
 * Renders Pactbook's Markdown blocks (`:::wild{source lesson}`, `:::note`,
 * `:::tip`, `:::warning`, each with an optional `[title]`) as the same asides
 * the MDX components produce, so plain `.md` articles need no JSX. A block
 * Pactbook does not know, one missing what it needs, a `:::` that closes no
 * block and one that is never closed stop the build with the file, the line
 * and the fix.
 *
 * The parser's directive option also reads `:name` inside text (`10:30am`,
 * `Q3:revenue`) and `::name` lines as directives; Pactbook has none, so they
 * are put back as the text the author wrote.
 *
 * A tool's block (`:::questionnaire{id="…"}`, see `src/tools/index.ts`) is
 * rendered by the tool; `base` prefixes the site paths it links to.
 */
export function contentBlocks({ base = '/' }: { base?: string } = {}): MdastPluginEntry {
	return (factory) => {
		const path = factory.fileURL ? fileURLToPath(factory.fileURL) : undefined;
		// A new render of this file: forget what was wrong with the last one.
		if (path) forgetRenderProblems(path);
		if (!/:[\w-]/.test(factory.source)) return null;
		const file = path ? displayPath(path) : 'content';
		// Line numbers count from the top of the file, frontmatter included, as an editor shows them.
		let lines: string | undefined;
		const source = () => {
			lines ??= path ? readFileSync(path, 'utf8') : factory.source;
			return lines;
		};
		const problems: Problem[] = [];
		const seen = new Map<string, number>();
		const bare: { name: string; index: number }[] = [];
		const plugin: MdastPluginDefinition = {
			name: 'pactbook-blocks',
			containerDirective(node, ctx) {
				const count = seen.get(node.name) ?? 0;
				seen.set(node.name, count + 1);
				const first = node.children[0];
				const labelled = first?.type === 'paragraph' && first.data?.directiveLabel === true;
				const label = labelled ? ctx.textContent(first, { includeHtml: false }) : undefined;
				const attributes = node.attributes ?? {};
				// The parser drops a title or attributes it cannot read (`:::tip[no end`): checked once all blocks are seen.
				if (!labelled && !Object.keys(attributes).length) bare.push({ name: node.name, index: count });
				// A tool's block (`:::questionnaire{id="…"}`) is rendered by the tool, as its declaration says.
				const tool = toolByBlock(node.name);
				if (tool?.block) {
					const rendered = tool.block(attributes, { link: (href) => withBase(base, href) });
					if (rendered.ok) ctx.replaceNode(node, { type: 'html', value: rendered.html });
					else {
						const line = blockLine(source(), node.name, count);
						problems.push({ file, field: `:::${node.name}${line ? ` (line ${line})` : ''}`, message: rendered.message });
					}
					return;
				}
				const result = readBlock(node.name, label, attributes, closest);
				if (!result.ok) {
					const line = blockLine(source(), node.name, count);
					problems.push({ file, field: `:::${node.name}${line ? ` (line ${line})` : ''}`, message: result.message });
					return;
				}
				const { className, label: name, before, after } = frame(result.block);
				if (labelled) ctx.removeChildAt(node, 0);
				ctx.setProperty(node, 'data', { hName: 'aside', hProperties: { className, ariaLabel: name } });
				ctx.prependChild(node, before);
				if (after) ctx.appendChild(node, after);
			},
			textDirective(node, ctx) {
				ctx.replaceNode(node, text(literal(':', node.name, ctx.textContent(node), node.attributes ?? {})));
			},
			leafDirective(node, ctx) {
				ctx.replaceNode(node, {
					type: 'paragraph',
					children: [text(literal('::', node.name, ctx.textContent(node), node.attributes ?? {}))],
				});
			},
			after() {
				if (bare.length) {
					// Opening lines are matched to blocks by their order, and only when the text holds as many
					// of them as the parser found, so an example the parser reads as code never counts.
					const openings = blockOpenings(factory.source);
					for (const { name, index } of bare) {
						const rests = openings.get(name) ?? [];
						const rest = rests.length === seen.get(name) ? rests[index] : undefined;
						if (!rest) continue;
						const line = blockLine(source(), name, index);
						problems.push({ file, field: `:::${name}${line ? ` (line ${line})` : ''}`, message: unreadableRest(name, rest) });
					}
				}
				// Fences are checked on the text Sätteri was given, and line numbers taken from the file only when needed.
				const body = factory.source.includes(':::') ? blockFences(factory.source) : undefined;
				const { stray, unclosed } =
					body && (body.stray.length || body.unclosed.length) ? blockFences(source()) : { stray: [], unclosed: [] };
				if (stray.length) {
					problems.push({
						file,
						field: `::: (line ${stray.join(', ')})`,
						message:
							'closes no block. Remove it, or, to put one block inside another, give the outer one more colons (::::note … ::::).',
					});
				}
				for (const open of unclosed) {
					problems.push({
						file,
						field: `:::${open.name} (line ${open.line})`,
						message: 'is never closed, so it takes in the rest of the article. End it with a line of :::.',
					});
				}
				if (problems.length) failRender(path ?? file, problems);
			},
		};
		return plugin;
	};
}
