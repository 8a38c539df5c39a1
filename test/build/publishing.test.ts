import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, buildSite, copyFixture, withDevServer } from '../helpers/build.ts';
import { hrefs, page, text } from '../helpers/html.ts';

let site: BuildResult;
const read = (path: string) => readFileSync(join(site.dist, path), 'utf8');
const everyFile = (dist: string) =>
	readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|json|txt)$/.test(f));

beforeAll(async () => {
	// NODE_ENV=development in the shell must not let drafts into a production build.
	site = await buildSite('publishing', { env: { NODE_ENV: 'development' } });
	expect(site.code, site.output).toBe(0);
});

describe('drafts and schedules', () => {
	test('a draft and a future-dated issue are nowhere in the built site, feeds, sitemap or index', () => {
		for (const file of everyFile(site.dist)) {
			const content = readFileSync(join(site.dist, file), 'utf8');
			expect(content, file).not.toMatch(/draftwords|futurewords|Draft issue|Future issue/);
		}
		expect(existsSync(join(site.dist, 'issues/005-draft'))).toBe(false);
		expect(existsSync(join(site.dist, 'issues/006-future'))).toBe(false);
		expect(existsSync(join(site.dist, 'issues/5'))).toBe(false);
	});

	test('the build lists what it held back and warns about gaps in the numbering', () => {
		expect(site.output).toContain(
			'Held back 2 of 5 issues from this build:\n  test/fixtures/publishing/content/issues/005-draft.mdx (draft)\n  test/fixtures/publishing/content/issues/006-future.mdx (scheduled for 2099-01-05)',
		);
		expect(site.output).toContain('Issue numbers skip 3. Readers may look for the missing issues');
	});
});

describe('issue numbers', () => {
	test('an issue dated before a lower-numbered one is a warning that names both', async () => {
		expect(site.output).not.toContain('Issue numbers and dates disagree');
		const dir = copyFixture('publishing', 'publishing-order-content');
		const file = join(dir, 'issues/004-fourth.mdx');
		writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2026-01-26', 'date: 2026-01-10'));
		const result = await buildSite(dir, { out: 'publishing-order' });
		expect(result.code, result.output).toBe(0);
		expect(result.output).toContain(
			'Issue numbers and dates disagree: #4 (2026-01-10) is dated before #2 (2026-01-12). The archive, the feeds and the previous/next links follow the dates; check the number or the date.',
		);
	});

	test('/issues/<number>/ leads to the issue', () => {
		expect(readdirSync(join(site.dist, 'issues')).sort()).toEqual([
			'001-first',
			'002-second',
			'004-fourth',
			'1',
			'2',
			'4',
			'index.html',
		]);
		const forward = page(site.dist, '/issues/4/');
		expect(forward.querySelector('meta[http-equiv=refresh]')?.getAttribute('content')).toBe('0;url=/issues/004-fourth/');
		expect(hrefs(forward, 'main a')).toEqual(['/issues/004-fourth/']);
		expect(text(page(site.dist, '/issues/004-fourth/'), '.pb-meta li')).toBe('Issue #4');
	});
});

describe('feeds', () => {
	test('RSS carries every published issue with full HTML and absolute URLs only', () => {
		const feed = parseFeed(read('feed.xml'));
		expect(feed.title).toBe('Fixture Notes');
		expect(feed.items.map((i) => [i.title, i.url])).toEqual([
			['#4: Fourth issue', 'https://news.example.com/issues/004-fourth/'],
			['#2: Second issue', 'https://news.example.com/issues/002-second/'],
			['#1: First issue', 'https://news.example.com/issues/001-first/'],
		]);
		const first = feed.items[2]!;
		expect(first.content).toContain('Stories teach.');
		const urls = [...first.content!.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
		expect(urls).toEqual([
			'https://news.example.com/issues/002-second/',
			'https://news.example.com/playbooks/kit/',
			'https://example.org/read',
			'https://news.example.com/chart.png',
		]);
		expect(first.authors.map((a) => a.name)).toEqual(['Ana Test']);
		expect(first.published?.toISOString()).toBe('2026-01-05T00:00:00.000Z');
	});

	test('JSON Feed 1.1 has the required fields and the same items', () => {
		const feed = JSON.parse(read('feed.json'));
		expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
		expect(typeof feed.title).toBe('string');
		expect(feed.feed_url).toBe('https://news.example.com/feed.json');
		for (const item of feed.items) {
			expect(typeof item.id).toBe('string');
			expect(typeof item.content_html).toBe('string');
			expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
			expect(item.content_html).not.toMatch(/(?:href|src)="(?!https?:\/\/)/);
		}
		expect(feed.items.map((i: { url: string }) => i.url)).toEqual(parseFeed(read('feed.xml')).items.map((i) => i.url));
	});

	test('playbooks have their own feeds, with tools replaced by a link to the web page', () => {
		const feed = parseFeed(read('playbooks/feed.xml'));
		expect(feed.items.map((i) => i.url)).toEqual(['https://news.example.com/playbooks/kit/']);
		const html = feed.items[0]!.content!;
		expect(html).not.toContain('pb-checklist');
		expect(html).not.toContain('<input');
		expect(html).toContain('<li>☐ First step done</li>');
		expect(html).toContain('<a href="https://news.example.com/playbooks/kit/#kit-check">Fill in this checklist on the web</a>');
		expect(JSON.parse(read('playbooks/feed.json')).items).toHaveLength(1);
	});

	test('every page announces the feeds', () => {
		for (const path of ['/', '/issues/', '/issues/001-first/', '/playbooks/kit/', '/tags/']) {
			const types = page(site.dist, path)
				.querySelectorAll('link[rel=alternate]')
				.map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`);
			expect(types).toEqual([
				'application/rss+xml /feed.xml',
				'application/feed+json /feed.json',
				'application/rss+xml /playbooks/feed.xml',
				'application/feed+json /playbooks/feed.json',
			]);
		}
	});
});

describe('email edition', () => {
	const email = () => read('issues/001-first/email.html');
	test('is self-contained: no script, no stylesheet, no class names, only absolute URLs', () => {
		const html = email();
		expect(html).not.toMatch(/<script|<link|<style|\sclass=/i);
		const urls = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
		expect(urls.length).toBeGreaterThan(3);
		for (const url of urls) expect(url).toMatch(/^https?:\/\//);
		const root = parse(html);
		expect(root.querySelector('a')?.text).toBe('View in your browser');
		expect(root.querySelector('a')?.getAttribute('href')).toBe('https://news.example.com/issues/001-first/');
		const image = root.querySelector('img')!;
		expect(image.getAttribute('alt')).toBe('A chart');
		expect(image.getAttribute('width')).toBe('544');
		for (const styled of root.querySelectorAll('h1, h2, p')) expect(styled.getAttribute('style')).toBeTruthy();
	});

	test('its text matches the web page’s article text', () => {
		const words = (s: string) => s.replace(/\s+/g, ' ').trim();
		const web = page(site.dist, '/issues/001-first/').querySelector('.pb-prose')!;
		for (const n of web.querySelectorAll('.pb-anchor, .pb-subscribe, script')) n.remove();
		const mail = parse(email()).querySelector('body')!;
		expect(words(mail.text)).toContain(words(web.text));
	});

	test('the plain-text version has every link', () => {
		const txt = read('issues/001-first/email.txt');
		const links = new Set([...email().matchAll(/href="([^"]*)"/g)].map((m) => m[1]!));
		for (const link of links) expect(txt).toContain(link);
		expect(txt).toContain('Stories teach.');
		expect(txt).not.toMatch(/<\/?[a-z]+[\s>]/);
	});

	test('a Markdown issue’s blocks reach its feed item and both email editions', () => {
		const item = JSON.parse(read('feed.json')).items.find((i: { url: string }) => i.url.endsWith('/issues/002-second/'));
		expect(item.content_html).toContain(
			'<p class="pb-wild-lesson"><strong>The lesson:</strong> Markdown lessons travel too.</p>',
		);
		const mail = parse(read('issues/002-second/email.html'));
		const lesson = mail.querySelectorAll('p').find((p) => p.text === 'The lesson: Markdown lessons travel too.');
		expect(lesson?.getAttribute('style')).toBeTruthy();
		expect(mail.querySelector('aside')?.getAttribute('style')).toMatch(/border-left: ?5px solid/);
		expect(read('issues/002-second/email.txt')).toMatch(
			/A story told in plain Markdown\.\s+The lesson: Markdown lessons travel too\./,
		);
	});

	test('tools become buttons linking to the web page', () => {
		const html = email();
		expect(html).not.toContain('pb-checklist');
	});

	test('every issue has both editions, and the list the build made them from is gone', () => {
		for (const slug of ['001-first', '002-second', '004-fourth']) {
			expect(existsSync(join(site.dist, 'issues', slug, 'email.html')), slug).toBe(true);
			expect(existsSync(join(site.dist, 'issues', slug, 'email.txt')), slug).toBe(true);
		}
		expect(readdirSync(site.dist).filter((name) => name.endsWith('.json'))).toEqual(['feed.json']);
	});

	test('in astro dev, the copy button’s links serve the same editions as the build, drafts included', async () => {
		await withDevServer('publishing', async (origin) => {
			const issue = parse(await (await fetch(`${origin}/issues/001-first/`)).text());
			const links = hrefs(issue, '.pb-copy-email a');
			expect(links).toEqual(['/issues/001-first/email.html', '/issues/001-first/email.txt']);
			const [html, txt] = await Promise.all(links.map(async (link) => (await fetch(origin + link)).text()));
			expect(html).toBe(email());
			expect(txt).toBe(read('issues/001-first/email.txt'));
			const draft = await fetch(`${origin}/issues/005-draft/email.txt`);
			expect(draft.status).toBe(200);
			expect(await draft.text()).toContain('Draft issue');
			// The dev server forwards issue numbers as the build does.
			expect(await (await fetch(`${origin}/issues/4/`)).text()).toBe(read('issues/4/index.html'));
		});
		// It waits its turn behind other builds, then for the dev server's first start.
	}, 300_000);
});

describe('series, subscribe and sharing', () => {
	test('a series shows "Part n of m", links its parts and has its own page', () => {
		const fourth = page(site.dist, '/issues/004-fourth/');
		expect(text(fourth, '.pb-series-title')).toBe('Part 2 of 3 in the series Starter kit');
		expect(hrefs(fourth, '.pb-series ol a')).toEqual(['/issues/002-second/', '/issues/004-fourth/', '/playbooks/kit/']);
		expect(fourth.querySelector('.pb-series a[aria-current=page]')?.text).toBe('Fourth issue');
		const series = page(site.dist, '/series/starter-kit/');
		expect(text(series, 'h1')).toBe('Starter kit');
		expect(hrefs(series, '.pb-list h2 a')).toEqual(['/issues/002-second/', '/issues/004-fourth/', '/playbooks/kit/']);
	});

	test('the subscribe form posts to the configured service on the home page and every issue', () => {
		for (const path of ['/', '/issues/001-first/', '/issues/002-second/']) {
			const form = page(site.dist, path).querySelector('.pb-subscribe form')!;
			expect(form.getAttribute('action')).toBe('https://mail.example.com/subscribe');
			expect(form.getAttribute('method')).toBe('post');
			expect(form.querySelector('input[type=email][required]')?.getAttribute('name')).toBe('EMAIL');
			expect(text(form, 'button')).toBe('Join');
		}
		expect(page(site.dist, '/playbooks/kit/').querySelector('.pb-subscribe')).toBeNull();
	});

	test('canonical, Open Graph, Twitter and JSON-LD metadata', () => {
		const issue = page(site.dist, '/issues/002-second/');
		expect(issue.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://news.example.com/issues/002-second/');
		expect(issue.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
		expect(issue.querySelector('meta[name="twitter:title"]')?.getAttribute('content')).toBe('Second issue');
		const data = JSON.parse(issue.querySelector('script[type="application/ld+json"]')!.text);
		expect(data).toMatchObject({
			'@type': 'BlogPosting',
			headline: 'Second issue',
			datePublished: '2026-01-12T00:00:00.000Z',
			author: { name: 'Ana Test', url: 'https://news.example.com/authors/ana/' },
			isPartOf: { name: 'Starter kit' },
		});
	});

	test('sitemap and robots.txt list the public pages only', () => {
		const sitemap = read('sitemap-0.xml');
		expect(sitemap).toContain('<loc>https://news.example.com/issues/001-first/</loc>');
		expect(sitemap).not.toMatch(/issues\/\d+\/</);
		expect(read('robots.txt')).toContain('Sitemap: https://news.example.com/sitemap-index.xml');
	});
});

test('under a sub-path, feeds and email use the base and the site URL', async () => {
	const based = await buildSite('publishing', { base: '/newsletter/', out: 'publishing-base' });
	expect(based.code, based.output).toBe(0);
	const feed = parseFeed(readFileSync(join(based.dist, 'feed.xml'), 'utf8'));
	expect(feed.items[0]!.url).toBe('https://news.example.com/newsletter/issues/004-fourth/');
	expect(feed.items[2]!.content).toContain('href="https://news.example.com/newsletter/playbooks/kit/"');
	expect(readFileSync(join(based.dist, 'issues/001-first/email.html'), 'utf8')).toContain(
		'https://news.example.com/newsletter/issues/001-first/',
	);
	expect(hrefs(page(based.dist, '/'), 'link[rel=alternate]')[0]).toBe('/newsletter/feed.xml');
	const forward = page(based.dist, '/issues/4/');
	expect(forward.querySelector('meta[http-equiv=refresh]')?.getAttribute('content')).toBe('0;url=/newsletter/issues/004-fourth/');
	expect(forward.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
		'https://news.example.com/newsletter/issues/004-fourth/',
	);
});
