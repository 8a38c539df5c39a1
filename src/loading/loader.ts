import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, matchesGlob, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { authorIds, contentDir, displayPath } from '../lib/content-paths.ts';
import { entryFile } from '../lib/entry-file.ts';
import { hasCurrentMeasures, MEASURES, measure } from '../lib/measures.ts';
import { MAX_NESTING, tooDeep } from '../lib/nesting.ts';
import { slugify } from '../lib/slug.ts';
import { failRender, forgetRenderProblems, recordRenderProblems, takeRenderProblems } from '../markdown/render-problems.ts';
import { ID_PATTERN, ID_RULE } from '../schemas/fields.ts';
import { frontmatterText, writtenProblems } from '../schemas/frontmatter.ts';
import { ContentError, type Examples, formatProblems, type Problem, zodProblems } from '../schemas/problems.ts';
import { staleToolBlocks } from '../tools/index.ts';
import { loadSiteConfig, parseYaml, yamlSyntaxProblems } from './site-config.ts';

interface Options {
	/** Folder under the content directory, e.g. `issues`. */
	folder: string;
	/** Glob pattern inside that folder. */
	pattern: string;
	/** Frontmatter or data schema; must be a strict object. */
	schema: z.ZodObject;
	/** Example values quoted in error messages. */
	examples: Examples;
	/** Whether entries name an author (and fall back to the site's default author). */
	authored?: boolean;
	/**
	 * Whether entries carry a `slug` that must be unique. Without a `slug:` field it
	 * is the file name, which must then follow the same rules, in any sub-folder.
	 */
	slugged?: boolean;
	/** Whether the file name is the entry's id, which other files name (authors), and so must be a valid id. */
	named?: boolean;
	/** Whether to measure each article's text (words, task lists) while loading it (lib/measures.ts). */
	measured?: boolean;
	/** Checks across all entries of the collection, e.g. unique issue numbers. */
	check?: (entries: CheckedEntry[]) => Problem[];
	/** Notes for the author after a successful load in a build (held-back drafts, gaps in numbering). */
	report?: (entries: CheckedEntry[], logger: LoaderContext['logger']) => void;
}

/** An entry as cross-collection checks see it. */
export interface CheckedEntry {
	id: string;
	file: string;
	data: Record<string, unknown>;
}

/**
 * Reports values of `key` that more than one entry uses; `same` maps values that
 * count as one (such as slugs differing only in case, which name one file on
 * macOS and Windows disks).
 */
export function duplicates(
	entries: CheckedEntry[],
	key: string,
	fix: string,
	same: (value: unknown) => unknown = (value) => value,
): Problem[] {
	const byValue = new Map<unknown, CheckedEntry[]>();
	for (const entry of entries) {
		const value = entry.data[key];
		if (value === undefined) continue;
		byValue.set(same(value), [...(byValue.get(same(value)) ?? []), entry]);
	}
	const problems: Problem[] = [];
	for (const group of byValue.values()) {
		if (group.length < 2) continue;
		const value = group[0]!.data[key];
		const files = group.map((e) => e.file).sort();
		for (const file of files) {
			const others = files.filter((f) => f !== file).join(', ');
			problems.push({ file, field: key, message: `${JSON.stringify(value)} is also used by ${others}. ${fix}` });
		}
	}
	return problems;
}

/**
 * Runs a load; when it fails, looks for YAML syntax errors in the folder so the
 * author gets our one-line message with the line number instead of a stack trace.
 */
async function guardSyntax(folder: string, load: () => Promise<void>): Promise<void> {
	try {
		await load();
	} catch (error) {
		const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ya?ml|mdx?)$/.test(f));
		const problems = files.flatMap((f) => yamlSyntaxProblems(join(folder, f)));
		throw problems.length > 0 ? new ContentError(problems) : error;
	}
}

/** Entries whose `author` has no file in `<content>/authors/`. */
function unknownAuthors(dir: string, entries: Pick<CheckedEntry, 'file' | 'data'>[]): Problem[] {
	const authors = authorIds(dir);
	return entries.flatMap(({ file, data: { author } }) =>
		typeof author === 'string' && !authors.includes(author)
			? [
					{
						file,
						field: 'author',
						message: `"${author}" has no file in ${displayPath(join(dir, 'authors'))}/. ${authors.length ? `Use one of: ${authors.join(', ')}, or add` : 'Add'} ${author}.yaml there.`,
					},
				]
			: [],
	);
}

/** A glob pattern matching exactly one path, special characters escaped. */
const literalGlob = (path: string) => path.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

/** What the loader learns from a collection's files before Astro reads them. */
interface Scan {
	problems: Problem[];
	/** Files Astro must not read (as paths inside the folder): it cannot, or reading them would hang the build. */
	skipped: string[];
	/** Each file's text, by absolute path, so that it is read once. */
	sources: Map<string, string>;
}

/**
 * Looks at a collection's files before Astro reads them, for what Astro would
 * get wrong without naming the file: a `#` or `?` in a path (Astro reads the
 * file by its address, so it finds nothing, logs the error and builds on without
 * the article), and YAML whose aliases expand to millions of values (Astro's
 * YAML reader has no limit, so the build would take minutes, then run out of
 * memory). Only YAML with both an anchor (`&`) and an alias (`*`) is parsed here.
 */
function scanFiles(base: string, pattern: string): Scan {
	const scan: Scan = { problems: [], skipped: [], sources: new Map() };
	for (const entry of readdirSync(base, { recursive: true, encoding: 'utf8' })) {
		const inside = entry.split(sep).join('/');
		const path = join(base, entry);
		if (!matchesGlob(inside, pattern) || !statSync(path).isFile()) continue;
		const file = displayPath(path);
		const unreadable = /[#?]/.exec(inside)?.[0];
		if (unreadable) {
			// The folder or the file holding the character, and a name without it.
			const parts = inside.split('/');
			const at = parts.findIndex((part) => part.includes(unreadable));
			const name = parts[at]!;
			const folder = at < parts.length - 1;
			const extension = folder ? '' : (/\.[^.]+$/.exec(name)?.[0] ?? '');
			const suggestion = `${slugify(folder ? name : name.slice(0, name.length - extension.length)) || 'article'}${extension}`;
			scan.problems.push({
				file,
				field: 'file name',
				message: `has "${unreadable}" in it, which the build reads as part of an address, so this file would be left out. Rename ${folder ? `the folder ${name}` : 'it'} using only lower-case letters, digits and hyphens, for example ${suggestion}.`,
			});
			scan.skipped.push(inside);
			continue;
		}
		const source = readFileSync(path, 'utf8');
		scan.sources.set(resolve(path), source);
		const yaml = /\.ya?ml$/.test(inside);
		const text = yaml ? source : frontmatterText(source);
		if (text === undefined || !/&\S/.test(text) || !/\*\S/.test(text)) continue;
		const { problems } = parseYaml(text, path, yaml ? 1 : 2);
		if (!problems.length) continue;
		scan.problems.push(...problems);
		scan.skipped.push(inside);
	}
	return scan;
}

/** The problem with a slug taken from a file name that breaks the slug rules. */
function fileNameSlug(file: string, name: string, extension: string): Problem {
	const example = slugify(name) ? `, for example to ${slugify(name)}${extension},` : '';
	return {
		file,
		field: 'slug',
		message: `"${name}" comes from the file name, and a slug ${ID_RULE} Rename the file${example} or set \`slug:\`.`,
	};
}

/** The problem with an id taken from a file name (an author's) that breaks the id rules. */
function fileNameId(file: string, name: string, extension: string): Problem {
	const example = slugify(name) ? `, for example to ${slugify(name)}${extension},` : '';
	return {
		file,
		field: 'file name',
		message: `"${name}" is the id other files use, and an id ${ID_RULE} Rename the file${example} and use the new id where the old one is named.`,
	};
}

/** The problem with an article nested deeper than anything downstream can take. */
function nestedTooDeep(file: string, line: number): Problem {
	return {
		file,
		field: `nesting (line ${line})`,
		message: `goes more than ${MAX_NESTING} levels deep, counting each list, list item, quote, block and HTML element inside another. Browsers, feed readers and email programs cannot show that, and the build would crash on it. Flatten that part to a few levels.`,
	};
}

/** The save listener of each content folder, per `astro dev` watcher. */
const listeners = new WeakMap<object, Map<string, (changed: string) => void>>();

/**
 * In `astro dev`, a file saved with broken YAML never reaches `parseData`:
 * Astro logs the parser's message and keeps the last good entry. This prints
 * Pactbook's line (file, line, fix) as well, shows it on the page, and marks the
 * entry changed so that saving the last good text again reads it afresh. A
 * content re-sync removes Astro's listeners, so each load puts this one back,
 * once.
 */
function checkYamlOnSave(ctx: LoaderContext, base: string): void {
	const watcher = ctx.watcher;
	if (!watcher) return;
	const folders = listeners.get(watcher) ?? new Map<string, (changed: string) => void>();
	listeners.set(watcher, folders);
	const previous = folders.get(base);
	if (previous) watcher.off('change', previous);
	const root = fileURLToPath(ctx.config.root);
	const listener = (changed: string) => {
		if (!changed.startsWith(base + sep) || !/\.(mdx?|ya?ml)$/.test(changed)) return;
		// Only files the collection holds: those it ignores (`_notes.md`) are not checked.
		const entry = ctx.store.values().find((e) => e.filePath && resolve(root, e.filePath) === changed);
		if (!entry) return;
		const found = yamlSyntaxProblems(changed);
		if (!found.length) return;
		ctx.logger.error(formatProblems(found));
		recordRenderProblems(changed, found);
		ctx.store.set({ ...entry, digest: `${entry.digest ?? ''}:unsaved` });
	};
	folders.set(base, listener);
	watcher.on('change', listener);
}

/**
 * Astro's glob loader with Pactbook's checks: every entry is validated with
 * friendly messages, and all problems of a collection (including duplicates
 * and unknown authors) stop the build together, one line each.
 */
export function pactbookLoader(options: Options): Loader {
	const dir = contentDir();
	const base = join(dir, options.folder);
	// Ids come from paths inside the folder alone (Astro's default would take a
	// frontmatter `slug`), so two files claiming one slug both reach the duplicate check.
	const files = (skipped: string[]) =>
		glob({
			pattern: [options.pattern, ...skipped.map((path) => `!${literalGlob(path)}`)],
			base,
			generateId: ({ entry }) => entry.replace(/\.[^.]+$/, ''),
			// Markdown bodies are rendered while loading; the source is not needed after that.
			retainBody: false,
		});
	return {
		name: 'pactbook',
		schema: options.schema,
		async load(ctx: LoaderContext) {
			if (!existsSync(base)) return;
			checkYamlOnSave(ctx, base);
			const scan = scanFiles(base, options.pattern);
			const inner = files(scan.skipped);
			const problems: Problem[] = [...scan.problems];
			const invalid = new Set<string>();
			/** Slugs from file names that break the rules, with the slug the fix suggests. */
			const renamed = new Map<Problem, string>();
			const defaultAuthor = options.authored ? loadSiteConfig(dir).defaultAuthor : undefined;
			takeRenderProblems(base);
			// Entries Astro keeps from an earlier build are not loaded again: drop those that
			// failed to render or were measured by other rules, so they are read afresh.
			for (const entry of ctx.store.values()) {
				const unrendered = entry.filePath?.endsWith('.md') && !entry.rendered;
				// A tool block reads other files (a questionnaire's YAML): a render made before they changed is stale.
				const stale = Boolean(entry.rendered?.html && staleToolBlocks(entry.rendered.html));
				if (unrendered || stale || (options.measured && !hasCurrentMeasures(entry.data))) ctx.store.delete(entry.id);
			}
			// Astro logs a failed render and goes on; during this load Pactbook reports it
			// below, once, and stops. Later renders in `astro dev` (a file saved) log as usual,
			// and the page shows the problem (data/render-entry.ts).
			let loading = true;
			const logger = Object.create(ctx.logger, {
				error: {
					value: (message: string) =>
						(loading && /Pactbook found \d+ problems? in your content/.test(message)) || ctx.logger.error(message),
				},
			});
			try {
				await guardSyntax(base, () =>
					inner.load({
						...ctx,
						logger,
						parseData: async ({ id, data, filePath }) => {
							const file = displayPath(filePath ?? join(base, id));
							// Articles are read whole to be measured, and checked as written: an unclosed
							// frontmatter reads as no fields at all, and YAML rolls 30 February over.
							const markdown = filePath !== undefined && /\.mdx?$/.test(filePath);
							const source =
								filePath && (options.measured || markdown)
									? ((loading ? scan.sources.get(resolve(filePath)) : undefined) ?? (await readFile(filePath, 'utf8')))
									: undefined;
							const written = source ? writtenProblems(file, source, options.examples) : undefined;
							const parsed = options.schema.safeParse(data, { reportInput: true });
							const found = [...(written?.problems ?? [])];
							const covered = written?.fields;
							if (!parsed.success && covered !== 'all') {
								found.push(
									...zodProblems(file, parsed.error, options.schema, options.examples).filter((p) => !covered?.has(p.field)),
								);
							}
							if (markdown && source !== undefined) {
								const line = tooDeep(source, { mdx: filePath.endsWith('.mdx') });
								if (line !== undefined) found.push(nestedTooDeep(file, line));
							}
							const name = id.split('/').at(-1)!;
							const extension = /\.[^.]+$/.exec(filePath ?? '')?.[0] ?? '';
							if (((options.slugged && parsed.success && !parsed.data.slug) || options.named) && !ID_PATTERN.test(name)) {
								const problem = options.slugged ? fileNameSlug(file, name, extension) : fileNameId(file, name, extension);
								renamed.set(problem, slugify(name));
								found.push(problem);
							}
							const result: Record<string, unknown> = parsed.success ? { ...parsed.data } : {};
							if (options.slugged) result.slug ??= name;
							if (options.authored) result.author ??= defaultAuthor;
							if (!loading && parsed.success && options.authored) {
								// Saved in `astro dev`: the author file may be added next, so this is a warning; the build stops on it.
								for (const problem of unknownAuthors(dir, [{ file, data: result }])) ctx.logger.warn(formatProblems([problem]));
							}
							if (found.length) {
								if (!loading && filePath) {
									// A file saved in `astro dev`, after the load that reports problems: Astro logs this error
									// and keeps the last good entry, and the page shows the problem (render-entry.ts). The
									// entry is marked changed, so that saving the last good text again reads it afresh.
									const kept = ctx.store.get(id);
									if (kept) ctx.store.set({ ...kept, digest: `${kept.digest ?? ''}:unsaved` });
									failRender(filePath, found);
								}
								problems.push(...found);
								invalid.add(id);
								return data;
							}
							if (!loading && filePath) forgetRenderProblems(filePath);
							if (options.measured && filePath) {
								result[MEASURES] = measure(source ?? (await readFile(filePath, 'utf8')));
							}
							return result as typeof data;
						},
					}),
				);
			} finally {
				loading = false;
				// Files saved later in `astro dev` are read afresh.
				scan.sources.clear();
			}
			// Every recorded render problem is reported, whether or not it matches a stored entry.
			const root = fileURLToPath(ctx.config.root);
			const unrendered = takeRenderProblems(base);
			for (const found of unrendered.values()) problems.push(...found);
			for (const entry of ctx.store.values()) {
				if (entry.filePath && unrendered.has(resolve(root, entry.filePath))) invalid.add(entry.id);
			}
			const all: CheckedEntry[] = ctx.store
				.values()
				.map((entry) => ({ id: entry.id, file: entry.filePath ? entryFile(entry.filePath) : entry.id, data: entry.data }));
			const entries = all.filter((entry) => !invalid.has(entry.id));
			if (options.authored) problems.push(...unknownAuthors(dir, all));
			if (options.slugged) {
				problems.push(
					...duplicates(entries, 'slug', 'Give each one its own slug (set `slug:` or rename the file).', (slug) =>
						String(slug).toLowerCase(),
					),
				);
			}
			// A suggested name another entry already has would make the fix a clash.
			for (const [problem, suggestion] of renamed) {
				const owner = entries.find((entry) => (options.slugged ? entry.data.slug : entry.id) === suggestion);
				if (owner)
					problem.message = problem.message.replace(
						/, for example to [^,]+,/,
						`; "${suggestion}" is taken by ${owner.file}, so choose another name,`,
					);
			}
			problems.push(...(options.check?.(entries) ?? []));
			if (problems.length > 0) {
				for (const id of invalid) ctx.store.delete(id);
				problems.sort((a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field));
				throw new ContentError(problems);
			}
			// The watcher exists only in `astro dev`, where drafts are shown rather than held back.
			if (!ctx.watcher) options.report?.(entries, ctx.logger);
		},
	};
}
