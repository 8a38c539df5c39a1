import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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
