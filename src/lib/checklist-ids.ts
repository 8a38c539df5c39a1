/** An explicit item id written at the end of a task-list item: `- [ ] Text {#my-id}`. */
export const EXPLICIT_ID = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;

/** Longest id derived from an item's text. */
const MAX_LENGTH = 48;

/**
 * A stable id for a checklist item, from its visible text: lower case, words
 * joined by hyphens, cut at a word boundary. Depends only on the words, so
 * reordering items or editing other items never changes it.
 */
export function deriveId(text: string): string {
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let id = '';
	for (const word of words) {
		const next = id ? `${id}-${word}` : word;
		if (next.length > MAX_LENGTH) break;
		id = next;
	}
	return id || (words[0]?.slice(0, MAX_LENGTH) ?? '') || 'item';
}

/** Splits `Text {#id}` into the text and the explicit id, if any. */
export function splitExplicitId(text: string): { text: string; id?: string } {
	const match = EXPLICIT_ID.exec(text);
	return match ? { text: text.slice(0, match.index), id: match[1]! } : { text };
}

/**
 * Makes ids unique within one list: a repeat gets `-2`, `-3`…, skipping any id
 * already used or written for another item, in order.
 */
export function uniqueIds(ids: readonly string[]): string[] {
	const written = new Set(ids);
	const taken = new Set<string>();
	return ids.map((id) => {
		let unique = id;
		for (let n = 2; taken.has(unique) || (unique !== id && written.has(unique)); n++) unique = `${id}-${n}`;
		taken.add(unique);
		return unique;
	});
}

/**
 * The id of the next list on a page: the id of the heading above it, with
 * `-2`, `-3`… when a list before it already has that id.
 */
export function nextListId(taken: readonly string[], heading: string): string {
	let id = heading;
	for (let n = 2; taken.includes(id); n++) id = `${heading}-${n}`;
	return id;
}

/** Explicit ids (`{#id}`) written on more than one item of a list. */
export function repeatedIds(ids: readonly (string | undefined)[]): string[] {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const id of ids) {
		if (id === undefined) continue;
		if (seen.has(id)) repeated.add(id);
		seen.add(id);
	}
	return [...repeated];
}

/**
 * Escapes `{#id}` at the end of task-list lines so MDX reads it as text rather
 * than as a JavaScript expression. Other braces are left to MDX.
 */
export function escapeExplicitIds(mdx: string): string {
	return mdx.replace(/^(\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s.*?)\s*\{#([A-Za-z][\w-]*)\}[ \t]*$/gm, '$1 \\{#$2\\}');
}

/** Whether Markdown source contains a GFM task list item. */
export function hasTaskList(source: string): boolean {
	return /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s/m.test(source);
}
