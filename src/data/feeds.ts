import site from 'virtual:pactbook/site';
import { getRssString } from '@astrojs/rss';
import { type Article, articlePath, getCatalog } from './catalog.ts';
import { FEEDS } from './feed-paths.ts';
import { portableBody } from './render-html.ts';
import { absolute } from './url.ts';

type Kind = 'issues' | 'playbooks';

interface FeedItem {
	article: Article;
	url: string;
	html: string;
	author: string;
}

async function items(kind: Kind): Promise<FeedItem[]> {
	const catalog = await getCatalog();
	const list = (kind === 'issues' ? catalog.issues : [...catalog.playbooks].sort((a, b) => b.date.getTime() - a.date.getTime()))
		.filter((article) => article.status === 'published')
		.slice(0, site.feedItems);
	return Promise.all(
		list.map(async (article) => ({
			article,
			url: absolute(articlePath(article)),
			html: await portableBody(article),
			author: catalog.authors.get(article.author)?.data.name ?? article.author,
		})),
	);
}

const title = (article: Article) => (article.number === undefined ? article.title : `#${article.number}: ${article.title}`);

function rss(kind: Kind, list: FeedItem[]): Promise<string> {
	return getRssString({
		title: FEEDS[kind].title,
		description: site.description,
		site: absolute('/'),
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
		customData: `<language>${site.language}</language><atom:link href="${absolute(FEEDS[kind].rss)}" rel="self" type="application/rss+xml"/>`,
		items: list.map(({ article, url, html, author }) => ({
			title: title(article),
			link: url,
			pubDate: article.date,
			description: article.summary,
			content: html,
			categories: article.tags,
			customData: `<dc:creator><![CDATA[${author}]]></dc:creator>`,
		})),
	});
}

function json(kind: Kind, list: FeedItem[]): string {
	const feed = {
		version: 'https://jsonfeed.org/version/1.1',
		title: FEEDS[kind].title,
		home_page_url: absolute(kind === 'issues' ? '/' : '/playbooks/'),
		feed_url: absolute(FEEDS[kind].json),
		description: site.description,
		language: site.language,
		items: list.map(({ article, url, html, author }) => ({
			id: url,
			url,
			title: title(article),
			summary: article.summary,
			content_html: html,
			date_published: article.date.toISOString(),
			tags: article.tags,
			authors: [{ name: author, url: absolute(`/authors/${article.author}/`) }],
		})),
	};
	return `${JSON.stringify(feed, null, 2)}\n`;
}

/** The RSS 2.0 or JSON Feed 1.1 response for issues or playbooks: published articles only, full content. */
export async function feedResponse(kind: Kind, format: 'rss' | 'json'): Promise<Response> {
	const list = await items(kind);
	return format === 'rss'
		? new Response(await rss(kind, list), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
		: new Response(json(kind, list), { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
}
