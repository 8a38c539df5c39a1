import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { type EmailInput, emailHtml, emailText } from '../../../src/lib/email.ts';
import { escapeHtml, escapeXml, scriptJson, xmlText } from '../../../src/lib/escape.ts';
import { type FeedInput, jsonFeed, rssFeed } from '../../../src/lib/feed.ts';
import { portableHtml } from '../../../src/lib/portable-html.ts';
import { forwardingPage } from '../../../src/lib/redirect.ts';
import { type StructuredInput, structuredDataScript } from '../../../src/lib/structured-data.ts';
import { toolByElement } from '../../../src/tools/index.ts';
import { childText, elements, parseXml } from '../../helpers/xml.ts';

// Author text as it comes: any Unicode (lone surrogates included), and strings
// built from the pieces that end an element, a comment or a CDATA section, or
// that a template or a parser treats specially.
const FRAGMENTS = [
	'</script>',
	'</SCRIPT >',
	'<script>alert(1)</script>',
	'<!--',
	'-->',
	']]>',
	'<![CDATA[',
	'<x:y/>',
	'<p class="lead">',
	' id="x"',
	'&',
	'&amp;',
	'&#60;',
	'&lt;',
	'"',
	"'",
	'<',
	'>',
	'\\',
	'\u2028',
	'\u2029',
	'\0',
	'\x0b',
	'\x0c',
	'\x1f',
	'\x7f',
	'\r\n',
	'\r',
	'\n',
	'\t',
	' ',
	'\ud800',
	'\udfff',
	'\ufffe',
	'😀',
	'%%pactbook-body%%',
	'$&',
	'007',
	'1e5',
	'true',
];
const authorText = fc.oneof(
	fc.string({ unit: 'binary' }),
	fc
		.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 8 })
		.map((parts) => parts.join('')),
);
const runs = { numRuns: 300 };

/** The text inside the single `<script>` of an HTML document made with `inner`, as a browser reads it. */
function scriptText(inner: string): string {
	const root = parse(
		`<!DOCTYPE html><html><head><script type="application/ld+json">${inner}</script><meta name="after" content="x"></head><body></body></html>`,
	);
	const scripts = root.querySelectorAll('script');
	expect(scripts).toHaveLength(1);
	expect(root.querySelector('meta[name=after]')).not.toBeNull();
	return scripts[0]!.rawText;
}

describe('JSON in a <script> element', () => {
	test('scriptJson gives back any JSON value, and no string can end the element', () => {
		fc.assert(
			fc.property(fc.jsonValue(), authorText, (value, text) => {
				for (const input of [value, text, { text, list: [text] }]) {
					const written = scriptJson(input);
					expect(written).not.toMatch(/[<>&\u2028\u2029]/);
					expect(JSON.parse(scriptText(written))).toEqual(JSON.parse(JSON.stringify(input)));
				}
			}),
			runs,
		);
	});

	test('the JSON-LD of an article page carries title, summary, tags, series and author unchanged', () => {
		fc.assert(
			fc.property(
				authorText,
				authorText,
				fc.array(authorText, { maxLength: 3 }),
				authorText,
				authorText,
				(title, summary, tags, series, author) => {
					const input: StructuredInput = {
						kind: 'issue',
						title,
						summary,
						url: 'https://news.example.com/issues/x/',
						language: 'en',
						published: new Date('2026-03-02T00:00:00Z'),
						author: { name: author },
						publisher: 'Fixture Notes',
						tags,
						series: series || undefined,
					};
					const data = JSON.parse(scriptText(structuredDataScript(input)));
					const same = (text: string) => JSON.parse(JSON.stringify(text));
					expect(data.headline).toBe(same(title));
					expect(data.description).toBe(same(summary));
					expect(data.keywords).toBe(tags.length && tags.join(', ') ? same(tags.join(', ')) : undefined);
					expect(data.isPartOf?.name).toBe(series ? same(series) : undefined);
					expect(data.author.name).toBe(same(author));
				},
			),
			runs,
		);
	});
});

describe('HTML text and attributes', () => {
	test('escapeHtml gives back the text in content and in a double-quoted attribute', () => {
		fc.assert(
			fc.property(authorText, (text) => {
				const root = parse(`<p title="${escapeHtml(text)}">${escapeHtml(text)}</p><i>after</i>`);
				expect(root.querySelector('p')!.getAttribute('title')).toBe(text);
				expect(root.querySelector('p')!.text).toBe(text);
				expect(root.querySelector('i')!.text).toBe('after');
			}),
			runs,
		);
	});

	test('a forwarding page carries its title, label and site title as text', () => {
		fc.assert(
			fc.property(authorText, authorText, authorText, (title, label, siteTitle) => {
				const root = parse(
					forwardingPage({
						language: 'en',
						siteTitle,
						title,
						label,
						to: '/issues/x/',
						canonical: 'https://news.example.com/issues/x/',
					}),
				);
				expect(root.querySelector('h1')!.text).toBe(title);
				expect(root.querySelector('main a')!.text).toBe(label);
				expect(root.querySelector('main a')!.getAttribute('href')).toBe('/issues/x/');
				expect(root.querySelector('title')!.text).toBe(`${title} · ${siteTitle}`);
				expect(root.querySelector('meta[name=description]')!.getAttribute('content')).toBe(`${title} has moved to ${label}.`);
			}),
			runs,
		);
	});
});

describe('XML text', () => {
	test('escapeXml gives back the text, less the characters XML forbids, in content and attributes', () => {
		fc.assert(
			fc.property(authorText, (text) => {
				const root = parseXml(`<a b="${escapeXml(text)}" c='${escapeXml(text)}'>${escapeXml(text)}</a>`);
				expect(root.text).toBe(xmlText(text));
				expect(root.attributes.b).toBe(xmlText(text));
				expect(root.attributes.c).toBe(xmlText(text));
			}),
			runs,
		);
	});

	test('xmlText removes only what XML forbids, keeping words apart where a soft break was', () => {
		expect(xmlText('soft\x0bbreak, page\x0cbreak')).toBe('soft break, page break');
		expect(xmlText('a\0b\x08c\x1fd\ufffee\uffff')).toBe('abcde');
		expect(xmlText('lone \ud800 and \udfff, pair 😀')).toBe('lone  and , pair 😀');
		expect(xmlText('tab\tline\nwindows\r\nmac\r')).toBe('tab\tline\nwindows\nmac\n');
		expect(xmlText('é € 中 \x7f\x85')).toBe('é € 中 \x7f\x85');
	});
});

const feedInput = (title: string, summary: string, author: string, tags: string[], text: string): FeedInput => ({
	title: `Notes ${title}`,
	description: summary,
	language: 'en',
	site: 'https://news.example.com/',
	home: 'https://news.example.com/',
	self: 'https://news.example.com/feed.xml',
	entries: [
		{
			url: 'https://news.example.com/issues/x/',
			title,
			summary,
			html: `<p>${escapeHtml(text)}</p>`,
			date: new Date('2026-03-02T00:00:00Z'),
			tags,
			author: { name: author, url: 'https://news.example.com/authors/a/' },
		},
	],
});

describe('feeds', () => {
	test('the RSS feed is well-formed XML and carries every author string back, less what XML forbids', async () => {
		await fc.assert(
			fc.asyncProperty(
				authorText,
				authorText,
				authorText,
				fc.array(authorText, { maxLength: 3 }),
				authorText,
				async (title, summary, author, tags, text) => {
					const rss = parseXml(await rssFeed(feedInput(title, summary, author, tags, text)));
					const channel = elements(rss, 'channel')[0]!;
					expect(childText(channel, 'title')).toBe(xmlText(`Notes ${title}`));
					const [item, ...more] = elements(channel, 'item');
					expect(more).toEqual([]);
					expect(childText(item!, 'title') ?? '').toBe(xmlText(title));
					expect(childText(item!, 'description') ?? '').toBe(xmlText(summary));
					expect(childText(item!, 'dc:creator')).toBe(xmlText(author));
					expect(elements(item!, 'category').map((category) => category.text)).toEqual(tags.map(xmlText));
					expect(parse(childText(item!, 'content:encoded')!).querySelector('p')!.text).toBe(xmlText(text));
				},
			),
			{ numRuns: 150 },
		);
	});

	test('the JSON Feed carries every author string back, less what XML forbids', () => {
		fc.assert(
			fc.property(
				authorText,
				authorText,
				authorText,
				fc.array(authorText, { maxLength: 3 }),
				authorText,
				(title, summary, author, tags, text) => {
					const feed = JSON.parse(jsonFeed(feedInput(title, summary, author, tags, text)));
					const [item] = feed.items;
					expect(item.title).toBe(xmlText(title));
					expect(item.summary).toBe(xmlText(summary));
					expect(item.authors[0].name).toBe(xmlText(author));
					expect(item.tags).toEqual(tags.map(xmlText));
					expect(parse(item.content_html).querySelector('p')!.text).toBe(xmlText(text));
				},
			),
			runs,
		);
	});
});

describe('email editions', () => {
	// As a Markdown renderer writes text: quotes stay as they are.
	const textHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const input = (title: string, summary: string, author: string, text: string): EmailInput => ({
		newsletter: 'Fixture Notes',
		language: 'en',
		title,
		dateline: 'Issue #3 · March 2, 2026',
		summary,
		author,
		body: `<p>${textHtml(text)}</p><p><code>${textHtml(text)}</code></p>`,
		webUrl: 'https://news.example.com/issues/x/',
		homeUrl: 'https://news.example.com/',
	});
	const folded = (text: string) => text.replace(/[ \t\n\f\r\u200b]+/g, ' ').trim();

	test('the HTML edition carries title, summary, author and body text back, less what XML forbids', () => {
		fc.assert(
			fc.property(authorText, authorText, authorText, authorText, (title, summary, author, text) => {
				const root = parse(emailHtml(input(title, summary, author, text)));
				expect(root.querySelector('title')!.text).toBe(xmlText(title));
				expect(root.querySelector('h1')!.text).toBe(xmlText(title));
				expect(root.querySelector('div[data-preheader]')!.text).toBe(xmlText(summary));
				const paragraphs = root.querySelectorAll('td p');
				expect(paragraphs.map((p) => p.text)).toEqual([
					'Fixture Notes',
					xmlText(`Issue #3 · March 2, 2026 · By ${author}`),
					xmlText(summary),
					xmlText(text),
					xmlText(text),
				]);
			}),
			{ numRuns: 150 },
		);
	});

	test('the plain-text edition carries title, author and body text back, whitespace folded', () => {
		// Printable text: plain text has no way to show control characters.
		const printable = authorText.map((text) => xmlText(text).replace(/\p{Cc}/gu, ' '));
		fc.assert(
			fc.property(printable, printable, printable, (title, author, text) => {
				const plain = folded(emailText(emailHtml(input(title, 'Summary', author, text))));
				for (const part of [title, `By ${author}`, text]) expect(plain).toContain(folded(part));
			}),
			{ numRuns: 150 },
		);
	});
});

describe('article bodies outside the site', () => {
	// As Markdown and MDX write attributes: only `&` and `"` escaped, so `<` and `>` stay.
	const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
	const textHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

	test('alt texts, link titles and text survive the portable body, the feeds and the email edition', () => {
		fc.assert(
			fc.property(authorText, authorText, (alt, text) => {
				const body = portableHtml(
					`<p><a href="/x/" title="${attribute(alt)}">${textHtml(text)}</a> <img src="/i.png" alt="${attribute(alt)}"></p><p>after</p>`,
					{ pageUrl: 'https://news.example.com/issues/x/', tools: toolByElement },
				);
				const portable = parse(body);
				expect(portable.querySelector('a')!.getAttribute('title')).toBe(alt);
				expect(portable.querySelector('a')!.getAttribute('href')).toBe('https://news.example.com/x/');
				expect(portable.querySelector('a')!.text).toBe(text);
				expect(portable.querySelector('img')!.getAttribute('alt')).toBe(alt);
				expect(portable.querySelectorAll('p').at(-1)!.text).toBe('after');
				const email = parse(
					emailHtml({
						newsletter: 'N',
						language: 'en',
						title: 'T',
						dateline: 'D',
						summary: 'S',
						author: 'A',
						body,
						webUrl: 'https://news.example.com/issues/x/',
						homeUrl: 'https://news.example.com/',
					}),
				);
				expect(email.querySelector('td a[title]')!.getAttribute('title')).toBe(xmlText(alt));
				expect(email.querySelector('td img')!.getAttribute('alt')).toBe(xmlText(alt));
				expect(email.querySelector('td img')!.getAttribute('width')).toBe('544');
			}),
			{ numRuns: 150 },
		);
	});
});
