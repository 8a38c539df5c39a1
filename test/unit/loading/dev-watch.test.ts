import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, expect, test, vi } from 'vitest';
import { loadOnFirstFile, readAgainOnceSettled, SETTLE_MS } from '../../../src/loading/dev-watch.ts';
import { until } from '../../helpers/build.ts';

/** The part of `astro dev`'s watcher these use: its events, and the folders it is asked to watch. */
class FakeWatcher extends EventEmitter {
	readonly watched: string[] = [];
	add(path: string): this {
		this.watched.push(path);
		return this;
	}
}

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'pb-dev-watch-'));
	made.push(dir);
	return dir;
}
function context(watcher: FakeWatcher, errors: string[] = []): LoaderContext {
	return { watcher, logger: { error: (message: string) => errors.push(message) } } as unknown as LoaderContext;
}

test('a change the watcher dropped is handed to it again once the file has settled', async () => {
	const file = join(folder(), 'one.md');
	writeFileSync(file, 'the second save');
	const watcher = new FakeWatcher();
	const changes: string[] = [];
	watcher.on('change', (path: string) => changes.push(path));
	const settle = readAgainOnceSettled(context(watcher).watcher!);
	// What was read is the first save; the file has the second, whose change never came.
	settle(file, 'the first save');
	await until(async () => (changes.length ? true : undefined));
	expect(changes).toEqual([file]);
});

test('the first file of a folder that appears is loaded even when its own event never comes', () => {
	const root = folder();
	const base = join(root, 'playbooks');
	const watcher = new FakeWatcher();
	let loads = 0;
	vi.useFakeTimers();
	try {
		loadOnFirstFile(context(watcher), base, '**/*.md', async () => {
			loads++;
		});
		// The folder does not exist yet: the nearest one that does is watched.
		expect(watcher.watched).toEqual([root]);
		mkdirSync(base);
		watcher.emit('addDir', base);
		expect(loads).toBe(0);
		// Written after the watcher listed the new folder and before it watched it: no `add`.
		writeFileSync(join(base, 'first.md'), '---\ntitle: First\n---\n');
		vi.advanceTimersByTime(SETTLE_MS);
		expect(loads).toBe(1);
		// Later events, and the second look at the folder, load nothing more: the glob loader watches now.
		watcher.emit('add', join(base, 'second.md'));
		vi.advanceTimersByTime(10 * SETTLE_MS);
		expect(loads).toBe(1);
	} finally {
		vi.useRealTimers();
	}
});

test('files outside the folder, or not of the collection, load nothing; a failed load is logged and waits for the next change', async () => {
	const base = folder();
	const watcher = new FakeWatcher();
	const errors: string[] = [];
	let loads = 0;
	loadOnFirstFile(context(watcher, errors), base, '**/[^_]*.md', async () => {
		loads++;
		if (loads === 1) throw new Error('content/playbooks/first.md: summary: is required.');
	});
	writeFileSync(join(base, '_draft.md'), 'Notes.');
	watcher.emit('add', join(base, '_draft.md'));
	watcher.emit('add', `${base}-other/first.md`);
	expect(loads).toBe(0);
	writeFileSync(join(base, 'first.md'), 'broken');
	watcher.emit('add', join(base, 'first.md'));
	await until(async () => (errors.length ? true : undefined));
	expect(errors).toEqual(['content/playbooks/first.md: summary: is required.']);
	watcher.emit('change', join(base, 'first.md'));
	expect(loads).toBe(2);
});
