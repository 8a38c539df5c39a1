// What `astro dev`'s file watcher (chokidar) misses, made up for: a second
// save within 50 ms of the first, and the first files of a folder that has
// just appeared.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { folderEntries, matching } from '../lib/content-paths.ts';

/** How long after a file is read in `astro dev` it is read again (see `readAgainOnceSettled`). */
export const SETTLE_MS = 100;
/** The digest of the text last read of each file, per `astro dev` watcher. */
const lastRead = new WeakMap<object, Map<string, string>>();

/**
 * The file watcher drops a second change of a file that comes within 50 ms of
 * the first, so two saves in quick succession (an editor that formats on save)
 * would leave `astro dev` showing a text the file no longer has, until the
 * next save. Each file read in `astro dev` is read again once that window has
 * passed; if its text is not the last one read, the change is handed to the
 * watcher again, and every listener reads the file afresh.
 */
export function readAgainOnceSettled(watcher: NonNullable<LoaderContext['watcher']>): (path: string, contents: string) => void {
	const digests = lastRead.get(watcher) ?? new Map<string, string>();
	lastRead.set(watcher, digests);
	const digest = (text: string) => createHash('sha1').update(text).digest('base64');
	return (path, contents) => {
		digests.set(path, digest(contents));
		setTimeout(() => {
			readFile(path, 'utf8').then(
				(now) => {
					if (digest(now) !== digests.get(path)) watcher.emit('change', path);
				},
				// A file deleted since is the watcher's own `unlink`.
				() => undefined,
			);
		}, SETTLE_MS).unref();
	};
}

/**
 * In `astro dev`, calls `load` once the collection has a file to read in
 * `base`, which may not exist yet. Any change in or of the folder lists it
 * again, and the folder's own appearance twice more shortly after, so a file
 * written as its folder appears is not missed. A load that
 * finds problems logs them, as the first load does, and the next change in
 * the folder loads it again.
 */
export function loadOnFirstFile(ctx: LoaderContext, base: string, pattern: string, load: () => Promise<void>): void {
	const watcher = ctx.watcher;
	if (!watcher) return;
	const events = ['add', 'addDir', 'change'] as const;
	let done = false;
	const loadIfAny = () => {
		if (done || !matching(folderEntries(base), pattern).length) return;
		done = true;
		for (const event of events) watcher.off(event, listener);
		load().catch((error: unknown) => {
			ctx.logger.error(error instanceof Error ? error.message : String(error));
			loadOnFirstFile(ctx, base, pattern, load);
		});
	};
	const listener = (changed: string) => {
		if (changed !== base && !changed.startsWith(base + sep)) return;
		loadIfAny();
		// The watcher lists a folder that has just appeared before it watches it: a file written in
		// between gives no event, so the folder is listed again once the watch is in place.
		if (!done && changed === base) for (const wait of [SETTLE_MS, 10 * SETTLE_MS]) setTimeout(loadIfAny, wait).unref();
	};
	for (const event of events) watcher.on(event, listener);
	// A folder that does not exist yet is seen from the nearest one that does.
	let watched = base;
	while (!existsSync(watched) && dirname(watched) !== watched) watched = dirname(watched);
	watcher.add(watched);
}
