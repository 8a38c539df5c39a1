import { createMdastHandle, createMdxMdastHandle, dropHandle, MdastReader, serializeHandle } from 'satteri';
import { escapeExplicitIds } from './checklist-ids.ts';

/**
 * How deep an article may nest lists, quotes, blocks, HTML elements and
 * components inside one another. Far more than any article needs, and well
 * below what breaks downstream: browsers stop nesting elements past 512 levels
 * (the rest of the page then renders wrongly), and the feeds, the email edition
 * and the MDX compiler recurse once per level, so a few thousand levels crash
 * them without naming the file.
 */
export const MAX_NESTING = 100;

/** HTML elements that never hold others, so an opening tag adds no level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-z][a-z0-9-]*)\b(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/gi;

/** The change in open HTML elements over a piece of raw HTML, and the most open at any point in it. */
function htmlLevels(html: string, open: number): { open: number; most: number } {
	let most = open;
	for (const [, closing, name, selfClosing] of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(TAG)) {
		if (closing) open = Math.max(0, open - 1);
		else if (!selfClosing && !VOID.has(name!.toLowerCase())) most = Math.max(most, ++open);
	}
	return { open, most };
}

/**
 * A quick upper bound on how deep a source can nest, from its characters
 * alone, so that most articles need no parse: every level needs something
 * written for it. Block levels (quotes, lists and their items) need marks or
 * indentation at the start of the line they start on, counted generously;
 * `:::` blocks and HTML elements stay open across lines, so every `::` line
 * and every `<` counts; inline levels need an opening character inside their
 * paragraph, which ends at a blank line. A fixed margin covers the levels
 * that need nothing (the document, a paragraph, a table row and cell, text).
 */
export function nestingBound(source: string): number {
	let open = 0;
	let block = 0;
	let inline = 0;
	let paragraph = 0;
	let lineStart = true;
	let width = 0;
	let blank = true;
	for (let i = 0; i < source.length; i++) {
		const code = source.charCodeAt(i);
		if (code === 10) {
			if (blank) paragraph = 0;
			block = Math.max(block, width);
			lineStart = true;
			blank = true;
			width = 0;
			continue;
		}
		if (code !== 32 && code !== 9 && code !== 13) blank = false;
		if (lineStart) {
			// Spaces, tabs, `>`, list markers `-*+` and numbers with `.` or `)`.
			if (code === 32) width += 1;
			else if (code === 9) width += 4;
			else if (
				code === 62 ||
				code === 45 ||
				code === 42 ||
				code === 43 ||
				code === 46 ||
				code === 41 ||
				(code >= 48 && code <= 57)
			)
				width += 2;
			else {
				lineStart = false;
				block = Math.max(block, width);
				if (code === 58 && source.charCodeAt(i + 1) === 58) open++;
			}
		}
		// `<` opens HTML and components; `*_[~\`{!` open emphasis, links, code and MDX expressions.
		if (code === 60) open++;
		else if (code === 42 || code === 95 || code === 91 || code === 126 || code === 96 || code === 123 || code === 33) {
			paragraph++;
			inline = Math.max(inline, paragraph);
		}
	}
	return 10 + open + Math.max(block, width) + inline;
}

/**
 * The first line of a Markdown or MDX source (frontmatter included) at which
 * its content is nested more than `max` levels deep, counting every level of
 * the parsed document (a list and its item, a quote, a paragraph, emphasis,
 * a component) and the HTML elements written inside it. Undefined when the
 * source stays within `max`. Reads Sätteri's tree from its node buffer without
 * building node objects, and without recursion, so any depth can be measured.
 */
export function tooDeep(source: string, { mdx = false, max = MAX_NESTING } = {}): number | undefined {
	return nestingBound(source) <= max ? undefined : parsedTooDeep(source, { mdx, max });
}

/** {@link tooDeep} by parsing the source, whatever {@link nestingBound} says. */
export function parsedTooDeep(source: string, { mdx = false, max = MAX_NESTING } = {}): number | undefined {
	let handle: ReturnType<typeof createMdastHandle>;
	try {
		// MDX reads `{#id}` after a task-list item as an expression unless it is escaped, as the build does.
		handle = mdx
			? createMdxMdastHandle(escapeExplicitIds(source), { directive: true }, true)
			: createMdastHandle(source, { directive: true }, true);
	} catch {
		// MDX that does not parse: its compiler reports that, with the line.
		return undefined;
	}
	try {
		const reader = new MdastReader(serializeHandle(handle));
		const count = reader.nodeCount;
		const depth = new Int32Array(count);
		const names = new Map<number, string>();
		let openHtml = 0;
		for (let id = 0; id < count; id++) {
			const parent = reader.getParentId(id);
			if (parent === 0xffffffff) continue;
			// Nodes come parent first; walk up for any that would not.
			if (parent < id) depth[id] = depth[parent]! + 1;
			else for (let up = parent; up !== 0xffffffff && depth[id]! <= count; up = reader.getParentId(up)) depth[id]!++;
			let level = depth[id]! + openHtml;
			const type = reader.getNodeType(id);
			if (!names.has(type)) names.set(type, reader.getNode(id).typeName);
			if (/^html$/i.test(names.get(type)!)) {
				const html = htmlLevels(reader.getTextValue(id), openHtml);
				openHtml = html.open;
				level = depth[id]! + html.most;
			}
			if (level > max) return reader.getPosition(id)?.start.line ?? 1;
		}
		return undefined;
	} finally {
		dropHandle(handle);
	}
}
