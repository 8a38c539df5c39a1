import { afterEach, describe, expect, test, vi } from 'vitest';
import {
	browserStorage,
	createStore,
	MESSAGES,
	NAMESPACES,
	overlap,
	type StorageLike,
	storageKey,
	THEME_KEY,
} from '../../../src/lib/storage.ts';
import { MemoryStorage } from '../../helpers/memory-storage.ts';

type Note = { text: string };
const parse = (data: unknown): Note | undefined =>
	typeof (data as Note)?.text === 'string' ? { text: (data as Note).text } : undefined;
const now = () => new Date('2026-11-23T10:00:00Z');

function setup(storage: StorageLike | null = new MemoryStorage()) {
	return {
		storage,
		store: createStore<Note>({
			key: 'pb-test:x',
			version: 2,
			parse,
			now,
			storage,
			migrations: { 1: (d) => ({ text: (d as { body: string }).body }) },
		}),
	};
}

describe('storage envelope', () => {
	test('saves and loads the current version', () => {
		const { store, storage } = setup();
		expect(store.load()).toEqual({ status: 'empty' });
		expect(store.save({ text: 'hi' })).toEqual({ ok: true });
		expect(JSON.parse(storage!.getItem('pb-test:x')!)).toEqual({ v: 2, saved: '2026-11-23T10:00:00.000Z', data: { text: 'hi' } });
		expect(store.load()).toEqual({ status: 'ok', data: { text: 'hi' }, migrated: false });
	});

	test('migrates an older version', () => {
		const { store, storage } = setup();
		storage!.setItem('pb-test:x', JSON.stringify({ v: 1, saved: '', data: { body: 'old' } }));
		expect(store.load()).toEqual({ status: 'ok', data: { text: 'old' }, migrated: true });
	});

	test.each([
		['corrupt JSON', '{"v":2,', 'it is not valid JSON'],
		['not an envelope', '[1,2]', 'it is not a saved-data envelope'],
		['no version', '{"data":{"text":"x"}}', 'it has no valid version number'],
		['wrong shape', '{"v":2,"data":{"text":42}}', 'its contents have an unexpected shape'],
		['a fractional version', '{"v":0.5,"data":{}}', 'it has no valid version number'],
		['a failing migration', '{"v":1,"data":null}', 'it could not be upgraded from version 1'],
	])('moves %s aside to a backup key and says so', (_, raw, reason) => {
		const { store, storage } = setup();
		storage!.setItem('pb-test:x', raw);
		const result = store.load();
		expect(result).toEqual({ status: 'recovered', backupKey: 'pb-test:x:backup:2026-11-23T10:00:00.000Z', reason });
		expect(storage!.getItem('pb-test:x')).toBeNull();
		expect(storage!.getItem('pb-test:x:backup:2026-11-23T10:00:00.000Z')).toBe(raw);
		expect(store.save({ text: 'fresh' })).toEqual({ ok: true });
	});

	test('a full storage gives a message, not an exception, and keeps the old value', () => {
		const { store, storage } = setup();
		store.save({ text: 'kept' });
		(storage as MemoryStorage).quota = 10;
		expect(store.save({ text: 'too long to fit' })).toEqual({ ok: false, message: MESSAGES.full });
		expect(store.load()).toMatchObject({ status: 'ok', data: { text: 'kept' } });
	});

	test('a version no migration reaches any more is moved aside', () => {
		const storage = new MemoryStorage();
		const raw = '{"v":2,"data":{"words":["old"]}}';
		storage.setItem('pb-test:x', raw);
		const store = createStore<Note>({ key: 'pb-test:x', version: 3, parse, now, storage, migrations: { 1: (d) => d } });
		expect(store.load()).toEqual({
			status: 'recovered',
			backupKey: 'pb-test:x:backup:2026-11-23T10:00:00.000Z',
			reason: 'version 2 can no longer be read',
		});
		expect(storage.getItem('pb-test:x:backup:2026-11-23T10:00:00.000Z')).toBe(raw);
	});

	test('saving works again once the unreadable data is gone or backed up', () => {
		const storage = new MemoryStorage();
		storage.setItem('pb-test:x', 'garbage');
		storage.quota = 0;
		const { store } = setup(storage);
		expect(store.load()).toEqual({ status: 'unavailable', message: MESSAGES.blocked });
		// Another tab removed it.
		storage.removeItem('pb-test:x');
		storage.quota = Infinity;
		expect(store.load()).toEqual({ status: 'empty' });
		expect(store.save({ text: 'new' })).toEqual({ ok: true });
		// Unreadable again, and this time there is room to back it up.
		storage.setItem('pb-test:x', 'garbage');
		storage.quota = 'garbage'.length;
		expect(store.load()).toEqual({ status: 'unavailable', message: MESSAGES.blocked });
		storage.quota = Infinity;
		expect(store.load()).toMatchObject({ status: 'recovered' });
		expect(store.save({ text: 'newer' })).toEqual({ ok: true });
	});

	test('unreadable data that cannot be backed up is never overwritten', () => {
		const storage = new MemoryStorage();
		storage.setItem('pb-test:x', 'garbage');
		storage.quota = 0;
		const { store } = setup(storage);
		expect(store.load()).toEqual({ status: 'unavailable', message: MESSAGES.blocked });
		expect(store.save({ text: 'new' })).toEqual({ ok: false, message: MESSAGES.blocked });
		expect(storage.getItem('pb-test:x')).toBe('garbage');
	});

	test('disabled storage gives a message', () => {
		const { store } = setup(null);
		expect(store.load()).toEqual({ status: 'unavailable', message: MESSAGES.disabled });
		expect(store.save({ text: 'x' })).toEqual({ ok: false, message: MESSAGES.disabled });
		const throwing: StorageLike = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('SecurityError');
			},
			removeItem: () => {},
		};
		expect(setup(throwing).store.load()).toEqual({ status: 'unavailable', message: MESSAGES.disabled });
		expect(setup(throwing).store.save({ text: 'x' })).toEqual({ ok: false, message: MESSAGES.disabled });
	});

	test('subscribers hear about changes to their key from other tabs', () => {
		const { store } = setup();
		const target = new EventTarget();
		const heard: string[] = [];
		const stop = store.subscribe(target, () => heard.push('change'));
		const event = (key: string | null) => Object.assign(new Event('storage'), { key });
		target.dispatchEvent(event('pb-test:x'));
		target.dispatchEvent(event('pb-other'));
		target.dispatchEvent(event(null));
		stop();
		target.dispatchEvent(event('pb-test:x'));
		expect(heard).toEqual(['change', 'change']);
	});
});

describe('keys', () => {
	test('every key is a named constant under one prefix', () => {
		expect(THEME_KEY).toBe('pb-theme');
		expect(storageKey('checklist', 'playbooks/x#self')).toBe('pb-checklist:playbooks/x#self');
		for (const namespace of Object.values(NAMESPACES)) expect(namespace).toMatch(/^pb-[a-z]+:$/);
		expect(new Set(Object.values(NAMESPACES)).size).toBe(Object.keys(NAMESPACES).length);
	});
});

describe('data saved by a newer version', () => {
	const raw = '{"v":9,"saved":"","data":{"text":"from the future"}}';

	test('is left untouched, reported, and stops every save', () => {
		const { store, storage } = setup();
		storage!.setItem('pb-test:x', raw);
		const writes = (storage as MemoryStorage).writes;
		expect(store.load()).toEqual({ status: 'newer', version: 9, message: MESSAGES.newer });
		expect(store.save({ text: 'mine' })).toEqual({ ok: false, message: MESSAGES.newer });
		expect(storage!.getItem('pb-test:x')).toBe(raw);
		expect((storage as MemoryStorage).writes).toBe(writes);
		expect([...(storage as MemoryStorage).map.keys()]).toEqual(['pb-test:x']);
		// Even once the newer data is gone, this page stays behind that version until it is reloaded.
		storage!.removeItem('pb-test:x');
		expect(store.save({ text: 'mine' })).toEqual({ ok: false, message: MESSAGES.newer });
	});

	test('written by another tab after this page loaded, is not overwritten by a save', () => {
		const { store, storage } = setup();
		expect(store.save({ text: 'mine' })).toEqual({ ok: true });
		storage!.setItem('pb-test:x', raw);
		expect(store.save({ text: 'mine again' })).toEqual({ ok: false, message: MESSAGES.newer });
		expect(storage!.getItem('pb-test:x')).toBe(raw);
	});
});

describe('full storage', () => {
	afterEach(() => vi.unstubAllGlobals());

	test('the browser’s storage is used even when a write would not fit, so saved data still loads', () => {
		const storage = new MemoryStorage();
		storage.setItem('pb-test:x', JSON.stringify({ v: 2, saved: '', data: { text: 'kept' } }));
		storage.quota = 0;
		vi.stubGlobal('localStorage', storage);
		expect(browserStorage()).toBe(storage);
		const store = createStore<Note>({ key: 'pb-test:x', version: 2, parse });
		expect(store.load()).toEqual({ status: 'ok', data: { text: 'kept' }, migrated: false });
		expect(store.save({ text: 'more' })).toEqual({ ok: false, message: MESSAGES.full });
		expect(store.load()).toMatchObject({ status: 'ok', data: { text: 'kept' } });
	});

	test('storage the browser refuses to open is disabled', () => {
		vi.stubGlobal('localStorage', {
			getItem() {
				throw new DOMException('denied', 'SecurityError');
			},
		});
		expect(browserStorage()).toBeNull();
	});
});

describe('saves from two tabs', () => {
	type Tags = { tags: string[] };
	const union = (a: Tags, b: Tags): Tags => ({ tags: [...new Set([...a.tags, ...b.tags])].sort() });
	const parseTags = (data: unknown) => (Array.isArray((data as Tags)?.tags) ? (data as Tags) : undefined);
	const tab = (storage: StorageLike) =>
		createStore<Tags>({ key: 'pb-test:t', version: 1, parse: parseTags, merge: union, now, storage });

	test('merge with what the other tab saved since', () => {
		const storage = new MemoryStorage();
		const first = tab(storage);
		const second = tab(storage);
		expect(first.save({ tags: ['a'] })).toEqual({ ok: true, merged: { tags: ['a'] } });
		// The second tab has not heard of the first one's save.
		expect(second.save({ tags: ['b'] })).toEqual({ ok: true, merged: { tags: ['a', 'b'] } });
		expect(first.load()).toEqual({ status: 'ok', data: { tags: ['a', 'b'] }, migrated: false });
	});

	test('a save that changes nothing writes nothing, so tabs answering each other stop', () => {
		const storage = new MemoryStorage();
		const first = tab(storage);
		first.save({ tags: ['a', 'b'] });
		const writes = storage.writes;
		expect(tab(storage).save({ tags: ['b'] })).toEqual({ ok: true, merged: { tags: ['a', 'b'] } });
		expect(storage.writes).toBe(writes);
		// A tab showing another version of the list (another fingerprint) does not rewrite it for that alone.
		const other = createStore<Tags>({
			key: 'pb-test:t',
			version: 1,
			parse: parseTags,
			merge: union,
			storage,
			fingerprint: ['x'],
		});
		expect(other.save({ tags: ['a'] })).toEqual({ ok: true, merged: { tags: ['a', 'b'] } });
		expect(storage.writes).toBe(writes);
	});
});

describe('finding values saved under an earlier key', () => {
	const options = (fingerprint: string[], key = 'pb-test:new', storage?: StorageLike) => ({
		key,
		version: 2,
		parse,
		now,
		storage: storage ?? new MemoryStorage(),
		fingerprint,
		fingerprintOf: (data: Note) => data.text.split(' '),
	});

	test('overlap is shared ids over all ids, or over the saved ids for a partial list', () => {
		expect(overlap(['a', 'b'], ['b', 'a'])).toBe(1);
		expect(overlap(['a', 'b', 'c'], ['a', 'b', 'd'])).toBe(0.5);
		expect(overlap(['a'], ['a', 'b', 'c', 'd'], true)).toBe(1);
		expect(overlap([], ['a'])).toBe(0);
	});

	test('saves write the fingerprint; related() finds overlapping values, best first, and changes nothing', () => {
		const storage = new MemoryStorage();
		createStore<Note>(options(['a', 'b', 'c'], 'pb-test:old', storage)).save({ text: 'same list' });
		createStore<Note>(options(['a', 'b', 'x'], 'pb-test:close', storage)).save({ text: 'close list' });
		createStore<Note>(options(['x', 'y', 'z'], 'pb-test:other', storage)).save({ text: 'other list' });
		createStore<Note>(options(['a', 'b', 'c'], 'pb-else:old', storage)).save({ text: 'other tool' });
		storage.setItem('pb-test:old:backup:2026', JSON.stringify({ v: 2, data: { text: 'backup' }, fp: ['a', 'b', 'c'] }));
		storage.setItem('pb-test:future', JSON.stringify({ v: 3, data: {}, fp: ['a', 'b', 'c'] }));
		expect(JSON.parse(storage.getItem('pb-test:old')!).fp).toEqual(['a', 'b', 'c']);
		const before = new Map(storage.map);
		const store = createStore<Note>(options(['c', 'b', 'a'], 'pb-test:new', storage));
		expect(store.related()).toEqual([
			{ key: 'pb-test:old', data: { text: 'same list' }, score: 1, same: true, saved: '2026-11-23T10:00:00.000Z' },
			{ key: 'pb-test:close', data: { text: 'close list' }, score: 0.5, same: false, saved: '2026-11-23T10:00:00.000Z' },
		]);
		expect(store.related(['pb-test:old']).map((r) => r.key)).toEqual(['pb-test:close']);
		expect(storage.map).toEqual(before);
	});

	test('values saved without a fingerprint are compared by the ids their data names', () => {
		const storage = new MemoryStorage();
		storage.setItem('pb-test:legacy', JSON.stringify({ v: 2, saved: '', data: { text: 'a c' } }));
		storage.setItem('pb-test:unrelated', JSON.stringify({ v: 2, saved: '', data: { text: 'a q r' } }));
		expect(createStore<Note>(options(['a', 'b', 'c', 'd'], 'pb-test:new', storage)).related()).toEqual([
			{ key: 'pb-test:legacy', data: { text: 'a c' }, score: 1, same: false, saved: '' },
		]);
	});

	test('without a fingerprint, or a storage that cannot list its keys, nothing is found', () => {
		const { storage } = setup();
		storage!.setItem('pb-test:old', JSON.stringify({ v: 2, data: { text: 'x' }, fp: ['a'] }));
		expect(createStore<Note>({ key: 'pb-test:new', version: 2, parse, storage }).related()).toEqual([]);
		const plain: StorageLike = { getItem: () => null, setItem() {}, removeItem() {} };
		expect(createStore<Note>(options(['a'], 'pb-test:new', plain)).related()).toEqual([]);
	});
});
