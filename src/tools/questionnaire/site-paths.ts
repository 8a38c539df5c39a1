/**
 * The paths of the pages a build will have, read from the content folder, so
 * that a questionnaire's links can be checked before any page is rendered.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { authorIds, contentDir } from '../../integrations/paths.ts';
import { questionnaireIds } from './block.ts';

/** Pactbook's own pages, whatever the content. */
const FIXED = ['/', '/issues/', '/playbooks/', '/tags/', '/search/', '/tools/', '/self-assessments/', '/404.html'];

function slugs(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((name) => /\.mdx?$/.test(name) && !name.split(/[\\/]/).some((part) => part.startsWith('_')))
		.map((name) => {
			const source = readFileSync(join(folder, name), 'utf8');
			const frontmatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
			let slug: unknown;
			try {
				slug = frontmatter ? (parse(frontmatter) as { slug?: unknown } | null)?.slug : undefined;
			} catch {
				slug = undefined;
			}
			return typeof slug === 'string' && slug
				? slug
				: name
						.replace(/\.mdx?$/, '')
						.split(/[\\/]/)
						.join('/');
		});
}

/** Every page path of the site (base not included): `/playbooks/x/`. */
export function sitePaths(dir = contentDir()): Set<string> {
	return new Set([
		...FIXED,
		...slugs(join(dir, 'issues')).map((slug) => `/issues/${slug}/`),
		...slugs(join(dir, 'playbooks')).map((slug) => `/playbooks/${slug}/`),
		...slugs(join(dir, 'pages')).map((slug) => `/${slug}/`),
		...authorIds(dir).map((id) => `/authors/${id}/`),
		...questionnaireIds(dir).map((id) => `/tools/${id}/`),
	]);
}
