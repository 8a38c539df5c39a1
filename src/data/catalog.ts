import type { CollectionEntry } from 'astro:content';
import site, { preview } from 'virtual:pactbook/site';
import { type ArticleSummary, addressClashes, newestFirst, type Series, seriesIndex, tagIndex } from '../lib/articles.ts';
import { entryFile } from '../lib/entry-file.ts';
import { measuresOf } from '../lib/measures.ts';
import { type Status, statusOf } from '../lib/publishing.ts';
import { minutesFor } from '../lib/read-time.ts';
import { ContentError } from '../schemas/problems.ts';
import { entriesOf } from './collection.ts';

export type IssueEntry = CollectionEntry<'issues'>;
export type PlaybookEntry = CollectionEntry<'playbooks'>;
export type AuthorEntry = CollectionEntry<'authors'>;

/** An article's summary together with the collection entry it came from. */
export type Article = ArticleSummary & {
	entry: IssueEntry | PlaybookEntry;
	/** Whether the body has a task list (and so a checklist island). */
	checklist: boolean;
	/** Drafts and scheduled issues appear only in `astro dev`, marked as such. */
	status: Status;
};

export interface Catalog {
	/** Issues, newest first: the published ones, plus drafts and scheduled ones in `astro dev`. */
	issues: Article[];
	/** Playbooks, alphabetical: the published ones, plus drafts in `astro dev`. */
	playbooks: Article[];
	/** Issues and playbooks together. */
	articles: Article[];
	authors: Map<string, AuthorEntry>;
	tags: ReturnType<typeof tagIndex<Article>>;
	pages: CollectionEntry<'pages'>[];
	/** Series of articles, by title. */
	series: Series<Article>[];
}

function summarise(entry: IssueEntry | PlaybookEntry, now: Date): Article {
	const measures = measuresOf(entry);
	const common = {
		slug: entry.data.slug ?? entry.id,
		title: entry.data.title,
		summary: entry.data.summary,
		tags: entry.data.tags,
		author: entry.data.author ?? site.defaultAuthor,
		minutes: minutesFor(measures.words),
		checklist: measures.checklist,
		series: entry.data.series,
		part: entry.data.part,
		entry,
	};
	return entry.collection === 'issues'
		? {
				...common,
				kind: 'issue',
				date: entry.data.date,
				number: entry.data.number,
				status: statusOf(entry.data.draft, entry.data.date, now),
			}
		: {
				...common,
				kind: 'playbook',
				date: entry.data.updated,
				category: entry.data.category,
				status: statusOf(entry.data.draft, undefined, now),
			};
}

async function load(): Promise<Catalog> {
	const [issueEntries, playbookEntries, authorEntries, pages] = await Promise.all([
		entriesOf('issues'),
		entriesOf('playbooks'),
		entriesOf('authors'),
		entriesOf('pages'),
	]);
	const now = new Date();
	const shown = (article: Article) => preview || article.status === 'published';
	const issues = newestFirst(issueEntries.map((e) => summarise(e, now)).filter(shown));
	const playbooks = playbookEntries
		.map((e) => summarise(e, now))
		.filter(shown)
		.sort((a, b) => a.title.localeCompare(b.title));
	const articles = [...issues, ...playbooks];
	// Different tags (or series) with one address would silently share a page.
	const clashes = addressClashes(
		articles.map((a) => ({
			file: a.entry.filePath ? entryFile(a.entry.filePath) : `${a.kind} ${a.slug}`,
			tags: a.tags,
			series: a.series,
		})),
	);
	if (clashes.length) throw new ContentError(clashes);
	return {
		issues,
		playbooks,
		articles,
		authors: new Map(authorEntries.map((a) => [a.id, a])),
		tags: tagIndex(articles),
		pages,
		series: seriesIndex(articles),
	};
}

let cached: Promise<Catalog> | undefined;

/**
 * Everything the pages list, read from the content collections once: once
 * per build, and in `astro dev` once per change of content, as the dev server
 * loads this module afresh when the collections it reads change (a page then
 * costs a fifth of the time at 1,000 articles).
 */
export function getCatalog(): Promise<Catalog> {
	cached ??= load();
	return cached;
}

/** The site's base-aware URL of an article. */
export function articlePath(article: Pick<ArticleSummary, 'kind' | 'slug'>): string {
	return `/${article.kind === 'issue' ? 'issues' : 'playbooks'}/${article.slug}/`;
}

/** The series an article belongs to, if any. */
export function seriesOf(catalog: Catalog, article: Article): Series<Article> | undefined {
	return catalog.series.find((series) => series.items.some((item) => sameArticle(item, article)));
}

/** Whether two summaries are the same article (page props arrive as copies, so identity does not hold). */
export function sameArticle(a: Pick<ArticleSummary, 'kind' | 'slug'>, b: Pick<ArticleSummary, 'kind' | 'slug'>): boolean {
	return a.kind === b.kind && a.slug === b.slug;
}
