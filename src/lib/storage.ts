/**
 * One storage module for every tool: a versioned envelope in localStorage,
 * validated on read, migrated from older versions, and never silently wiped.
 * Unreadable data is moved to a backup key and reported; full or disabled
 * storage gives a message instead of an exception.
 */

/** The part of `Storage` this module uses (so tests can pass a fake). */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** What is written under the key. */
export interface Envelope {
	/** Version of the data's shape. */
	v: number;
	/** ISO time of the last save. */
	saved: string;
	data: unknown;
}

export interface StoreOptions<T> {
	/** Storage key; by convention `pb-<tool>:<id>`. */
	key: string;
	/** Current version of the data's shape. */
	version: number;
	/** Returns the data when it has the current shape, `undefined` otherwise. */
	parse(data: unknown): T | undefined;
	/** Upgrades data from version `n` to `n + 1`, for every older version still readable. */
	migrations?: Record<number, (data: unknown) => unknown>;
	/** Defaults to `localStorage`, or nothing when the browser refuses access. */
	storage?: StorageLike | null;
	now?: () => Date;
}

export type LoadResult<T> =
	| { status: 'empty' }
	| { status: 'ok'; data: T; migrated: boolean }
	/** The stored value could not be read; it now lives under `backupKey`. */
	| { status: 'recovered'; backupKey: string; reason: string }
	/** Storage cannot be used; `message` says why, for the reader. */
	| { status: 'unavailable'; message: string };

export type SaveResult = { ok: true } | { ok: false; message: string };

export const MESSAGES = {
	disabled:
		'Your browser is not letting this site store data, so your answers will not be kept after you leave. Export them to keep a copy.',
	full: 'Your browser’s storage for this site is full, so this change was not saved. Export to keep a copy, or clear older data.',
	blocked: 'Saving is paused: the earlier saved data could not be read or backed up, and saving now would overwrite it.',
} as const;

/** `localStorage`, or `null` where access throws (disabled cookies, sandboxed frames). */
export function browserStorage(): StorageLike | null {
	try {
		const storage = globalThis.localStorage;
		const probe = '__pb-probe__';
		storage.setItem(probe, probe);
		storage.removeItem(probe);
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
	const { v, saved, data } = value as Partial<Envelope>;
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return 'it has no valid version number';
	return { v, saved: typeof saved === 'string' ? saved : '', data };
}

/** A typed, versioned view of one storage key. */
export function createStore<T>(options: StoreOptions<T>) {
	const storage = options.storage === undefined ? browserStorage() : options.storage;
	const now = options.now ?? (() => new Date());
	let blocked = false;

	function moveAside(raw: string, reason: string): LoadResult<T> {
		const backupKey = `${options.key}:backup:${now().toISOString()}`;
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

	return {
		key: options.key,
		/** Reads, validates and migrates the stored data. */
		load(): LoadResult<T> {
			if (!storage) return { status: 'unavailable', message: MESSAGES.disabled };
			let raw: string | null;
			try {
				raw = storage.getItem(options.key);
			} catch {
				return { status: 'unavailable', message: MESSAGES.disabled };
			}
			if (raw === null) {
				// Nothing left that a save could overwrite.
				blocked = false;
				return { status: 'empty' };
			}
			const envelope = readEnvelope(raw);
			if (typeof envelope === 'string') return moveAside(raw, envelope);
			if (envelope.v > options.version) return moveAside(raw, `it was saved by a newer version (${envelope.v})`);
			let data = envelope.data;
			try {
				for (let v = envelope.v; v < options.version; v++) {
					const migrate = options.migrations?.[v];
					if (!migrate) return moveAside(raw, `version ${v} can no longer be read`);
					data = migrate(data);
				}
			} catch {
				return moveAside(raw, `it could not be upgraded from version ${envelope.v}`);
			}
			const parsed = options.parse(data);
			if (parsed === undefined) return moveAside(raw, 'its contents have an unexpected shape');
			blocked = false;
			return { status: 'ok', data: parsed, migrated: envelope.v !== options.version };
		},
		/** Writes the data in the current version's envelope. */
		save(data: T): SaveResult {
			if (!storage) return { ok: false, message: MESSAGES.disabled };
			if (blocked) return { ok: false, message: MESSAGES.blocked };
			const envelope: Envelope = { v: options.version, saved: now().toISOString(), data };
			try {
				storage.setItem(options.key, JSON.stringify(envelope));
				return { ok: true };
			} catch (error) {
				const name = (error as { name?: string }).name ?? '';
				return { ok: false, message: /quota/i.test(name) || /quota/i.test(String(error)) ? MESSAGES.full : MESSAGES.disabled };
			}
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
