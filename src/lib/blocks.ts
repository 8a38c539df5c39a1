import type { Nodes } from 'mdast';

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

const EXAMPLE_ATTRIBUTES = 'source="Sports marketing, 2022" lesson="The side that adapts fastest keeps the spotlight."';

/** What to say when a required attribute is missing, with a line to copy. */
const needs = (key: string, example: string) =>
	`needs ${key}="…", the one-sentence ${key} for partner managers. For example: ${example}`;

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
			return { ok: false, message: needs(key, `:::wild{${EXAMPLE_ATTRIBUTES}}`) };
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

/** The props `<InTheWild>`, the MDX twin of `:::wild`, takes: its attributes and its title. */
export const WILD_PROPS = [...ATTRIBUTES.wild!.allowed, 'title'];

/**
 * What is wrong with the props of an `<InTheWild>` element, or `undefined`.
 * A prop given as an expression (`lesson={text}`) counts as given; a prop
 * written alone (`lesson`) as empty.
 */
export function wildPropsProblem(
	props: Record<string, string | null | undefined>,
	nearest: (key: string, known: readonly string[]) => string | undefined = () => undefined,
): string | undefined {
	for (const key of Object.keys(props)) {
		if (!WILD_PROPS.includes(key)) {
			return `${key} is not a prop of <InTheWild>. ${suggest(key, WILD_PROPS, nearest)}It takes ${WILD_PROPS.slice(0, -1).join(', ')} and ${WILD_PROPS.at(-1)}.`;
		}
	}
	for (const key of ATTRIBUTES.wild!.required) {
		const value = props[key];
		if (typeof value !== 'string' || !value.trim()) return needs(key, `<InTheWild ${EXAMPLE_ATTRIBUTES}>`);
	}
	return undefined;
}

/**
 * What to say about `::: tip`, the spelling of VuePress and Docusaurus: with
 * a space after the colons, the line is not a block and shows as text.
 * `known` says whether the name is a Pactbook block.
 */
export function spacedOpening(
	name: string,
	known: boolean,
	nearest: (key: string, known: readonly string[]) => string | undefined = () => undefined,
): string {
	const fix = `has a space after the colons, so it is shown as text, not read as a block. Write \`:::${name}\`, with no space`;
	if (known) return `${fix}.`;
	const unknown = readBlock(name, undefined, {}, nearest);
	return unknown.ok ? `${fix}.` : `${fix}; but :::${name} ${unknown.message}`;
}

/** What to say when the text after a block's name could not be read as a title or attributes. */
export function unreadableRest(name: string, rest: string): string {
	return `the text after :::${name} could not be read: ${rest}. Write a title in square brackets and attributes in braces, each closed on the same line, as in :::${name}[Your title]${name === 'wild' ? '{lesson="…"}' : ''}.`;
}

/** Where a node lies in its source, as the parser reports it: 1-based lines and columns. */
export interface Span {
	start: { line: number; column: number };
	end: { line: number; column: number };
}

/** A line of colons alone: a block's closing line, wherever it stands (in a quote, in a list item). */
const CLOSE = /^[ \t]*(?:>[ \t]*)*(:{3,})[ \t]*$/;
/** A line that opens a block with a space after the colons (`::: tip`), as VuePress and Docusaurus write it: text to the parser. */
const SPACED = /^[ \t]*(?:>[ \t]*)*:{3,}[ \t]+([A-Za-z][\w-]*)/;
/** {@link CLOSE} and {@link SPACED} anywhere in a source. */
const ANY_CLOSE = new RegExp(CLOSE.source, 'm');
const ANY_SPACED = new RegExp(SPACED.source, 'm');
/** Line endings as CommonMark counts them. */
const LINE_BREAK = /\r\n?|\n/;

/** One `:::name` block the parser found. */
export interface Opening {
	name: string;
	/** The 1-based line of the source it opens on. */
	line: number;
	/** What follows the name on its opening line (`[title]{attributes}`), trimmed; empty brackets and braces count as nothing. */
	rest: string;
}

/**
 * How many lines of a file come before the body its parser was given: the
 * frontmatter and the blank lines after it, which the body is trimmed of. The
 * body ends where the file's text ends, and has the file's line endings.
 */
export function bodyLineOffset(file: string, body: string): number {
	const breaks = (text: string) => text.trimEnd().split(LINE_BREAK).length;
	return Math.max(0, breaks(file) - breaks(body));
}

const before = (a: Span['start'], b: Span['start']) => a.line - b.line || a.column - b.column;

/**
 * Reads the `:::` lines of one parsed document from the positions its parser
 * reports, fed node by node: each block with `block()` and, when the source
 * has a line of colons alone (`hasClosingLines`), each piece of code or HTML
 * with `literal()`. A closing line ends the innermost block and the ones
 * around it that the parser ends with it; it needs at least as many colons as
 * each of them opened with, or they are never closed. A line of colons alone
 * outside every block and every piece of code or HTML closes no block.
 */
export class BlockLines {
	readonly #source: string;
	#lines: string[] | undefined;
	readonly #blocks: { name: string; start: Span['start']; end: Span['end']; colons: number }[] = [];
	readonly #literals: Span[] = [];
	/** Whether a line of the source is colons alone: only then are code and HTML worth recording. */
	readonly hasClosingLines: boolean;
	/** Whether a line of the source opens a block with a space after the colons (`::: tip`): code and HTML are worth recording then too. */
	readonly hasSpacedOpenings: boolean;

	constructor(source: string) {
		this.#source = source;
		this.hasClosingLines = ANY_CLOSE.test(source);
		this.hasSpacedOpenings = ANY_SPACED.test(source);
	}

	#line(line: number): string {
		this.#lines ??= this.#source.split(LINE_BREAK);
		return this.#lines[line - 1] ?? '';
	}

	/** Records a block from its name and position, and returns its opening. */
	block(name: string, { start, end }: Span): Opening {
		// From the block's own first character: its colons, its name, then what the parser could not read.
		const first = this.#line(start.line).slice(start.column - 1);
		const colons = /^:*/.exec(first)![0].length;
		const rest = first
			.slice(colons + name.length)
			.trim()
			.replace(/^\[\s*\]|\{\s*\}$/g, '')
			.trim();
		this.#blocks.push({ name, start, end, colons });
		return { name, line: start.line, rest };
	}

	/** Records code or HTML (fenced, indented or inline): a line of colons alone in it is part of an example. */
	literal(span: Span): void {
		this.#literals.push(span);
	}

	#inLiteral(line: number): boolean {
		return this.#literals.some(({ start, end }) => start.line <= line && line <= end.line);
	}

	/** The lines of `:::` that close no block, in order. */
	get stray(): number[] {
		if (!this.hasClosingLines) return [];
		this.#lines ??= this.#source.split(LINE_BREAK);
		const covered = (line: number) =>
			this.#blocks.some(({ start, end }) => start.line <= line && line <= end.line) || this.#inLiteral(line);
		const stray: number[] = [];
		this.#lines.forEach((text, i) => {
			if (CLOSE.test(text) && !covered(i + 1)) stray.push(i + 1);
		});
		return stray;
	}

	/** The lines outside code and HTML that open a block with a space after the colons (`::: tip`), in order. */
	get spaced(): { name: string; line: number }[] {
		if (!this.hasSpacedOpenings) return [];
		this.#lines ??= this.#source.split(LINE_BREAK);
		const found: { name: string; line: number }[] = [];
		this.#lines.forEach((text, i) => {
			const name = SPACED.exec(text)?.[1];
			if (name && !this.#inLiteral(i + 1)) found.push({ name, line: i + 1 });
		});
		return found;
	}

	/** The blocks that no closing line ends, outermost first. */
	get unclosed(): { name: string; line: number }[] {
		const blocks = [...this.#blocks].sort((a, b) => before(a.start, b.start));
		return blocks
			.filter((block) => {
				const last = this.#line(block.end.line).slice(0, block.end.column - 1);
				const colons = CLOSE.exec(last)?.[1]?.length ?? 0;
				// The blocks inside it that end where it ends are closed by the same line, which needs their colons too.
				const closed = blocks.filter((other) => before(other.start, block.start) >= 0 && before(other.end, block.end) === 0);
				return closed.some((other) => colons < other.colons);
			})
			.map(({ name, start }) => ({ name, line: start.line }));
	}
}

/** Nodes whose text is shown as written, never read as Markdown: code, HTML, frontmatter, math. */
const LITERALS = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'math', 'inlineMath']);

/**
 * The blocks of a document its parser read with positions (Sätteri's mdast,
 * directives on): each block's opening, in order, and the `:::` lines that
 * pair with nothing.
 */
export function readBlockLines(
	tree: Nodes,
	source: string,
): { openings: Opening[]; unclosed: { name: string; line: number }[]; stray: number[] } {
	const lines = new BlockLines(source);
	const openings: Opening[] = [];
	const visit = (node: Nodes) => {
		if (node.type === 'containerDirective' && node.position) openings.push(lines.block(node.name, node.position));
		else if (LITERALS.has(node.type) && node.position) lines.literal(node.position);
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(tree);
	return { openings, unclosed: lines.unclosed, stray: lines.stray };
}
