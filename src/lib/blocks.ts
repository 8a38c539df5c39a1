/**
 * The blocks authors write in plain Markdown as `:::name` … `:::` and their
 * MDX component twins: the "partnerships in the wild" segment and callouts.
 * Both render the same markup, described here once.
 */

export const CALLOUT_LABELS = { note: 'Note', tip: 'Tip', warning: 'Watch out' } as const;
export type CalloutKind = keyof typeof CALLOUT_LABELS;

export const WILD_TITLE = 'Partnerships in the wild';

/** What each block accepts: `[label]` is its title; attributes go in `{…}`. */
const ATTRIBUTES: Record<string, { allowed: string[]; required: string[] }> = {
	wild: { allowed: ['source', 'lesson'], required: ['lesson'] },
	note: { allowed: [], required: [] },
	tip: { allowed: [], required: [] },
	warning: { allowed: [], required: [] },
};

export const BLOCK_NAMES = Object.keys(ATTRIBUTES);

export type Block =
	| { kind: 'wild'; title: string; source?: string; lesson: string }
	| { kind: 'callout'; type: CalloutKind; title: string };

/** A block's definition or, when the author wrote something we cannot render, what to change. */
export type BlockResult = { ok: true; block: Block } | { ok: false; message: string };

const EXAMPLE = ':::wild{source="Sports marketing, 2022" lesson="The side that adapts fastest keeps the spotlight."}';

function suggest(name: string, known: readonly string[], nearest: (key: string, known: readonly string[]) => string | undefined) {
	const guess = nearest(name, known);
	return guess ? `Did you mean ${guess}? ` : '';
}

/**
 * Checks one `:::name[label]{attributes}` block. `nearest` finds a likely
 * intended word for a typo (kept as a parameter so this module has no
 * dependencies).
 */
export function readBlock(
	name: string,
	label: string | undefined,
	attributes: Record<string, string | null | undefined>,
	nearest: (key: string, known: readonly string[]) => string | undefined = () => undefined,
): BlockResult {
	const spec = ATTRIBUTES[name];
	if (!spec) {
		return {
			ok: false,
			message: `is not a Pactbook block. ${suggest(name, BLOCK_NAMES, nearest)}Use one of ${BLOCK_NAMES.map((n) => `:::${n}`).join(', ')}, and close it with a line of :::.`,
		};
	}
	for (const key of Object.keys(attributes)) {
		if (spec.allowed.includes(key)) continue;
		const hint = spec.allowed.length
			? `${suggest(key, spec.allowed, nearest)}It takes ${spec.allowed.join(' and ')}.`
			: `It takes no attributes; write its title as :::${name}[Your title].`;
		return { ok: false, message: `${key} is not an attribute of this block. ${hint}` };
	}
	for (const key of spec.required) {
		const value = attributes[key];
		if (typeof value !== 'string' || !value.trim()) {
			return { ok: false, message: `needs ${key}="…", the one-sentence ${key} for partner managers. For example: ${EXAMPLE}` };
		}
	}
	const title = label?.trim() || undefined;
	if (name === 'wild') {
		const source = attributes.source?.trim() || undefined;
		return {
			ok: true,
			block: {
				kind: 'wild',
				title: title ?? WILD_TITLE,
				lesson: String(attributes.lesson).trim(),
				...(source ? { source } : {}),
			},
		};
	}
	const type = name as CalloutKind;
	return { ok: true, block: { kind: 'callout', type, title: title ?? CALLOUT_LABELS[type] } };
}

/** A line that opens a block (`:::name`, in a quote or a list too) or closes one (`:::`). */
const OPEN = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(:{3,})[ \t]*([\w-]+)/;
const CLOSE = /^[ \t]*(?:>[ \t]*)*(:{3,})[ \t]*$/;
const FENCE = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(?:>[ \t]*)*#{1,6}(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:>[ \t]*)*(?:[-*+]|\d+[.)])(?:[ \t]|$)/;

/** Columns of indentation before a line's text, a tab counting as four. */
function indentOf(text: string): number {
	let columns = 0;
	for (const char of text) {
		if (char === ' ') columns += 1;
		else if (char === '\t') columns += 4 - (columns % 4);
		else break;
	}
	return columns;
}

/**
 * Lines of a Markdown source with their 1-based numbers, leaving out code
 * examples as CommonMark reads them: fenced code (closed only by a fence of the
 * same character, at least as long, with nothing after it) and, outside lists,
 * indented code (four columns in, after a blank line).
 */
function proseLines(source: string): { text: string; line: number }[] {
	const lines: { text: string; line: number }[] = [];
	let fence: { char: string; length: number } | undefined;
	let inList = false;
	let previous: 'blank' | 'code' | 'text' = 'blank';
	for (const [i, text] of source.split(/\r?\n/).entries()) {
		const marker = FENCE.exec(text);
		if (fence) {
			const closes = marker && marker[1]![0] === fence.char && marker[1]!.length >= fence.length && marker[2]!.trim() === '';
			if (closes) {
				fence = undefined;
				previous = 'blank';
			}
			continue;
		}
		if (text.trim() === '') {
			previous = 'blank';
			continue;
		}
		// Indented code first: a fence or a block marker in it is part of the example.
		const indent = indentOf(text);
		if (!inList && indent >= 4 && previous !== 'text') {
			previous = 'code';
			continue;
		}
		// A backtick fence's info string cannot hold a backtick.
		if (marker && !(marker[1]![0] === '`' && marker[2]!.includes('`'))) {
			fence = { char: marker[1]![0]!, length: marker[1]!.length };
			if (LIST_ITEM.test(text)) inList = true;
			continue;
		}
		if (LIST_ITEM.test(text)) inList = true;
		else if (indent === 0 && previous === 'blank') inList = false;
		// A heading (`#`, or text underlined with === or ---) ends its block: indented code may follow it directly.
		previous = HEADING.test(text) || SETEXT.test(text) ? 'blank' : 'text';
		lines.push({ text, line: i + 1 });
	}
	return lines;
}

/**
 * For each block name, what follows the name on each of its opening lines
 * (`[title]{attributes}`), trimmed and in order; code examples left out. Empty
 * brackets and braces count as nothing.
 */
export function blockOpenings(source: string): Map<string, string[]> {
	const openings = new Map<string, string[]>();
	for (const { text } of proseLines(source)) {
		const open = OPEN.exec(text);
		if (!open) continue;
		const rest = text
			.slice(open[0].length)
			.trim()
			.replace(/^\[\s*\]|\{\s*\}$/g, '')
			.trim();
		openings.set(open[2]!, [...(openings.get(open[2]!) ?? []), rest]);
	}
	return openings;
}

/** What to say when the text after a block's name could not be read as a title or attributes. */
export function unreadableRest(name: string, rest: string): string {
	return `the text after :::${name} could not be read: ${rest}. Write a title in square brackets and attributes in braces, each closed on the same line, as in :::${name}[Your title]${name === 'wild' ? '{lesson="…"}' : ''}.`;
}

/** The 1-based line on which the `seen`-th (from 0) block named `name` opens, code examples left out. */
export function blockLine(source: string, name: string, seen: number): number | undefined {
	return proseLines(source).filter(({ text }) => OPEN.exec(text)?.[2] === name)[seen]?.line;
}

/**
 * How a source's `:::` lines pair up: blocks that no closing line ends
 * (`unclosed`), and closing lines while no block is open (`stray`, including a
 * second `:::` after same-colon nesting). A closing line ends the innermost
 * open block, and the ones around it, while it has at least as many colons as
 * they do; otherwise it belongs to that block's text. Code examples are left out.
 */
export function blockFences(source: string): { unclosed: { name: string; line: number }[]; stray: number[] } {
	const open: { name: string; line: number; colons: number }[] = [];
	const stray: number[] = [];
	for (const { text, line } of proseLines(source)) {
		const close = CLOSE.exec(text);
		if (close) {
			if (!open.length) stray.push(line);
			// As the parser reads it, a closing line ends every innermost block it has enough colons for.
			while (open.length && close[1]!.length >= open.at(-1)!.colons) open.pop();
			continue;
		}
		const opening = OPEN.exec(text);
		if (opening) open.push({ name: opening[2]!, line, colons: opening[1]!.length });
	}
	return { unclosed: open.map(({ name, line }) => ({ name, line })), stray };
}
