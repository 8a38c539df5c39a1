import { relative, resolve } from 'node:path';

/**
 * Astro's root folder. It is the project folder, except in test builds, which
 * move it (`PACTBOOK_ROOT`) so that each keeps its own `.astro/` folder.
 */
export function astroRoot(): string {
	return resolve(process.env.PACTBOOK_ROOT ?? process.cwd());
}

/**
 * The absolute path of a content entry's `filePath`, which Astro keeps relative
 * to its root.
 */
export function entryFilePath(filePath: string): string {
	return resolve(astroRoot(), filePath);
}

/**
 * A content entry's file as authors see it in messages: relative to the
 * project folder, with forward slashes (`content/issues/020-x.md`).
 */
export function entryFile(filePath: string): string {
	return relative(process.cwd(), entryFilePath(filePath)).split('\\').join('/');
}
