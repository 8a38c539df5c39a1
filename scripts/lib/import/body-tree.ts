// An imported body as Sätteri's parser reads it, and edits made by the offsets it
// reports, so that changes to the text leave code and HTML as written.

import { markdownToMdast } from 'satteri';

/** A node of a body as Sätteri's parser reads it, with the fields the import looks at. */
export type BodyNode = {
	type: string;
	depth?: number;
	url?: string;
	alt?: string | null;
	identifier?: string;
	position?: { start: { offset?: number }; end: { offset?: number } };
	children?: BodyNode[];
};

/** A piece of a body to replace with `text`, by its offsets. */
export interface Edit {
	start: number;
	end: number;
	text: string;
}

/** A body parsed as the build parses it (GFM and `:::` directives), with the offsets of every node. */
export const parsedBody = (markdown: string) => markdownToMdast(markdown, { features: { directive: true, frontmatter: false } });

/** {@link parsedBody} as the import walks it. */
export const bodyTree = (markdown: string) => parsedBody(markdown) as unknown as BodyNode;

/** Every node of a tree, parents first; `visit` returning false skips the node's children. */
export function walk(node: BodyNode, visit: (node: BodyNode) => boolean | undefined): void {
	if (visit(node) === false) return;
	for (const child of node.children ?? []) walk(child, visit);
}

/** Where a node starts and ends in the body, if the parser said. */
export function span(node: BodyNode | undefined): { start: number; end: number } | undefined {
	const start = node?.position?.start.offset;
	const end = node?.position?.end.offset;
	return start === undefined || end === undefined ? undefined : { start, end };
}

/** The body's text between a node's first and last child: what a heading or link says. */
export function inner(markdown: string, node: BodyNode): string {
	const first = span(node.children?.[0]);
	const last = span(node.children?.at(-1));
	return first && last ? markdown.slice(first.start, last.end) : '';
}

/**
 * The parts of a body the build reads as they are written, not as Markdown:
 * fenced and indented code, inline code and HTML (or those of `kinds`). A
 * tester of where a line (by its first character's offset) falls in one of them.
 */
export function literalPart(markdown: string, kinds = ['code', 'inlineCode', 'html']): (offset: number) => boolean {
	const literal: { start: number; end: number }[] = [];
	walk(bodyTree(markdown), (node) => {
		const at = span(node);
		if (at && kinds.includes(node.type)) literal.push(at);
		return undefined;
	});
	return (offset) => literal.some(({ start, end }) => offset >= start && offset < end);
}

/** `markdown` with the edits made, which must not overlap. */
export function edited(markdown: string, edits: Edit[]): string {
	let text = markdown;
	for (const { start, end, text: replacement } of [...edits].sort((a, b) => b.start - a.start)) {
		text = text.slice(0, start) + replacement + text.slice(end);
	}
	return text;
}

/** A Markdown link destination, in angle brackets when it has spaces or parentheses. */
export const destination = (address: string) =>
	/[\s()<>]/.test(address) ? `<${address.replace(/[<>]/g, encodeURIComponent)}>` : address;

/**
 * `markdown` with the addresses of its links and reference definitions
 * changed as the parser reads them, so code and HTML keep theirs: `address`
 * gives the new address of one, or undefined to leave it. Images, and
 * definitions only images use, are left alone, as are addresses written
 * without brackets (`<https://…>`, a bare address).
 */
export function relinked(markdown: string, address: (url: string) => string | undefined): string {
	const tree = bodyTree(markdown);
	const images = new Set<string>();
	const links = new Set<string>();
	walk(tree, (node) => {
		if (node.type === 'imageReference') images.add(node.identifier ?? '');
		if (node.type === 'linkReference') links.add(node.identifier ?? '');
		return undefined;
	});
	const edits: Edit[] = [];
	walk(tree, (node) => {
		const at = span(node);
		if (!at || node.url === undefined) return undefined;
		let from: number;
		let to = at.end;
		if (node.type === 'link') {
			// The destination follows the `](` after the link's text.
			from = span(node.children?.at(-1))?.end ?? at.start + 1;
			if (!markdown.startsWith('](', from)) return undefined;
			from += 2;
			to -= 1;
		} else if (node.type === 'definition') {
			const identifier = node.identifier ?? '';
			if (images.has(identifier) && !links.has(identifier)) return undefined;
			const label = /^\[(?:\\.|[^\\\]])*\]:/.exec(markdown.slice(at.start, at.end));
			if (!label) return undefined;
			from = at.start + label[0].length;
		} else return undefined;
		const written = /^(\s*)(<(?:\\.|[^\\>\n])*>|\S+)/.exec(markdown.slice(from, to));
		const next = written ? address(node.url) : undefined;
		if (written && next !== undefined && next !== node.url) {
			const start = from + written[1]!.length;
			edits.push({ start, end: start + written[2]!.length, text: destination(next) });
		}
		return undefined;
	});
	return edited(markdown, edits);
}
