import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { authorIds, displayPath } from '../lib/content-paths.ts';
import { datesOutOfOrder, describeNumbers, heldBackLine, numberGaps, outOfOrderLine, statusOf } from '../lib/publishing.ts';
import { RESERVED_PAGE_SLUGS } from '../lib/urls.ts';
import type { Problem } from '../schemas/problems.ts';
import { checkLinks } from '../tools/questionnaire/schema.ts';
import { sitePaths, unknownEmbeds } from '../tools/questionnaire/site-paths.ts';

/**
 * Checks across the entries of a collection, run once all its files are
 * loaded: values two files may not share, authors with no file, addresses
 * taken by the site's own pages, and the notes a build prints about what it
 * holds back.
 */

/** An entry as cross-entry checks see it. */
export interface CheckedEntry {
	id: string;
	file: string;
	data: Record<string, unknown>;
}

/** What a collection checks across its entries once they are loaded. */
export interface CollectionChecks {
	/** Checks across all valid entries of the collection, e.g. unique issue numbers. */
	check?: (entries: CheckedEntry[]) => Problem[];
	/** Notes for the author after a successful load in a build (held-back drafts, gaps in numbering). */
	report?: (entries: CheckedEntry[], logger: LoaderContext['logger']) => void;
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

/** Slugs two entries share, in any case. */
export function duplicateSlugs(entries: CheckedEntry[]): Problem[] {
	return duplicates(entries, 'slug', 'Give each one its own slug (set `slug:` or rename the file).', (slug) =>
		String(slug).toLowerCase(),
	);
}

/** Entries whose `author` has no file in `<content>/authors/`. */
export function unknownAuthors(dir: string, entries: Pick<CheckedEntry, 'file' | 'data'>[]): Problem[] {
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

/**
 * A file name's suggested slug or id that another entry already has would make
 * the fix a clash: such a problem names the owner instead of the suggestion.
 */
export function withFreeSuggestions(
	renamed: ReadonlyMap<Problem, string>,
	entries: CheckedEntry[],
	key: (entry: CheckedEntry) => unknown,
): void {
	for (const [problem, suggestion] of renamed) {
		const owner = entries.find((entry) => key(entry) === suggestion);
		if (owner)
			problem.message = problem.message.replace(
				/, for example to [^,]+,/,
				`; "${suggestion}" is taken by ${owner.file}, so choose another name,`,
			);
	}
}

/** Lists what a production build leaves out: drafts, and issues dated in the future. */
function heldBack(kind: string, entries: CheckedEntry[], dated: boolean): string | undefined {
	const now = new Date();
	const lines = entries.flatMap((entry) => {
		const date = dated ? (entry.data.date as Date) : undefined;
		const status = statusOf(Boolean(entry.data.draft), date, now);
		return status === 'published' ? [] : [`  ${heldBackLine(entry.file, status, date)}`];
	});
	return lines.length
		? `Held back ${lines.length} of ${entries.length} ${kind} from this build:\n${lines.sort().join('\n')}`
		: undefined;
}

/** Issue slugs made only of digits would clash with the `/issues/<number>/` addresses. */
function numericSlugs(entries: CheckedEntry[]): Problem[] {
	return entries
		.filter((entry) => /^\d+$/.test(String(entry.data.slug)))
		.map((entry) => ({
			file: entry.file,
			field: 'slug',
			message: `"${entry.data.slug}" is only digits, and /issues/<number>/ is kept for issue numbers. Add a word to it.`,
		}));
}

/** Standalone pages cannot take an address the site's own pages use. */
function reservedSlugs(entries: CheckedEntry[]): Problem[] {
	const reserved: readonly string[] = RESERVED_PAGE_SLUGS;
	return entries
		.filter((entry) => reserved.includes(String(entry.data.slug)))
		.map((entry) => ({
			file: entry.file,
			field: 'slug',
			message: `"${entry.data.slug}" is taken by Pactbook's own /${entry.data.slug}/, so this page would never be shown. Set \`slug:\` to another word (or rename the file); taken: ${reserved.join(', ')}.`,
		}));
}

/** Issues: one number each, no slug of digits only; a build notes held-back issues and gaps in the numbers. */
export const issueChecks: CollectionChecks = {
	check: (entries) => [...duplicates(entries, 'number', 'Give each issue its own number.'), ...numericSlugs(entries)],
	report: (entries, logger) => {
		const held = heldBack('issues', entries, true);
		if (held) logger.info(held);
		const order = outOfOrderLine(
			datesOutOfOrder(entries.map((e) => ({ number: e.data.number as number, date: e.data.date as Date }))),
		);
		if (order) logger.warn(order);
		const gaps = numberGaps(entries.map((e) => e.data.number as number));
		if (gaps.length)
			logger.warn(
				`Issue numbers skip ${describeNumbers(gaps)}. Readers may look for the missing issues; renumber if that was not intended.`,
			);
	},
};

/** Playbooks: a build notes the drafts it holds back. */
export const playbookChecks: CollectionChecks = {
	report: (entries, logger) => {
		const held = heldBack('playbooks', entries, false);
		if (held) logger.info(held);
	},
};

/** Standalone pages: no address of the site's own pages. */
export const pageChecks: CollectionChecks = { check: reservedSlugs };

/** Questionnaires: their links must lead to pages of the site, and MDX embeds must name one. */
export const questionnaireChecks: CollectionChecks = {
	check: (entries) => {
		const paths = sitePaths();
		return [...entries.flatMap((entry) => checkLinks(entry.file, entry.data as never, paths)), ...unknownEmbeds()];
	},
};

/** Goal templates: one title each. */
export const goalTemplateChecks: CollectionChecks = {
	check: (entries) => duplicates(entries, 'title', 'Give each goal template its own title, so readers can tell them apart.'),
};
