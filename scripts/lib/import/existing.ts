// What the content folder already holds, so an import adds to it without a
// clash: numbers, slugs, tags, authors, and the posts imported before.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { frontmatterText } from '../../../src/schemas/frontmatter.ts';

/** The comment an imported file carries in its frontmatter, naming the post it came from. */
export const ORIGIN = '# imported-from:';

export interface Collection {
	/** File names without extension. */
	stems: Set<string>;
	/** Each file's address: its `slug:` or its file name. */
	slugs: Set<string>;
	numbers: Set<number>;
	tags: string[];
	/** Keys of posts imported before (the `# imported-from:` comments). */
	imported: Set<string>;
}

export interface Existing {
	issues: Collection;
	playbooks: Collection;
	/** Author ids (file names), each with its `name`. */
	authors: Map<string, string | undefined>;
	/** Whether `site.yaml` exists; the build needs it. */
	site: boolean;
}

function scan(folder: string): Collection {
	const found: Collection = { stems: new Set(), slugs: new Set(), numbers: new Set(), tags: [], imported: new Set() };
	if (!existsSync(folder)) return found;
	for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
		if (!/\.mdx?$/.test(name)) continue;
		const stem = name
			.split(/[\\/]/)
			.pop()!
			.replace(/\.mdx?$/, '');
		found.stems.add(stem);
		const source = readFileSync(join(folder, name), 'utf8');
		const front = frontmatterText(source) ?? '';
		for (const match of front.matchAll(/^# imported-from:\s*(.+)$/gm)) found.imported.add(match[1]!.trim());
		let data: Record<string, unknown> = {};
		try {
			const parsed = parseYaml(front);
			if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
		} catch {
			// A file the build will report; its number and slug are still read as written.
			data = {
				number: Number(/^number:\s*(\d+)/m.exec(front)?.[1]),
				slug: /^slug:\s*["']?([\w-]+)/m.exec(front)?.[1],
			};
		}
		found.slugs.add(typeof data.slug === 'string' ? data.slug : stem);
		if (typeof data.number === 'number' && Number.isInteger(data.number)) found.numbers.add(data.number);
		if (Array.isArray(data.tags)) found.tags.push(...data.tags.filter((t): t is string => typeof t === 'string'));
	}
	return found;
}

/** Reads what a content folder holds today. */
export function readExisting(contentDir: string): Existing {
	const authors = new Map<string, string | undefined>();
	const folder = join(contentDir, 'authors');
	if (existsSync(folder)) {
		for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n))) {
			let display: string | undefined;
			try {
				const data = parseYaml(readFileSync(join(folder, name), 'utf8'));
				display = typeof data?.name === 'string' ? data.name : undefined;
			} catch {}
			authors.set(name.replace(/\.ya?ml$/, ''), display);
		}
	}
	return {
		issues: scan(join(contentDir, 'issues')),
		playbooks: scan(join(contentDir, 'playbooks')),
		authors,
		site: existsSync(join(contentDir, 'site.yaml')),
	};
}
