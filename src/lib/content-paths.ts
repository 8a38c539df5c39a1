import { existsSync, readdirSync } from 'node:fs';
import { join, matchesGlob, relative, resolve, sep } from 'node:path';

/**
 * Folder the site's content is read from: `content/` by default, or
 * `PACTBOOK_CONTENT` (used by test fixtures and the benchmark's generated sites).
 */
export function contentDir(root: string = process.cwd()): string {
	return resolve(root, process.env.PACTBOOK_CONTENT ?? 'content');
}

/** A path as authors see it in messages: relative to the project, with forward slashes. */
export function displayPath(file: string, root: string = process.cwd()): string {
	return relative(root, file).split('\\').join('/');
}

/** Author ids: the YAML file names in `<content>/authors/`. */
export function authorIds(dir: string = contentDir()): string[] {
	const folder = join(dir, 'authors');
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((name) => /\.ya?ml$/.test(name))
		.map((name) => name.replace(/\.ya?ml$/, ''))
		.sort();
}

/**
 * Where each collection's files are in the content folder, and which of them
 * it reads (a leading `_` keeps a file out): the one list, used by the content
 * config and by {@link hasCollectionFiles}.
 */
export const COLLECTION_FILES = {
	issues: { folder: 'issues', pattern: '**/[^_]*.{md,mdx}' },
	playbooks: { folder: 'playbooks', pattern: '**/[^_]*.{md,mdx}' },
	authors: { folder: 'authors', pattern: '*.{yaml,yml}' },
	pages: { folder: 'pages', pattern: '**/[^_]*.{md,mdx}' },
	questionnaires: { folder: 'questionnaires', pattern: '[^_]*.{yaml,yml}' },
	goalTemplates: { folder: 'goal-templates', pattern: '*.{yaml,yml}' },
} as const;

export type CollectionName = keyof typeof COLLECTION_FILES;

/**
 * Whether the content folder holds any file of a collection. A newsletter
 * may have no playbooks, pages or tools of its own; Astro warns of an empty
 * collection as of a mistake, so an empty one is not asked for.
 */
export function hasCollectionFiles(name: CollectionName, dir: string = contentDir()): boolean {
	const { folder, pattern } = COLLECTION_FILES[name];
	return matching(folderEntries(join(dir, folder)), pattern).length > 0;
}

/** Everything inside `folder`, at any depth, as paths inside it written with `/`; nothing if it cannot be read. */
export function folderEntries(folder: string): string[] {
	try {
		return readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((entry) => entry.split(sep).join('/'));
	} catch {
		return [];
	}
}

/** The entries of a folder ({@link folderEntries}) that a collection's glob `pattern` takes. */
export function matching(entries: readonly string[], pattern: string): string[] {
	return entries.filter((entry) => matchesGlob(entry, pattern));
}
