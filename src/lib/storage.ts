/**
 * One storage module for every tool: a versioned envelope in localStorage,
 * validated on read, migrated from older versions, and never silently wiped.
 *
 * - Unreadable data is moved to a backup key and reported.
 * - Data saved by a newer version of the site is never touched: the store says
 *   so and refuses to save until the page is reloaded.
 * - Reading works whenever the browser lets the site read; a full storage only
 *   refuses saves (with the "full" message), disabled storage gives a message
 *   instead of an exception.
 * - With a `merge` function, every save re-reads the stored value and merges
 *   it with the new one, so two tabs saving at once keep both changes.
 * - With a `fingerprint` (the ids of what the tool shows: items, questions),
 *   saved values whose key changed (a renamed page, a reworded heading) can be
 *   found again by their contents with {@link Store.related}.
 */

/** The reader's light/dark choice (read before the page paints). */
export const THEME_KEY = 'pb-theme';

/** One namespace per tool: a tool's keys are its namespace followed by the list's or form's id. */
export const NAMESPACES = {
	checklist: 'pb-checklist:',
	questionnaire: 'pb-questionnaire:',
	goals: 'pb-goals:',
} as const;

export type Namespace = keyof typeof NAMESPACES;

/** Marks the key of a copy of unreadable data: `<key>:backup:<time>`. */
const BACKUP = ':backup:';

/** The storage key of one tool's saved state, e.g. `storageKey('checklist', 'playbooks/x#self')`. */
export function storageKey(namespace: Namespace, id: string): string {
	return NAMESPACES[namespace] + id;
}

/** The part of `Storage` this module uses (so tests can pass a fake). `length` and `key` are only needed by {@link Store.related}. */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
	readonly length?: number;
	key?(index: number): string | null;
}

/** What is written under the key. */
export interface Envelope {
	/** Version of the data's shape. */
	v: number;
	/** ISO time of the last save. */
	saved: string;
	data: unknown;
	/** Ids of what the tool showed when this was saved (see `fingerprint`). */
	fp?: string[];
}

export interface StoreOptions<T> {
	/** Storage key: `storageKey(namespace, id)`. */
	key: string;
	/** Current version of the data's shape. Raise it only when older pages could not read the new shape. */
	version: number;
	/** Returns the data when it has the current shape, `undefined` otherwise. */
	parse(data: unknown): T | undefined;
	/** Upgrades data from version `n` to `n + 1`, for every older version still readable. */
	migrations?: Record<number, (data: unknown) => unknown>;
	/**
	 * Combines what is stored (perhaps written by another tab since this one
	 * read it) with what this tab is saving. Must be deterministic, so two tabs
	 * merging the same values write the same text and stop there.
	 */
	merge?: (stored: T, mine: T) => T;
	/** Ids of what the tool shows now (items, questions), saved with the data to find it again under another key. */
	fingerprint?: readonly string[];
	/** Ids to compare for values saved without a fingerprint (by older versions). */
	fingerprintOf?: (data: T) => string[];
	/** Defaults to `localStorage`, or nothing when the browser refuses access. */
	storage?: StorageLike | null;
	now?: () => Date;
}

export type LoadResult<T> =
	| { status: 'empty' }
	| { status: 'ok'; data: T; migrated: boolean }
	/** The stored value could not be read; it now lives under `backupKey`. */
	| { status: 'recovered'; backupKey: string; reason: string }
	/** A newer version of the site saved it: left as it is, and saving stops until a reload. */
	| { status: 'newer'; version: number; message: string }
	/** Storage cannot be used; `message` says why, for the reader. */
	| { status: 'unavailable'; message: string };

/** `merged` (with a `merge` function) is what is now stored: this tab's data combined with other tabs'. */
export type SaveResult<T = unknown> = { ok: true; merged?: T } | { ok: false; message: string };

/** A value saved under another key whose contents resemble this store's (see {@link Store.related}). */
export interface Related<T> {
	key: string;
	data: T;
	/** Share of ids in common, from 0 to 1. */
	score: number;
	/** Whether the saved fingerprint is exactly this store's. */
	same: boolean;
	/** ISO time of its last save. */
	saved: string;
}

export const MESSAGES = {
	disabled:
		'Your browser is not letting this site store data, so your answers will not be kept after you leave. Export them to keep a copy.',
	full: 'Your browser’s storage for this site is full, so this change was not saved. Export to keep a copy, or clear older data.',
	blocked: 'Saving is paused: the earlier saved data could not be read or backed up, and saving now would overwrite it.',
	newer:
		'Your answers here were saved by a newer version of this site — reload the page to see them. Nothing you change here will be saved until then.',
} as const;

/** How much of two fingerprints must overlap for {@link Store.related} to offer a value. */
export const RELATED_THRESHOLD = 0.5;

/**
 * `localStorage`, or `null` where access throws (disabled cookies, sandboxed
 * frames). Only reads: a full storage can still be read.
 */
export function browserStorage(): StorageLike | null {
	try {
		const storage = globalThis.localStorage;
		storage.getItem(THEME_KEY);
		return storage;
	} catch {
		return null;
	}
}

function readEnvelope(raw: string): Envelope | string {
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return 'it is not valid JSON';
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a saved-data envelope';
	const { v, saved, data, fp } = value as Partial<Envelope>;
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return 'it has no valid version number';
	const envelope: Envelope = { v, saved: typeof saved === 'string' ? saved : '', data };
	if (Array.isArray(fp) && fp.every((id) => typeof id === 'string')) envelope.fp = fp;
	return envelope;
}

/**
 * Share of ids two lists have in common: of all their ids (Jaccard index), or
 * when `partial` (ids saved without a fingerprint, a subset) of `saved`'s ids.
 */
export function overlap(saved: readonly string[], current: readonly string[], partial = false): number {
	const a = new Set(saved);
	const b = new Set(current);
	let shared = 0;
	for (const id of a) if (b.has(id)) shared++;
	const whole = partial ? a.size : a.size + b.size - shared;
	return whole ? shared / whole : 0;
}

type Read<T> =
	| { status: 'empty' }
	| { status: 'ok'; envelope: Envelope; data: T }
	| { status: 'bad'; raw: string; reason: string }
	| { status: 'newer'; version: number }
	| { status: 'unavailable' };

/** A typed, versioned view of one storage key. */
export function createStore<T>(options: StoreOptions<T>) {
	const storage = options.storage === undefined ? browserStorage() : options.storage;
	const now = options.now ?? (() => new Date());
	const namespace = options.key.slice(0, options.key.indexOf(':') + 1) || options.key;
	/** Saving would overwrite data that could not be backed up. */
	let blocked = false;
	/** A newer version saved here: nothing is written until a reload. */
	let frozen = false;

	function read(key: string): Read<T> {
		let raw: string | null;
		try {
			raw = storage!.getItem(key);
		} catch {
			return { status: 'unavailable' };
		}
		if (raw === null) return { status: 'empty' };
		const envelope = readEnvelope(raw);
		if (typeof envelope === 'string') return { status: 'bad', raw, reason: envelope };
		if (envelope.v > options.version) return { status: 'newer', version: envelope.v };
		let data = envelope.data;
		try {
			for (let v = envelope.v; v < options.version; v++) {
				const migrate = options.migrations?.[v];
				if (!migrate) return { status: 'bad', raw, reason: `version ${v} can no longer be read` };
				data = migrate(data);
			}
		} catch {
			return { status: 'bad', raw, reason: `it could not be upgraded from version ${envelope.v}` };
		}
		const parsed = options.parse(data);
		if (parsed === undefined) return { status: 'bad', raw, reason: 'its contents have an unexpected shape' };
		return { status: 'ok', envelope, data: parsed };
	}

	function moveAside(raw: string, reason: string): LoadResult<T> {
		const backupKey = `${options.key}${BACKUP}${now().toISOString()}`;
		try {
			storage!.setItem(backupKey, raw);
			storage!.removeItem(options.key);
			blocked = false;
			return { status: 'recovered', backupKey, reason };
		} catch {
			blocked = true;
			return { status: 'unavailable', message: MESSAGES.blocked };
		}
	}

	function newer(version: number): LoadResult<T> {
		frozen = true;
		return { status: 'newer', version, message: MESSAGES.newer };
	}

	function write(data: T): SaveResult<T> {
		const envelope: Envelope = { v: options.version, saved: now().toISOString(), data };
		if (options.fingerprint) envelope.fp = [...options.fingerprint];
		try {
			storage!.setItem(options.key, JSON.stringify(envelope));
			return options.merge ? { ok: true, merged: data } : { ok: true };
		} catch (error) {
			const name = (error as { name?: string }).name ?? '';
			return { ok: false, message: /quota/i.test(name) || /quota/i.test(String(error)) ? MESSAGES.full : MESSAGES.disabled };
		}
	}

	return {
		key: options.key,
		/** Reads, validates and migrates the stored data. */
		load(): LoadResult<T> {
			if (!storage) return { status: 'unavailable', message: MESSAGES.disabled };
			const result = read(options.key);
			switch (result.status) {
				case 'unavailable':
					return { status: 'unavailable', message: MESSAGES.disabled };
				case 'empty':
					// Nothing left that a save could overwrite.
					blocked = false;
					return { status: 'empty' };
				case 'newer':
					return newer(result.version);
				case 'bad':
					return moveAside(result.raw, result.reason);
				default:
					blocked = false;
					return { status: 'ok', data: result.data, migrated: result.envelope.v !== options.version };
			}
		},
		/**
		 * Writes the data in the current version's envelope. Never writes over
		 * data from a newer version; with `merge`, first combines the data with
		 * what is stored, and skips the write when that changes nothing.
		 */
		save(data: T): SaveResult<T> {
			if (!storage) return { ok: false, message: MESSAGES.disabled };
			if (frozen) return { ok: false, message: MESSAGES.newer };
			if (blocked) return { ok: false, message: MESSAGES.blocked };
			const stored = read(options.key);
			if (stored.status === 'newer') {
				newer(stored.version);
				return { ok: false, message: MESSAGES.newer };
			}
			if (stored.status === 'bad') {
				// Written since this page read it, and unreadable: keep a copy before writing.
				if (moveAside(stored.raw, stored.reason).status !== 'recovered') return { ok: false, message: MESSAGES.blocked };
			}
			if (stored.status === 'ok' && options.merge) {
				const merged = options.merge(stored.data, data);
				// Writing the same data again would wake every other tab for nothing (and tabs
				// showing two versions of a list would rewrite each other's fingerprint for ever).
				const same = stored.envelope.v === options.version && JSON.stringify(merged) === JSON.stringify(stored.data);
				return same ? { ok: true, merged } : write(merged);
			}
			return write(data);
		},
		/**
		 * Values saved in this store's namespace under other keys (not `exclude`,
		 * not backups) whose fingerprint overlaps this store's by at least
		 * {@link RELATED_THRESHOLD}, best match first: ticks or answers saved
		 * before a page was renamed or a heading reworded. Nothing is changed; to
		 * take one over, `save()` its data.
		 */
		related(exclude: readonly string[] = []): Related<T>[] {
			const fingerprint = options.fingerprint;
			if (!storage?.key || !fingerprint?.length) return [];
			const found: Related<T>[] = [];
			try {
				for (let i = 0; i < (storage.length ?? 0); i++) {
					const key = storage.key(i);
					if (!key?.startsWith(namespace) || key === options.key || key.includes(BACKUP) || exclude.includes(key)) continue;
					const result = read(key);
					if (result.status !== 'ok') continue;
					const saved = result.envelope.fp;
					const score = saved
						? overlap(saved, fingerprint)
						: overlap(options.fingerprintOf?.(result.data) ?? [], fingerprint, true);
					if (score < RELATED_THRESHOLD) continue;
					const same = Boolean(saved && score === 1 && saved.length === fingerprint.length);
					found.push({ key, data: result.data, score, same, saved: result.envelope.saved });
				}
			} catch {
				return [];
			}
			return found.sort((a, b) => b.score - a.score || b.saved.localeCompare(a.saved));
		},
		/** Calls `listener` when another tab changes this key. Returns a function that stops listening. */
		subscribe(target: EventTarget, listener: () => void): () => void {
			const handler = (event: Event) => {
				const key = (event as StorageEvent).key;
				if (key === options.key || key === null) listener();
			};
			target.addEventListener('storage', handler);
			return () => target.removeEventListener('storage', handler);
		},
	};
}

export type Store<T> = ReturnType<typeof createStore<T>>;
