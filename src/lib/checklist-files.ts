/** Checklist exports (Markdown, JSON) and imports: loaded on first use, not with the page. */

import {
	type Band,
	bandFor,
	CHECKLIST_VERSION,
	type ChecklistItem,
	type ChecklistState,
	match,
	nextState,
	progressText,
} from './checklist.ts';
import { downloadSlug } from './slug.ts';
import { overlap, RELATED_THRESHOLD } from './storage.ts';

export const EXPORT_FORMAT = 'pactbook-checklist';

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
 * The most items an export can list: far more than a list on a page, and the
 * ticks an author's rewordings leave aside, ever come to. A longer file would
 * take the page many seconds to match and more storage than the browser gives.
 */
export const MAX_IMPORTED_ITEMS = 2000;

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
	if (exported.length > MAX_IMPORTED_ITEMS) {
		return {
			ok: false,
			message: `That export is damaged: it lists ${exported.length.toLocaleString('en')} items, more than any checklist holds (${MAX_IMPORTED_ITEMS.toLocaleString('en')} at most).`,
		};
	}
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

/**
 * The name (without extension) of an export: the checklist's title in any
 * script, else the page's title, else "checklist" and the date.
 */
export function exportName(title: string | undefined, pageTitle: string | undefined, date: Date): string {
	return downloadSlug(title) || downloadSlug(pageTitle) || `checklist-${date.toISOString().slice(0, 10)}`;
}
