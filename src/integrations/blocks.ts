import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PhrasingContent, RootContent } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry } from 'satteri';
import { type Block, blockLine, readBlock } from '../lib/blocks.ts';
import { closest, failRender, type Problem } from '../schemas/problems.ts';
import { displayPath } from './paths.ts';

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

/**
 * Renders Pactbook's Markdown blocks (`:::wild{source lesson}`, `:::note`,
 * `:::tip`, `:::warning`, each with an optional `[title]`) as the same asides
 * the MDX components produce, so plain `.md` articles need no JSX. A block
 * Pactbook does not know, or one missing what it needs, stops the build with
 * the file, the line and the fix. Pages without `:::` skip the plugin.
 */
export function contentBlocks(): MdastPluginEntry {
	return (factory) => {
		if (!factory.source.includes(':::')) return null;
		const path = factory.fileURL ? fileURLToPath(factory.fileURL) : undefined;
		const file = path ? displayPath(path) : 'content';
		// Line numbers count from the top of the file, frontmatter included, as an editor shows them.
		let lines: string | undefined;
		const lineOf = (name: string, count: number) => {
			lines ??= path ? readFileSync(path, 'utf8') : factory.source;
			return blockLine(lines, name, count);
		};
		const problems: Problem[] = [];
		const seen = new Map<string, number>();
		const plugin: MdastPluginDefinition = {
			name: 'pactbook-blocks',
			containerDirective(node, ctx) {
				const count = seen.get(node.name) ?? 0;
				seen.set(node.name, count + 1);
				const first = node.children[0];
				const labelled = first?.type === 'paragraph' && first.data?.directiveLabel === true;
				const result = readBlock(node.name, labelled ? ctx.textContent(first) : undefined, node.attributes ?? {}, closest);
				if (!result.ok) {
					const line = lineOf(node.name, count);
					problems.push({ file, field: `:::${node.name}${line ? ` (line ${line})` : ''}`, message: result.message });
					return;
				}
				const { className, label, before, after } = frame(result.block);
				if (labelled) ctx.removeChildAt(node, 0);
				ctx.setProperty(node, 'data', { hName: 'aside', hProperties: { className, ariaLabel: label } });
				ctx.prependChild(node, before);
				if (after) ctx.appendChild(node, after);
			},
			after() {
				if (problems.length) failRender(path ?? file, problems);
			},
		};
		return plugin;
	};
}
