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

/** Makes ids unique within one list by adding `-2`, `-3`… to repeats, in order. */
export function uniqueIds(ids: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return ids.map((id) => {
		const count = (seen.get(id) ?? 0) + 1;
		seen.set(id, count);
		return count === 1 ? id : `${id}-${count}`;
	});
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
