import { getRssString } from '@astrojs/rss';
import { escapeXml, xmlText } from './escape.ts';

/** One article as both feeds carry it. */
export interface FeedEntry {
	/** Absolute address of the article's web page, also its id. */
	url: string;
	title: string;
	summary: string;
	/** The article body as self-contained HTML. */
	html: string;
	date: Date;
	tags: string[];
	author: { name: string; url: string };
}

/** A feed's own details and its entries, newest first. */
export interface FeedInput {
	title: string;
	description: string;
	language: string;
	/** Absolute address of the site's home page. */
	site: string;
	/** Absolute address of the page the feed lists (the home page, or the playbooks). */
	home: string;
	/** Absolute address of the feed itself. */
	self: string;
	entries: FeedEntry[];
}

/** Stand-in for an entry's author, replaced once the document is written. */
const creator = (index: number) => `<dc:creator>pb-creator-${index}</dc:creator>`;

/**
 * The RSS 2.0 document. `@astrojs/rss` escapes titles, summaries, tags and
 * content; the author goes in a `dc:creator` element that is written escaped
 * after the rest, as `customData` would read it as XML (and lose a name such
 * as `007` to number parsing). Characters XML forbids are left out.
 */
export async function rssFeed(input: FeedInput): Promise<string> {
	const text = xmlText;
	const xml = await getRssString({
		title: text(input.title),
		description: text(input.description),
		site: input.site,
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
		customData: `<language>${escapeXml(input.language)}</language><atom:link href="${escapeXml(input.self)}" rel="self" type="application/rss+xml"/>`,
		items: input.entries.map((entry, index) => ({
			title: text(entry.title),
			link: entry.url,
			pubDate: entry.date,
			description: text(entry.summary),
			content: text(entry.html),
			categories: entry.tags.map(text),
			customData: creator(index),
		})),
	});
	return input.entries.reduce((document, entry, index) => {
		const at = document.indexOf(creator(index));
		if (at < 0) throw new Error(`the RSS document lost the author of "${entry.title}"`);
		return `${document.slice(0, at)}<dc:creator>${escapeXml(entry.author.name)}</dc:creator>${document.slice(at + creator(index).length)}`;
	}, xml);
}

/**
 * The JSON Feed 1.1 document. JSON carries any text, but its HTML content and
 * titles are shown by the same readers as the RSS feed's, so characters XML
 * forbids are left out here as well: both feeds say the same.
 */
export function jsonFeed(input: FeedInput): string {
	const text = xmlText;
	const feed = {
		version: 'https://jsonfeed.org/version/1.1',
		title: text(input.title),
		home_page_url: input.home,
		feed_url: input.self,
		description: text(input.description),
		language: input.language,
		items: input.entries.map((entry) => ({
			id: entry.url,
			url: entry.url,
			title: text(entry.title),
			summary: text(entry.summary),
			content_html: text(entry.html),
			date_published: entry.date.toISOString(),
			tags: entry.tags.map(text),
			authors: [{ name: text(entry.author.name), url: entry.author.url }],
		})),
	};
	return `${JSON.stringify(feed, null, 2)}\n`;
}
