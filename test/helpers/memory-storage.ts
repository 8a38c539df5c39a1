import type { StorageLike } from '../../src/lib/storage.ts';

/** `localStorage` in memory, for unit tests: counts writes, and refuses them past `quota` characters as a full storage does. */
export class MemoryStorage implements StorageLike {
	map = new Map<string, string>();
	writes = 0;
	get length() {
		return this.map.size;
	}
	key(index: number) {
		return [...this.map.keys()][index] ?? null;
	}
	quota = Infinity;
	getItem(key: string) {
		return this.map.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0);
		if (used + value.length > this.quota) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
		this.writes++;
		this.map.set(key, value);
	}
	removeItem(key: string) {
		this.map.delete(key);
	}
}
