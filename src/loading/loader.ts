import { AsyncLocalStorage } from 'node:async_hooks';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, matchesGlob, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { contentDir, displayPath, folderEntries, matching } from '../lib/content-paths.ts';
import { entryFile } from '../lib/entry-file.ts';
import { hasCurrentMeasures, MEASURES, measure } from '../lib/measures.ts';
import { MAX_NESTING, tooDeep } from '../lib/nesting.ts';
import { slugify } from '../lib/slug.ts';
import {
	failRender,
	forgetRenderProblems,
	peekRenderProblems,
	recordRenderProblems,
	takeRenderProblems,
} from '../markdown/render-problems.ts';
import { ID_PATTERN, ID_RULE } from '../schemas/fields.ts';
import { frontmatterText, writtenProblems } from '../schemas/frontmatter.ts';
import { ContentError, type Examples, formatProblems, type Problem, zodProblems } from '../schemas/problems.ts';
import { staleToolBlocks } from '../tools/index.ts';
import { type CheckedEntry, type CollectionChecks, duplicateSlugs, unknownAuthors, withFreeSuggestions } from './checks.ts';
import { loadOnFirstFile, readAgainOnceSettled } from './dev-watch.ts';
import {
	type MarkdownThread,
	markdownFiles,
	openThread,
	type RenderFunction,
	releaseThread,
	threadSettings,
	threadWanted,
} from './markdown-thread.ts';
import { loadSiteConfig, yamlSyntaxProblems, yamlTextProblems } from './site-config.ts';

interface Options extends CollectionChecks {
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
}

/** A glob pattern matching exactly one path, special characters escaped. */
const literalGlob = (path: string) => path.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

/** Whether a path is a YAML data file (else a Markdown or MDX article). */
const isYaml = (path: string) => /\.ya?ml$/.test(path);

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

/** Markdown written with the extension Jekyll gives it by default, which the collections do not read. */
const MARKDOWN_SPELLING = /\.markdown$/;

/**
 * Files of a collection whose path holds a `#` or `?`: Astro reads a file by
 * its address, so it finds nothing, logs the error and builds on without the
 * article. Each gets a problem with a name to use instead, and the loader
 * leaves them out. So does a `.markdown` file where the collection reads
 * `.md` (Jekyll's spelling, left out without a word otherwise). Only such
 * paths are looked at closely, so a folder of well-named files costs one
 * directory listing.
 */
function unreadablePaths(base: string, pattern: string, listed: readonly string[]): { problems: Problem[]; skipped: string[] } {
	const found: { problems: Problem[]; skipped: string[] } = { problems: [], skipped: [] };
	for (const inside of listed) {
		if (MARKDOWN_SPELLING.test(inside)) {
			const renamed = inside.replace(MARKDOWN_SPELLING, '.md');
			if (!matchesGlob(renamed, pattern) || !statSync(join(base, inside)).isFile()) continue;
			found.problems.push({
				file: displayPath(join(base, inside)),
				field: 'file name',
				message: `ends in .markdown, which the build does not read, so this article would be left out. Rename it to ${renamed.split('/').at(-1)}.`,
			});
			continue;
		}
		const unreadable = /[#?]/.exec(inside)?.[0];
		if (!unreadable || !matchesGlob(inside, pattern) || !statSync(join(base, inside)).isFile()) continue;
		// The folder or the file holding the character, and a name without it.
		const parts = inside.split('/');
		const at = parts.findIndex((part) => part.includes(unreadable));
		const name = parts[at]!;
		const folder = at < parts.length - 1;
		const extension = folder ? '' : (/\.[^.]+$/.exec(name)?.[0] ?? '');
		const suggestion = `${slugify(folder ? name : name.slice(0, name.length - extension.length)) || 'article'}${extension}`;
		found.problems.push({
			file: displayPath(join(base, inside)),
			field: 'file name',
			message: `has "${unreadable}" in it, which the build reads as part of an address, so this file would be left out. Rename ${folder ? `the folder ${name}` : 'it'} using only lower-case letters, digits and hyphens, for example ${suggestion}.`,
		});
		found.skipped.push(inside);
	}
	return found;
}

/**
 * Removes entries Astro keeps from an earlier build that must be loaded again:
 * Markdown that failed to render, renders of tool blocks whose files may have
 * changed since (a questionnaire's YAML), and articles measured by older rules.
 */
function forgetOutdated(store: DataStore, measured: boolean): void {
	for (const entry of store.values()) {
		const unrendered = entry.filePath?.endsWith('.md') && !entry.rendered;
		const stale = Boolean(entry.rendered?.html && staleToolBlocks(entry.rendered.html));
		if (unrendered || stale || (measured && !hasCurrentMeasures(entry.data))) store.delete(entry.id);
	}
}

/**
 * Keeps the last good entry of a file saved with problems in `astro dev`, with
 * no digest, so that it matches no text of the file: saving the last good text
 * again then reads it afresh instead of keeping the problem on the page.
 */
function keepUntilSavedAgain(store: DataStore, entry: NonNullable<ReturnType<DataStore['get']>>): void {
	const { digest: _, ...kept } = entry;
	store.set(kept);
}

/** A file as the loader checks it: what Astro parsed, and the text it read. */
interface EntryInput {
	id: string;
	data: Record<string, unknown>;
	filePath: string | undefined;
	source: string | undefined;
}

/** What checking one entry found. */
interface CheckedInput {
	/** The entry's data, with defaults and measures; undefined when it has problems. */
	data: Record<string, unknown> | undefined;
	problems: Problem[];
	/** A problem with the file name, and the slug or id its fix suggests. */
	renamed?: { problem: Problem; suggestion: string };
}

/** The per-collection settings {@link checkEntry} needs. */
interface EntryRules {
	options: Options;
	base: string;
	defaultAuthor: string | undefined;
}

/**
 * Checks one entry as written and against its schema, and gives it the
 * fields the site fills in: the slug from the file name, the default author,
 * and an article's measures. Articles are checked as written because an
 * unclosed frontmatter reads as no fields at all, and YAML rolls 30 February over.
 */
function checkEntry({ options, base, defaultAuthor }: EntryRules, { id, data, filePath, source }: EntryInput): CheckedInput {
	const file = displayPath(filePath ?? join(base, id));
	const markdown = filePath !== undefined && /\.mdx?$/.test(filePath);
	const written = markdown && source !== undefined ? writtenProblems(file, source, options.examples) : undefined;
	const parsed = options.schema.safeParse(data, { reportInput: true });
	const problems = [...(written?.problems ?? [])];
	const covered = written?.fields;
	if (!parsed.success && covered !== 'all') {
		problems.push(...zodProblems(file, parsed.error, options.schema, options.examples).filter((p) => !covered?.has(p.field)));
	}
	if (markdown && source !== undefined) {
		const line = tooDeep(source, { mdx: filePath.endsWith('.mdx') });
		if (line !== undefined) problems.push(nestedTooDeep(file, line));
	}
	const name = id.split('/').at(-1)!;
	const extension = /\.[^.]+$/.exec(filePath ?? '')?.[0] ?? '';
	let renamed: CheckedInput['renamed'];
	if (((options.slugged && parsed.success && !parsed.data.slug) || options.named) && !ID_PATTERN.test(name)) {
		const problem = options.slugged ? fileNameSlug(file, name, extension) : fileNameId(file, name, extension);
		renamed = { problem, suggestion: slugify(name) };
		problems.push(problem);
	}
	if (problems.length || !parsed.success) return { data: undefined, problems, ...(renamed ? { renamed } : {}) };
	const result: Record<string, unknown> = { ...parsed.data };
	if (options.slugged) result.slug ??= name;
	if (options.authored) result.author ??= defaultAuthor;
	if (options.measured && source !== undefined) result[MEASURES] = measure(source);
	return { data: result, problems };
}

/** What the first load of a collection gathers while Astro reads its files. */
interface LoadRun {
	problems: Problem[];
	/** Entries with problems, left out of the checks across entries and of the store. */
	invalid: Set<string>;
	/** File-name problems with the name their fix suggests. */
	renamed: Map<Problem, string>;
}

/**
 * The load a call belongs to. Astro calls `parseData` and renders while the
 * loader's `load()` runs (the build, and the start of `astro dev`) and again
 * when a file is saved in `astro dev`; only calls made inside `load()` see the
 * {@link LoadRun}, and are reported together at its end, while a saved file's
 * problems are shown on its page at once.
 */
const currentLoad = new AsyncLocalStorage<LoadRun>();

/**
 * The `astro dev` watcher as the glob loader gets it: its listeners run where
 * this is called, outside the load that adds them. Without this they would see
 * that load's {@link LoadRun}, as the file watches they start are made while it runs.
 */
function outsideTheLoad(watcher: NonNullable<LoaderContext['watcher']>): NonNullable<LoaderContext['watcher']> {
	const outside = AsyncLocalStorage.snapshot();
	return new Proxy(watcher, {
		get(target, property, receiver) {
			if (property !== 'on') return Reflect.get(target, property, receiver);
			return (event: string, listener: (...args: unknown[]) => void) =>
				target.on(event, (...args: unknown[]) => outside(listener, ...args));
		},
	});
}

/** How Astro describes a file type: it reads a file's fields, and renders Markdown. */
interface EntryType {
	getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown>; body?: string }>;
	getRenderFunction?(config: unknown): Promise<RenderFunction>;
}

/**
 * Astro's file types, seen through Pactbook:
 * - each file's text, as Astro reads it, is kept in `sources` for `parseData`,
 *   so that every file is read once;
 * - YAML whose aliases expand to millions of values is refused before Astro's
 *   YAML reader, which has no limit, spends minutes and all memory on it (only
 *   YAML with both an anchor `&` and an alias `*` is parsed for this);
 * - during a load, YAML Astro cannot read becomes Pactbook's one-line problem
 *   with the line number, reported with the collection's other problems;
 * - during a load, a render that failed with problems Pactbook recorded
 *   (the Markdown plugins call `failRender`) gives no render instead of an
 *   error Astro would log: the load reports those problems once, and stops;
 * - with a `thread`, Markdown is rendered there, beside the loader;
 * - with `settle` (in `astro dev`), each text read is handed to it.
 * Files the returned types read as problems get no fields, and are marked in `unreadable`.
 */
function pactbookEntryTypes(
	types: Map<string, EntryType>,
	sources: Map<string, string>,
	unreadable: Map<string, Problem[]>,
	thread: MarkdownThread | undefined,
	settle: ((path: string, contents: string) => void) | undefined,
): Map<string, EntryType> {
	const markdown = types.get('.md');
	const wrap = (type: EntryType): EntryType => ({
		async getEntryInfo(params) {
			const path = fileURLToPath(params.fileUrl);
			settle?.(path, params.contents);
			const text = isYaml(path) ? params.contents : frontmatterText(params.contents);
			const aliases = text !== undefined && /&\S/.test(text) && /\*\S/.test(text) ? yamlTextProblems(path, params.contents) : [];
			if (aliases.length) {
				unreadable.set(path, aliases);
				return { data: {}, body: '' };
			}
			try {
				const info = await type.getEntryInfo(params);
				sources.set(path, params.contents);
				return info;
			} catch (error) {
				const problems = currentLoad.getStore() ? yamlTextProblems(path, params.contents) : [];
				if (!problems.length) throw error;
				unreadable.set(path, problems);
				return { data: {}, body: '' };
			}
		},
		...(type.getRenderFunction
			? {
					async getRenderFunction(config) {
						const own = await type.getRenderFunction!(config);
						const render: RenderFunction = thread && type === markdown ? (entry) => thread.render(entry, own) : own;
						return async (entry) => {
							try {
								return await render(entry);
							} catch (error) {
								const recorded = entry.filePath !== undefined && peekRenderProblems(entry.filePath) !== undefined;
								if (currentLoad.getStore() && recorded) return undefined;
								throw error;
							}
						};
					},
				}
			: {}),
	});
	// Other properties (extensions, content module types) are Astro's own.
	return new Map([...types].map(([extension, type]) => [extension, Object.assign(Object.create(type), wrap(type))]));
}

/**
 * Reports a file saved in `astro dev` after the load: Astro logs an error and
 * keeps the last good entry, and the page shows the problem (render-entry.ts).
 * An unknown author is a warning, as the author file may be added next.
 */
function reportSaved(
	ctx: LoaderContext,
	rules: EntryRules,
	dir: string,
	id: string,
	filePath: string,
	checked: CheckedInput,
): void {
	if (checked.problems.length) {
		const kept = ctx.store.get(id);
		if (kept) keepUntilSavedAgain(ctx.store, kept);
		failRender(filePath, checked.problems);
	}
	forgetRenderProblems(filePath);
	if (!checked.data || !rules.options.authored) return;
	for (const problem of unknownAuthors(dir, [{ file: displayPath(filePath), data: checked.data }])) {
		ctx.logger.warn(formatProblems([problem]));
	}
}

/** The save listener of each content folder, per `astro dev` watcher. */
const listeners = new WeakMap<object, Map<string, (changed: string) => void>>();

/**
 * In `astro dev`, a file saved with broken YAML never reaches `parseData`:
 * Astro logs the parser's message and keeps the last good entry. This prints
 * Pactbook's line (file, line, fix) as well, shows it on the page, and keeps the
 * entry without its digest so that saving the last good text again reads it afresh. A
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
		keepUntilSavedAgain(ctx.store, entry);
	};
	folders.set(base, listener);
	watcher.on('change', listener);
}

/** The entries of a collection as the checks across entries see them. */
function checkedEntries(ctx: LoaderContext): CheckedEntry[] {
	return ctx.store
		.values()
		.map((entry) => ({ id: entry.id, file: entry.filePath ? entryFile(entry.filePath) : entry.id, data: entry.data }));
}

/** Problems across the entries of a collection: unknown authors, shared slugs, the collection's own checks. */
function crossEntryProblems(options: Options, dir: string, all: CheckedEntry[], run: LoadRun): Problem[] {
	const entries = all.filter((entry) => !run.invalid.has(entry.id));
	const problems = [...(options.authored ? unknownAuthors(dir, all) : []), ...(options.slugged ? duplicateSlugs(entries) : [])];
	withFreeSuggestions(run.renamed, entries, (entry) => (options.slugged ? entry.data.slug : entry.id));
	return [...problems, ...(options.check?.(entries) ?? [])];
}

/**
 * The thread a build renders a large collection's Markdown on
 * (loading/markdown-thread.ts), or undefined: in `astro dev`, below the size
 * where it pays, and whenever Astro's Markdown settings are not Pactbook's.
 */
function markdownThread(ctx: LoaderContext, listed: readonly string[], pattern: string): MarkdownThread | undefined {
	if (ctx.watcher || !threadWanted(markdownFiles(listed, pattern))) return undefined;
	const settings = threadSettings(ctx.config, contentDir());
	return settings && openThread(settings);
}

/**
 * Loads one collection with Astro's glob loader, checks every entry with
 * friendly messages, then checks across entries; all problems stop the build
 * together, one line each.
 */
async function loadCollection(
	ctx: LoaderContext,
	options: Options,
	dir: string,
	base: string,
	listed: readonly string[],
): Promise<void> {
	checkYamlOnSave(ctx, base);
	const unreadable = unreadablePaths(base, options.pattern, listed);
	forgetOutdated(ctx.store, Boolean(options.measured));
	takeRenderProblems(base);
	const rules: EntryRules = {
		options,
		base,
		defaultAuthor: options.authored ? loadSiteConfig(dir).defaultAuthor : undefined,
	};
	const run: LoadRun = { problems: [...unreadable.problems], invalid: new Set(), renamed: new Map() };
	/** Each file's text as Astro read it, until `parseData` takes it. */
	const sources = new Map<string, string>();
	/** Files whose YAML could not be read, with the problems. */
	const unreadableYaml = new Map<string, Problem[]>();
	const { entryTypes } = ctx as LoaderContext & { entryTypes: Map<string, EntryType> };

	const parseData: LoaderContext['parseData'] = async ({ id, data, filePath }) => {
		const path = filePath ?? join(base, id);
		// Astro's file types hand over the text they read; without them, the file is read here.
		const wanted = filePath !== undefined && (options.measured || /\.mdx?$/.test(filePath));
		const source = sources.get(path) ?? (wanted ? await readFile(filePath, 'utf8') : undefined);
		sources.delete(path);
		const yamlProblems = unreadableYaml.get(path);
		unreadableYaml.delete(path);
		const checked: CheckedInput = yamlProblems
			? { data: undefined, problems: yamlProblems }
			: checkEntry(rules, { id, data, filePath, source });
		const load = currentLoad.getStore();
		if (!load) {
			if (filePath) reportSaved(ctx, rules, dir, id, filePath, checked);
			return (checked.data ?? data) as typeof data;
		}
		if (checked.problems.length) {
			load.problems.push(...checked.problems);
			load.invalid.add(id);
			if (checked.renamed) load.renamed.set(checked.renamed.problem, checked.renamed.suggestion);
		}
		return (checked.data ?? data) as typeof data;
	};

	// Ids come from paths inside the folder alone (Astro's default would take a
	// frontmatter `slug`), so two files claiming one slug both reach the duplicate check.
	const inner = glob({
		pattern: [options.pattern, ...unreadable.skipped.map((path) => `!${literalGlob(path)}`)],
		base,
		generateId: ({ entry }) => entry.replace(/\.[^.]+$/, ''),
		// Markdown bodies are rendered while loading; the source is not needed after that.
		retainBody: false,
	});
	const thread = entryTypes ? markdownThread(ctx, listed, options.pattern) : undefined;
	const innerCtx = {
		...ctx,
		...(ctx.watcher ? { watcher: outsideTheLoad(ctx.watcher) } : {}),
		parseData,
		...(entryTypes
			? {
					entryTypes: pactbookEntryTypes(
						entryTypes,
						sources,
						unreadableYaml,
						thread,
						ctx.watcher ? readAgainOnceSettled(ctx.watcher) : undefined,
					),
				}
			: {}),
	} as LoaderContext;
	try {
		await currentLoad.run(run, () => inner.load(innerCtx));
	} finally {
		if (thread) releaseThread(thread, ctx.logger);
	}
	sources.clear();

	// Every recorded render problem is reported, whether or not it matches a stored entry.
	const root = fileURLToPath(ctx.config.root);
	const unrendered = takeRenderProblems(base);
	for (const found of unrendered.values()) run.problems.push(...found);
	for (const entry of ctx.store.values()) {
		if (entry.filePath && unrendered.has(resolve(root, entry.filePath))) run.invalid.add(entry.id);
	}
	const entries = checkedEntries(ctx);
	const problems = [...run.problems, ...crossEntryProblems(options, dir, entries, run)];
	if (problems.length > 0) {
		for (const id of run.invalid) ctx.store.delete(id);
		problems.sort((a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field));
		throw new ContentError(problems);
	}
	// The watcher exists only in `astro dev`, where drafts are shown rather than held back.
	if (!ctx.watcher) options.report?.(entries, ctx.logger);
}

/**
 * Astro's glob loader with Pactbook's checks: every entry is validated with
 * friendly messages, and all problems of a collection (including duplicates
 * and unknown authors) stop the build together, one line each.
 */
export function pactbookLoader(options: Options): Loader {
	const dir = contentDir();
	const base = join(dir, options.folder);
	return {
		name: 'pactbook',
		schema: options.schema,
		load: async function load(ctx) {
			// One listing of the folder serves the file-name check and the choice of a render thread.
			const listed = folderEntries(base);
			if (matching(listed, options.pattern).length) return loadCollection(ctx, options, dir, base, listed);
			// Files the collection cannot read (`issue.markdown`) are all it has: say so rather than build without them.
			const { problems } = unreadablePaths(base, options.pattern, listed);
			if (problems.length) throw new ContentError(problems);
			// A folder with no file of the collection (a newsletter with no playbooks), or none at all, has
			// nothing to load, and Astro's glob loader would warn of it as of a mistake. A folder deleted
			// since the last build leaves none of its entries in the content cache. `astro dev` loads the
			// collection once its first file appears.
			ctx.store.clear();
			loadOnFirstFile(ctx, base, options.pattern, () => load(ctx));
		},
	};
}
