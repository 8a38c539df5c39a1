import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, buildSite } from '../helpers/build.ts';
import { page } from '../helpers/html.ts';
import { childText, elements, parseXml } from '../helpers/xml.ts';

// The fixture's author text looks like markup: a title, summary, tag and
// series holding `</script>`, an author name that ends a CDATA section, a
// vertical tab in a title and a body, and inline code showing attributes.
const TITLE = 'Why </script><script>alert(1)</script> matters\vtoday';
const AUTHOR = ']]><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script><x:y/> & 007';

/** A character outside XML 1.0's `Char` production. */
const XML_FORBIDS = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

let site: BuildResult;
const read = (path: string) => readFileSync(join(site.dist, path), 'utf8');

beforeAll(async () => {
	site = await buildSite('hostile');
	expect(site.code, site.output).toBe(0);
});

describe('JSON-LD', () => {
	test('author text cannot end the <script> element, and the data carries it unchanged', () => {
		const issue = page(site.dist, '/issues/001-script/');
		const scripts = issue.querySelectorAll('script');
		expect(scripts.map((script) => script.rawText).filter((code) => code.includes('alert(1)'))).toHaveLength(1);
		const [json, ...more] = issue.querySelectorAll('script[type="application/ld+json"]');
		expect(more).toEqual([]);
		expect(json!.rawText).not.toMatch(/[<>&]/);
		const data = JSON.parse(json!.rawText);
		expect(data.headline).toBe(TITLE);
		expect(data.description).toBe('Ends </script><!-- here & there');
		expect(data.keywords).toBe('a</script>b, trust');
		expect(data.isPartOf.name).toBe('Part </script> one');
		expect(data.author.name).toBe(AUTHOR);
		// The page goes on after the script: the subscribe form is still there.
		expect(issue.querySelector('.pb-subscribe form')).not.toBeNull();
	});

	test('a playbook page is written the same way', () => {
		const data = JSON.parse(page(site.dist, '/playbooks/kit/').querySelector('script[type="application/ld+json"]')!.rawText);
		expect(data.headline).toBe('Kit </script> for <partners>');
	});
});

describe('feeds', () => {
	test('feed.xml is well-formed and carries the author name as text, with no element injected', () => {
		const rss = parseXml(read('feed.xml'));
		const items = elements(rss, 'item');
		expect(items.map((item) => childText(item, 'dc:creator'))).toEqual([AUTHOR, AUTHOR]);
		expect(elements(rss, 'script')).toEqual([]);
		expect(elements(rss, 'x:y')).toEqual([]);
		expect(parseFeed(read('feed.xml')).items.map((item) => item.authors[0]?.name)).toEqual([AUTHOR, AUTHOR]);
	});

	test('a vertical tab in a title or body is a space in both feeds, which stay valid', () => {
		const rss = parseXml(read('feed.xml'));
		const item = elements(rss, 'item')[1]!;
		expect(childText(item, 'title')).toBe('#1: Why </script><script>alert(1)</script> matters today');
		expect(childText(item, 'content:encoded')).toContain('A soft line break pasted from a word processor.');
		const json = JSON.parse(read('feed.json'));
		expect(json.items[1].title).toBe('#1: Why </script><script>alert(1)</script> matters today');
		expect(json.items[1].content_html).toContain('A soft line break pasted from a word processor.');
		expect(json.items[1].authors[0].name).toBe(AUTHOR);
		for (const file of ['feed.xml', 'feed.json', 'playbooks/feed.xml', 'playbooks/feed.json'])
			expect(read(file), file).not.toContain('\v');
		parseXml(read('playbooks/feed.xml'));
	});
});

test('a link title holding ">" reaches the feeds and the email edition whole', () => {
	const title = 'Revenue > cost, for <partners>';
	const rssItem = elements(parseXml(read('feed.xml')), 'item')[1]!;
	const bodies = [
		childText(rssItem, 'content:encoded')!,
		JSON.parse(read('feed.json')).items[1].content_html,
		read('issues/001-script/email.html'),
	];
	for (const body of bodies) {
		const link = parse(body).querySelector('a[title]');
		expect(link?.getAttribute('title')).toBe(title);
		expect(link?.getAttribute('href')).toBe('https://news.example.com/playbooks/kit/');
		expect(link?.text).toBe('the kit');
	}
});

describe('email editions', () => {
	test('inline code showing class and id attributes keeps them; the vertical tab is a space', () => {
		const html = read('issues/001-script/email.html');
		const text = read('issues/001-script/email.txt');
		expect(html).toContain('<code>&lt;p class="lead"&gt;</code> or <code>&lt;a id="top"&gt;</code>');
		expect(html).not.toMatch(/<[^>]*\s(class|id)=/);
		expect(text.replace(/\s+/g, ' ')).toContain('Write <p class="lead"> or <a id="top"> to open a lead paragraph.');
		for (const edition of [html, text]) {
			expect(edition).not.toContain('\v');
			expect(edition).toContain('A soft line break pasted from a word processor.');
		}
		expect(html).toContain('<title>Why &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; matters today</title>');
	});
});

test('no built text file holds a character XML forbids, other than web pages quoting the author', () => {
	const files = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((file) =>
		/\.(xml|json|txt)$|email\.html$/.test(file),
	);
	expect(files.length).toBeGreaterThan(6);
	for (const file of files) expect(read(file), file).not.toMatch(XML_FORBIDS);
});

describe('Content Security Policy', () => {
	const html = () =>
		readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter(
			(file) => file.endsWith('.html') && !file.endsWith('email.html'),
		);
	const policyIn = (file: string) =>
		page(site.dist, `/${file}`).querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '';
	const directive = (policy: string, name: string) =>
		policy
			.split(';')
			.map((part) => part.trim())
			.find((part) => part.startsWith(`${name} `));

	test('every web page carries one, allowing each of its inline scripts by hash and no other inline script', () => {
		const files = html().filter((file) => !/^issues\/\d+\//.test(file));
		expect(files).toEqual(
			expect.arrayContaining(['index.html', '404.html', 'issues/001-script/index.html', 'playbooks/kit/index.html']),
		);
		for (const file of files) {
			const root = page(site.dist, `/${file}`);
			const policy = policyIn(file);
			const scripts = directive(policy, 'script-src') ?? '';
			expect(scripts, file).toContain("'self'");
			expect(scripts, file).toContain("'wasm-unsafe-eval'");
			expect(scripts, file).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
			expect(directive(policy, 'form-action'), file).toBe("form-action 'self' https://mail.example.com");
			expect(directive(policy, 'object-src'), file).toBe("object-src 'none'");
			// Data blocks (JSON-LD, a tool's data) are not run, so the policy does not govern them.
			const inline = root
				.querySelectorAll('script:not([src])')
				.filter((script) => ['', 'module', 'text/javascript'].includes(script.getAttribute('type') ?? ''));
			expect(inline.length, file).toBeGreaterThan(0);
			for (const script of inline) {
				const hash = createHash('sha256').update(script.rawText).digest('base64');
				expect(scripts, `${file}: ${script.rawText.slice(0, 60)}`).toContain(`'sha256-${hash}'`);
			}
			// The policy comes before every script, so it governs them all.
			const order = root.querySelectorAll('meta[http-equiv], script').map((element) => element.tagName);
			expect(order[0], file).toBe('META');
		}
	});

	test('the pages at issue numbers allow nothing; the email editions, made for email services, carry no policy and no script', () => {
		for (const file of ['issues/1/index.html', 'issues/2/index.html'])
			expect(policyIn(file), file).toBe("default-src 'none'; base-uri 'none'; form-action 'none'");
		for (const file of ['issues/001-script/email.html', 'issues/002-plain/email.html']) {
			expect(read(file), file).not.toMatch(/<script|http-equiv/i);
		}
	});
});
