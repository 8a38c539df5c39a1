/** Pure logic of checklists: saved state, scoring, reconciling edits, merging tabs. Export and import: `checklist-files.ts`. */

/** An item as the page shows it. */
export interface ChecklistItem {
	id: string;
	text: string;
}

/** A score band from the page's frontmatter. */
export interface Band {
	min: number;
	max: number;
	verdict: string;
	advice?: string | undefined;
}

/**
 * What is saved for one checklist: the ticked items, each with its text at the
 * time, so a reworded item can be recognised and a removed one kept in case it
 * comes back; and when each item last changed, so that two tabs' saves merge
 * item by item.
 */
export interface ChecklistState {
	ticked: Record<string, string>;
	/**
	 * Time (ms since 1970) each item was last ticked or unticked. Optional, so
	 * pages of an earlier version read the state and keep the ticks: an item
	 * without a time counts as older than any change.
	 */
	at?: Record<string, number>;
}

/** Version of the saved state's shape; `at` was added without a new version, as older pages can read it. */
export const CHECKLIST_VERSION = 1;

/** Returns the state when `data` has its shape, `undefined` otherwise. */
export function parseChecklistState(data: unknown): ChecklistState | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const ticked = (data as { ticked?: unknown }).ticked;
	if (typeof ticked !== 'object' || ticked === null || Array.isArray(ticked)) return undefined;
	const entries = Object.entries(ticked);
	if (!entries.every(([, text]) => typeof text === 'string')) return undefined;
	const state: ChecklistState = { ticked: Object.fromEntries(entries) as Record<string, string> };
	const at = (data as { at?: unknown }).at;
	if (typeof at === 'object' && at !== null && !Array.isArray(at)) {
		// Times are a help for merging, not the reader's answers: a bad one is dropped, not the whole state.
		state.at = Object.fromEntries(Object.entries(at).filter(([, time]) => Number.isFinite(time)));
	}
	return state;
}

/** The ids a saved state names, to recognise it under another key (see `Store.related`). */
export const savedIds = (state: ChecklistState): string[] => Object.keys(state.ticked);

/**
 * `next` with the time of every item whose tick changed since `previous`
 * (ticked, unticked, or ticked with other text) set to `time`.
 */
export function stamp(previous: ChecklistState, next: ChecklistState, time: number): ChecklistState {
	const at = { ...previous.at, ...next.at };
	for (const id of new Set([...Object.keys(previous.ticked), ...Object.keys(next.ticked)])) {
		if (previous.ticked[id] !== next.ticked[id]) at[id] = time;
	}
	return { ticked: next.ticked, at };
}

/**
 * Merges two saves of one checklist item by item: each item as the state that
 * changed it last has it (the stored one when neither knows better). The
 * result has its keys in order, so two tabs merging the same states write the
 * same text.
 */
export function mergeStates(stored: ChecklistState, mine: ChecklistState): ChecklistState {
	const ticked: Record<string, string> = {};
	const at: Record<string, number> = {};
	const ids = [stored.ticked, stored.at ?? {}, mine.ticked, mine.at ?? {}].flatMap((record) => Object.keys(record));
	for (const id of [...new Set(ids)].sort()) {
		const a = stored.at?.[id] ?? 0;
		const b = mine.at?.[id] ?? 0;
		const winner = b > a ? mine : stored;
		const text = winner.ticked[id];
		if (text !== undefined) ticked[id] = text;
		if (a || b) at[id] = Math.max(a, b);
	}
	return Object.keys(at).length ? { ticked, at } : { ticked };
}

function words(text: string): Set<string> {
	return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of words two texts have in common (Jaccard index), from 0 to 1. */
export function similarity(a: string, b: string): number {
	const x = words(a);
	const y = words(b);
	if (x.size === 0 && y.size === 0) return 1;
	let shared = 0;
	for (const word of x) if (y.has(word)) shared++;
	return shared / (x.size + y.size - shared);
}

/** How alike a reworded item must be to its saved text to keep its tick. */
export const REWORD_THRESHOLD = 0.6;

/**
 * Matches saved state written against an older version of the list to the
 * current items. Items keep their tick by id; a saved tick whose id is gone
 * goes to the most similar item whose id is also new, when they are alike
 * enough (the author reworded it). Saved ticks matched to nothing are `leftover`.
 */
export function match(
	state: ChecklistState,
	items: readonly ChecklistItem[],
): { ticked: Set<string>; leftover: Record<string, string> } {
	const ticked = new Set(items.filter((item) => Object.hasOwn(state.ticked, item.id)).map((item) => item.id));
	const current = new Set(items.map((item) => item.id));
	const fresh = items.filter((item) => !Object.hasOwn(state.ticked, item.id));
	const leftover: Record<string, string> = {};
	for (const [id, text] of Object.entries(state.ticked)) {
		if (current.has(id)) continue;
		let best: ChecklistItem | undefined;
		let bestScore = REWORD_THRESHOLD;
		for (const item of fresh) {
			const score = similarity(text, item.text);
			if (!ticked.has(item.id) && score >= bestScore) {
				best = item;
				bestScore = score;
			}
		}
		if (best) ticked.add(best.id);
		else leftover[id] = text;
	}
	return { ticked, leftover };
}

/**
 * The state to save after the reader changed ticks: the current ticks, plus
 * saved ticks of items no longer on the page, so they come back if the item does.
 */
export function nextState(
	previous: ChecklistState,
	items: readonly ChecklistItem[],
	ticked: ReadonlySet<string>,
): ChecklistState {
	const next = { ...match(previous, items).leftover };
	for (const item of items) if (ticked.has(item.id)) next[item.id] = item.text;
	return previous.at ? { ticked: next, at: previous.at } : { ticked: next };
}

/** The band a score falls in, if the checklist is scored. */
export function bandFor(done: number, bands: readonly Band[] | undefined): Band | undefined {
	return bands?.find((band) => done >= band.min && done <= band.max);
}

/** "5 of 8 done". */
export function progressText(done: number, total: number): string {
	return `${done} of ${total} done`;
}
