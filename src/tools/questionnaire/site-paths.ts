/**
 * Checks across files, read from the content folder before any page is
 * rendered: the pages a questionnaire may link to, and MDX embeds naming a
 * questionnaire that does not exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { authorIds, contentDir, displayPath } from '../../lib/content-paths.ts';
import { closest, type Problem } from '../../schemas/problems.ts';
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

/**
 * `<Questionnaire id="…"/>` components in MDX articles that name no
 * questionnaire, found in the sources so the build names the file and the
 * line (a component only learns of it while its page renders).
 */
export function unknownEmbeds(dir = contentDir()): Problem[] {
	const ids = questionnaireIds(dir);
	const problems: Problem[] = [];
	for (const folder of ['issues', 'playbooks', 'pages'].map((name) => join(dir, name))) {
		if (!existsSync(folder)) continue;
		for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
			if (!name.endsWith('.mdx') || name.split(/[\\/]/).some((part) => part.startsWith('_'))) continue;
			const file = join(folder, name);
			const lines = readFileSync(file, 'utf8').split(/\r?\n/);
			lines.forEach((line, i) => {
				for (const [, id] of line.matchAll(/<Questionnaire\s+id=["']([^"']*)["']/g)) {
					if (ids.includes(id!)) continue;
					const guess = closest(id!, ids);
					problems.push({
						file: displayPath(file),
						field: `<Questionnaire id="${id}"> (line ${i + 1})`,
						message: `"${id}" is not a questionnaire. ${guess ? `Did you mean ${guess}? ` : ''}Use one of: ${ids.join(', ')}.`,
					});
				}
			});
		}
	}
	return problems;
}
