import site from 'virtual:pactbook/site';
import { articlePath, getCatalog } from '../data/catalog.ts';
import { FEEDS } from '../data/feed-paths.ts';
import { absolute } from '../data/url.ts';
import { type FeedEntry, type FeedInput, jsonFeed, rssFeed } from '../lib/feed.ts';
import { portableBody } from './portable-body.ts';

type Kind = 'issues' | 'playbooks';

/** A feed of issues or playbooks: the latest published articles, full content. */
async function feed(kind: Kind, format: 'rss' | 'json'): Promise<FeedInput> {
	const catalog = await getCatalog();
	const list = (kind === 'issues' ? catalog.issues : [...catalog.playbooks].sort((a, b) => b.date.getTime() - a.date.getTime()))
		.filter((article) => article.status === 'published')
		.slice(0, site.feedItems);
	const entries = await Promise.all(
		list.map(
			async (article): Promise<FeedEntry> => ({
				url: absolute(articlePath(article)),
				title: article.number === undefined ? article.title : `#${article.number}: ${article.title}`,
				summary: article.summary,
				html: await portableBody(article),
				date: article.date,
				tags: article.tags,
				author: {
					name: catalog.authors.get(article.author)?.data.name ?? article.author,
					url: absolute(`/authors/${article.author}/`),
				},
			}),
		),
	);
	return {
		title: FEEDS[kind].title,
		description: site.description,
		language: site.language,
		site: absolute('/'),
		home: absolute(kind === 'issues' ? '/' : '/playbooks/'),
		self: absolute(FEEDS[kind][format]),
		entries,
	};
}

/** The RSS 2.0 or JSON Feed 1.1 response for issues or playbooks: published articles only, full content. */
export async function feedResponse(kind: Kind, format: 'rss' | 'json'): Promise<Response> {
	const input = await feed(kind, format);
	return format === 'rss'
		? new Response(await rssFeed(input), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
		: new Response(jsonFeed(input), { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
}
