import { fileURLToPath } from 'node:url';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry, MdastVisitorContext } from 'satteri';
import {
	BLOCK_NAMES,
	type Block,
	BlockLines,
	type Opening,
	readBlock,
	spacedOpening,
	unreadableRest,
	wildPropsProblem,
} from '../lib/blocks.ts';
import { displayPath } from '../lib/content-paths.ts';
import { withBase } from '../lib/urls.ts';
import { closest, type Problem } from '../schemas/problems.ts';
import { toolByBlock } from '../tools/index.ts';
import { fileLines } from './file-lines.ts';
import { failRender, forgetRenderProblems } from './render-problems.ts';

declare module 'mdast' {
	/** What Sätteri's mdast-to-hast step reads, as in unified's mdast-util-to-hast. */
	interface Data {
		hName?: string;
		hProperties?: Record<string, unknown>;
	}
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/**
 * Whether a source may hold something this plugin reads: a directive (`:name`),
 * a line starting with `:::` (a stray closing line, `::: tip`) or an
 * `<InTheWild>` element. Files with none of these skip the plugin.
 */
const MAY_HOLD_BLOCKS = /:[\w-]|^[ \t>]*:::|<InTheWild\b/m;

/** An MDX element's props as strings: a prop given as an expression counts as given, one written alone as empty. */
function jsxProps(node: Readonly<Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>>) {
	const props: Record<string, string | null> = {};
	for (const attribute of node.attributes) {
		// `{...props}` may hold any prop: nothing can be said about them before the page renders.
		if (attribute.type !== 'mdxJsxAttribute') return undefined;
		props[attribute.name] = typeof attribute.value === 'string' ? attribute.value : attribute.value ? '…' : null;
	}
	return props;
}

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
 * Pactbook does not know, one missing what it needs, a `:::` that closes no
 * block, one that is never closed, one opened with a space (`::: tip`), text
 * inside a tool's block and an `<InTheWild>` without its lesson stop the build
 * with the file, the line and the fix.
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
		if (!MAY_HOLD_BLOCKS.test(factory.source)) return null;
		const file = path ? displayPath(path) : 'content';
		const source = factory.source;
		const lineText = fileLines(path, source);
		const at = (name: string, line: number) => `:::${name}${lineText([line])}`;
		const lines = new BlockLines(source);
		const problems: Problem[] = [];
		const unreadable: Opening[] = [];
		/** The text the author wrote for a directive, from its place in the source. */
		const written = (node: Readonly<Extract<Nodes, { type: 'textDirective' | 'leafDirective' }>>, ctx: MdastVisitorContext) => {
			const { start, end } = node.position ?? {};
			return start?.offset !== undefined && end?.offset !== undefined
				? source.slice(start.offset, end.offset)
				: `${node.type === 'textDirective' ? ':' : '::'}${node.name}${ctx.textContent(node)}`;
		};
		/** `<InTheWild>` in MDX: the same rules as `:::wild`, with its file and line, before the page renders it empty. */
		const wildElement = (node: Readonly<Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>>) => {
			if (node.name !== 'InTheWild') return;
			const props = jsxProps(node);
			const message = props && wildPropsProblem(props, closest);
			if (message) problems.push({ file, field: `<InTheWild>${lineText([node.position?.start.line])}`, message });
		};
		const literal = (node: Readonly<Nodes>) => {
			if (node.position) lines.literal(node.position);
		};
		const plugin: MdastPluginDefinition = {
			name: 'pactbook-blocks',
			// Line numbers and the text of directives Pactbook does not have come from the parser's positions.
			options: { position: true },
			containerDirective(node, ctx) {
				const opening = lines.block(node.name, node.position!);
				const first = node.children[0];
				const labelled = first?.type === 'paragraph' && first.data?.directiveLabel === true;
				const label = labelled ? ctx.textContent(first, { includeHtml: false }) : undefined;
				const attributes = node.attributes ?? {};
				// The parser drops a title or attributes it cannot read (`:::tip[no end`): what is left on the line says so.
				if (!labelled && !Object.keys(attributes).length && opening.rest) unreadable.push(opening);
				// A tool's block (`:::questionnaire{id="…"}`) is rendered by the tool, as its declaration says.
				const tool = toolByBlock(node.name);
				if (tool?.block) {
					// A tool's block holds nothing: text inside it, or a title, would be dropped without a word.
					const inside = node.children.slice(labelled ? 1 : 0);
					if (label !== undefined) {
						problems.push({
							file,
							field: at(node.name, opening.line),
							message: `takes no title, but has [${label}]. Remove it from the line, and put a heading above the block if it needs one.`,
						});
					}
					if (inside.length) {
						problems.push({
							file,
							field: at(node.name, opening.line),
							message: `takes nothing between its opening line and \`:::\`, but has text inside${lineText([inside[0]!.position?.start.line])}, which would not be shown. Move the text before or after the block, so that \`:::\` comes on the line after the opening line.`,
						});
					}
					const rendered = tool.block(attributes, { link: (href) => withBase(base, href) });
					if (rendered.ok) ctx.replaceNode(node, { type: 'html', value: rendered.html });
					else problems.push({ file, field: at(node.name, opening.line), message: rendered.message });
					return;
				}
				const result = readBlock(node.name, label, attributes, closest);
				if (!result.ok) {
					problems.push({ file, field: at(node.name, opening.line), message: result.message });
					return;
				}
				const { className, label: name, before, after } = frame(result.block);
				if (labelled) ctx.removeChildAt(node, 0);
				ctx.setProperty(node, 'data', { hName: 'aside', hProperties: { className, ariaLabel: name } });
				ctx.prependChild(node, before);
				if (after) ctx.appendChild(node, after);
			},
			mdxJsxFlowElement: wildElement,
			mdxJsxTextElement: wildElement,
			textDirective(node, ctx) {
				ctx.replaceNode(node, text(written(node, ctx)));
			},
			leafDirective(node, ctx) {
				ctx.replaceNode(node, { type: 'paragraph', children: [text(written(node, ctx))] });
			},
			// A line of colons alone in code or HTML is an example; anywhere else outside a block, it closes none.
			...(lines.hasClosingLines || lines.hasSpacedOpenings
				? {
						code: literal,
						inlineCode: literal,
						html: literal,
					}
				: {}),
			after() {
				for (const { name, line, rest } of unreadable) {
					problems.push({ file, field: at(name, line), message: unreadableRest(name, rest) });
				}
				const { unclosed, spaced } = lines;
				let { stray } = lines;
				for (const { name, line } of spaced) {
					const known = BLOCK_NAMES.includes(name) || toolByBlock(name) !== undefined;
					problems.push({ file, field: `::: ${name}${lineText([line])}`, message: spacedOpening(name, known, closest) });
					// The `:::` after it was meant to close it: it is no stray of its own.
					const closing = stray.find((other) => other > line);
					stray = stray.filter((other) => other !== closing);
				}
				if (stray.length) {
					problems.push({
						file,
						field: `:::${lineText(stray)}`,
						message:
							'closes no block. Remove it, or, to put one block inside another, give the outer one more colons (::::note … ::::).',
					});
				}
				for (const open of unclosed) {
					problems.push({
						file,
						field: at(open.name, open.line),
						message: 'is never closed, so it takes in the rest of the article. End it with a line of :::.',
					});
				}
				if (problems.length) failRender(path ?? file, problems);
			},
		};
		return plugin;
	};
}
