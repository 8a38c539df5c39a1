import render from 'dom-serializer';
import { type AnyNode, type Document, type Element, isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { Element } from 'domhandler';

/**
 * Parses HTML into a tree (htmlparser2, the parser html-to-text and juice use),
 * with each node's place in the source. Text and attribute values are decoded,
 * so they are what a reader sees; `renderHtml` escapes them again.
 */
export function parseHtml(html: string): Document {
	return parseDocument(html, { withStartIndices: true, withEndIndices: true });
}

/** HTML for a tree or nodes: text and attribute values escaped, other characters written as they are. */
export function renderHtml(nodes: AnyNode | AnyNode[]): string {
	return render(nodes, { encodeEntities: 'utf8' });
}

/** Every element under `node`, in document order. */
export function elementsOf(node: AnyNode): Element[] {
	const found: Element[] = [];
	const visit = (current: AnyNode) => {
		if (isTag(current)) found.push(current);
		if ('children' in current) for (const child of current.children) visit(child);
	};
	visit(node);
	return found;
}
