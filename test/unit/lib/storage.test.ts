import { describe, expect, test } from 'vitest';
import { createStore, MESSAGES, type StorageLike } from '../../../src/lib/storage.ts';

class MemoryStorage implements StorageLike {
	map = new Map<string, string>();
	quota = Infinity;
	getItem(key: string) {
		return this.map.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0);
		if (used + value.length > this.quota) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
		this.map.set(key, value);
	}
	removeItem(key: string) {
		this.map.delete(key);
	}
}

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
		['newer version', '{"v":9,"data":{}}', 'it was saved by a newer version (9)'],
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
