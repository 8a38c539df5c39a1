/** Pure logic of checklists: saved state, scoring, reconciling edits, merging tabs, export and import. */

import { overlap, RELATED_THRESHOLD } from './storage.ts';

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
export const EXPORT_FORMAT = 'pactbook-checklist';

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

export interface ExportInput {
	key: string;
	title: string;
	items: readonly ChecklistItem[];
	ticked: ReadonlySet<string>;
	bands?: readonly Band[] | undefined;
	date: Date;
}

/** The checklist as Markdown: the same task list with `[x]` for ticked items, then the score. */
export function toMarkdown({ title, items, ticked, bands, date }: ExportInput): string {
	const done = items.filter((i) => ticked.has(i.id)).length;
	const band = bandFor(done, bands);
	const lines = [`# ${title}`, '', `Saved ${date.toISOString().slice(0, 10)}`, ''];
	for (const item of items) lines.push(`- [${ticked.has(item.id) ? 'x' : ' '}] ${item.text}`);
	lines.push('', `Score: ${progressText(done, items.length)}${band ? ` (${band.verdict})` : ''}`);
	if (band?.advice) lines.push('', band.advice);
	return `${lines.join('\n')}\n`;
}

/** The checklist as a JSON export that {@link fromJson} reads back. */
export function toJson({ key, title, items, ticked, date }: ExportInput): string {
	return `${JSON.stringify(
		{
			format: EXPORT_FORMAT,
			version: CHECKLIST_VERSION,
			checklist: key,
			title,
			exported: date.toISOString(),
			items: items.map((item) => ({ id: item.id, text: item.text, done: ticked.has(item.id) })),
		},
		null,
		2,
	)}\n`;
}

export type ImportResult =
	| { ok: true; state: ChecklistState; ticked: Set<string>; note?: string }
	| { ok: false; message: string };

/**
 * Reads a JSON export for the checklist `key`. Any problem gives a message for
 * the reader and no state, so a bad file changes nothing.
 */
export function fromJson(text: string, key: string, items: readonly ChecklistItem[]): ImportResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, message: 'That file is not a checklist export: it is not valid JSON.' };
	}
	const file = value as { format?: unknown; version?: unknown; checklist?: unknown; title?: unknown; items?: unknown };
	if (typeof value !== 'object' || value === null || file.format !== EXPORT_FORMAT) {
		return { ok: false, message: 'That file is not a Pactbook checklist export.' };
	}
	if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
		return { ok: false, message: 'That export is damaged: it has no valid version number.' };
	}
	if (file.version > CHECKLIST_VERSION) {
		return { ok: false, message: 'That export comes from a newer version of this site and cannot be read here.' };
	}
	if (
		!Array.isArray(file.items) ||
		!file.items.every((i) => typeof i?.id === 'string' && typeof i?.text === 'string' && typeof i?.done === 'boolean')
	) {
		return { ok: false, message: 'That export is damaged: its list of items is missing or malformed.' };
	}
	const exported = file.items as { id: string; text: string; done: boolean }[];
	// A list whose page was renamed or whose heading was reworded has a new key, but the same items.
	const renamed = file.checklist !== key;
	const current = items.map((i) => i.id);
	if (
		renamed &&
		overlap(
			exported.map((i) => i.id),
			current,
		) < RELATED_THRESHOLD
	) {
		const name = typeof file.title === 'string' ? `“${file.title}”` : 'another checklist';
		return { ok: false, message: `That export belongs to ${name}, not to this checklist.` };
	}
	const saved: ChecklistState = {
		ticked: Object.fromEntries(exported.filter((i) => i.done).map((i) => [i.id, i.text])),
	};
	const { ticked, leftover } = match(saved, items);
	const state = nextState(saved, items, ticked);
	const missing = Object.keys(leftover).length;
	const notes = [
		renamed ? 'It was saved under an earlier name of this list; its items match this one.' : '',
		missing > 0
			? `${missing} ticked ${missing === 1 ? 'item is' : 'items are'} no longer on this list and ${missing === 1 ? 'was' : 'were'} kept aside.`
			: '',
	].filter(Boolean);
	return notes.length ? { ok: true, state, ticked, note: notes.join(' ') } : { ok: true, state, ticked };
}

/** A file name's part made of the letters and digits of `text`, in any script, joined by hyphens. */
function fileSlug(text: string | undefined): string {
	const slug = (text ?? '')
		.normalize('NFC')
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	return Array.from(slug).slice(0, 80).join('').replace(/-+$/, '');
}

/**
 * The name (without extension) of an export: the checklist's title in any
 * script, else the page's title, else "checklist" and the date.
 */
export function exportName(title: string | undefined, pageTitle: string | undefined, date: Date): string {
	return fileSlug(title) || fileSlug(pageTitle) || `checklist-${date.toISOString().slice(0, 10)}`;
}
