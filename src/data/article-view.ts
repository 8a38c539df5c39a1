import site from 'virtual:pactbook/site';
import { neighbours, related } from '../lib/articles.ts';
import { structuredDataScript } from '../lib/structured-data.ts';
import { type Article, getCatalog, sameArticle, seriesOf } from './catalog.ts';
import { renderEntry } from './render-entry.ts';

/**
 * Everything an issue's or playbook's page shows besides its layout: the
 * rendered body and headings, its neighbours in the archive, related
 * articles, its series and its structured data. `siteUrl` is the site's
 * address (`Astro.site`), `pathname` the page's.
 */
export async function articleView(article: Article, siteUrl: URL | undefined, pathname: string) {
	const catalog = await getCatalog();
	const { Content, headings } = await renderEntry(article.entry);
	const around =
		article.kind === 'issue'
			? neighbours(
					catalog.issues,
					catalog.issues.findIndex((a) => sameArticle(a, article)),
				)
			: { previous: undefined, next: undefined };
	const authorName = catalog.authors.get(article.author)?.data.name ?? article.author;
	const series = seriesOf(catalog, article);
	const structured = structuredDataScript({
		kind: article.kind,
		title: article.title,
		summary: article.summary,
		url: siteUrl ? new URL(pathname, siteUrl).href : undefined,
		language: site.language,
		published: article.kind === 'issue' ? article.date : undefined,
		modified: article.entry.collection === 'issues' ? article.entry.data.updated : article.date,
		author: {
			name: authorName,
			url: siteUrl ? new URL(`authors/${article.author}/`, new URL(site.base, siteUrl)).href : undefined,
		},
		publisher: site.title,
		tags: article.tags,
		series: series?.title,
	});
	return { Content, headings, ...around, authorName, series, structured, related: related(article, catalog.articles) };
}
