import { describe, expect, test } from 'vitest';
import { articleBody, type EmailDetails, emailEdition } from '../../../src/lib/email.ts';
import { toolByElement } from '../../../src/tools/index.ts';

const details: EmailDetails = {
	newsletter: 'Fixture Notes',
	language: 'en',
	title: 'Trust & check-ins',
	dateline: 'Issue #3 · March 2, 2026',
	summary: 'Why "later" never comes.',
	author: 'Ana Test',
	webUrl: 'https://news.example.com/issues/003-trust/',
	homeUrl: 'https://news.example.com/',
};

const page = (body: string) =>
	`<!DOCTYPE html><html><body><main><div class="pb-prose"><p>Above</p><div class="pb-body">${body}</div><section class="pb-subscribe"><div>Subscribe</div></section></div></main></body></html>`;

describe('articleBody', () => {
	test('is the inner HTML of the body element, nested elements included', () => {
		const body = '<p>One</p><div class="pb-callout"><div class="pb-callout-title">Tip</div><p>Two</p></div><p>Three</p>';
		expect(articleBody(page(body))).toBe(body);
	});

	test('is not cut short by a closing tag inside a script', () => {
		const body = '<p>One</p><script>document.body.innerHTML = "<div></div></div>";</script><p>Two</p>';
		expect(articleBody(page(body))).toBe(body);
	});

	test('keeps attributes the build adds to the body element out of the result', () => {
		expect(articleBody('<div class="pb-body" data-astro-cid-x><p>Text</p></div>')).toBe('<p>Text</p>');
	});

	test('says what is wrong when the page has no body element or never closes it', () => {
		expect(() => articleBody('<main><p>Text</p></main>')).toThrow(
			'the page has no <div class="pb-body"> around its article body',
		);
		expect(() => articleBody('<div class="pb-body"><div><p>Text</p></div>')).toThrow(
			'the page\'s <div class="pb-body"> is never closed',
		);
	});
});

describe('the body element, as the parser closes it', () => {
	test('a body left open that its parent ends is never closed either', () => {
		expect(() => articleBody('<main><div class="pb-body"><p>Text</p></main><footer>Links</footer>')).toThrow(
			'the page\'s <div class="pb-body"> is never closed',
		);
		expect(() => emailEdition(details, '<div class="pb-body"><p>Text</p>', toolByElement)).toThrow(
			'the page\'s <div class="pb-body"> is never closed',
		);
	});

	test('an element inside the body that its end tag closes stays inside', () => {
		expect(articleBody('<div class="pb-body"><p>One</div><p>After</p>')).toBe('<p>One</p>');
	});
});

describe('emailEdition', () => {
	test('makes both editions from the page body, with absolute links and inlined styles', () => {
		const { html, text } = emailEdition(
			details,
			page('<h2 id="why">Why</h2><p>See <a href="../002-second/">the last issue</a>.</p>'),
			toolByElement,
		);
		expect(html).toContain('<title>Trust &amp; check-ins</title>');
		expect(html).toMatch(/<a href="https:\/\/news\.example\.com\/issues\/002-second\/" style="[^"]+">the last issue<\/a>/);
		expect(html).toMatch(/<h2 style="[^"]+">Why<\/h2>/);
		expect(html).not.toContain('Subscribe');
		expect(html).not.toContain('Above');
		expect(text.replace(/\s+/g, ' ')).toContain('See the last issue <https://news.example.com/issues/002-second/>.');
		expect(text).toContain('Issue #3 · March 2, 2026 · By Ana Test');
	});

	test('each value lands in its place as text, whatever it contains', () => {
		const tricky = { ...details, title: 'A %%pactbook-body%% title', summary: 'Costs $1, or $& and $$ <b>' };
		const { html } = emailEdition(tricky, page('<p>Body text.</p>'), toolByElement);
		expect(html).toContain('<title>A %%pactbook-body%% title</title>');
		expect(html).toMatch(/<h1 style="[^"]+">A %%pactbook-body%% title<\/h1>/);
		expect(html.match(/Costs \$1, or \$&amp; and \$\$ &lt;b&gt;/g)).toHaveLength(2);
		expect(html.match(/Body text\./g)).toHaveLength(1);
		expect(html).toMatch(/<p style="[^"]*margin: 0 0 16px[^"]*">Body text\.<\/p>/);
	});

	test('the frame and the body each get their own styles', () => {
		const { html } = emailEdition(
			details,
			page('<table><tr><th>Stage</th></tr><tr><td>Sign</td></tr></table><aside class="pb-wild"><p>Story.</p></aside>'),
			toolByElement,
		);
		expect(html).toMatch(/<th style="[^"]*border: 1px solid #d9d5cc[^"]*"[^>]*>Stage<\/th>/);
		expect(html).toMatch(/<td style="[^"]*padding: 6px 8px[^"]*"[^>]*>Sign<\/td>/);
		expect(html).toMatch(/<aside style="[^"]*background: #e3f0f7[^"]*">/);
		// Cells of the layout tables are not article cells.
		expect(html).toMatch(
			/<td align="right" style="padding: 12px 28px;[^"]*"><a href="https:\/\/news\.example\.com\/issues\/003-trust\/" style="color: #545860;">View in your browser<\/a><\/td>/,
		);
		expect(html).not.toContain('class=');
	});

	test('class names and ids go from elements only: text showing markup keeps them', () => {
		const { html, text } = emailEdition(
			details,
			page(
				'<h2 id="setup">Setup</h2><p>Write <code>&lt;p class="lead"&gt;</code> or <code>&lt;a id="top"&gt;</code> class="x" as text.</p>',
			),
			toolByElement,
		);
		expect(html).toContain('<code>&lt;p class="lead"&gt;</code>');
		expect(html).toContain('<code>&lt;a id="top"&gt;</code> class="x" as text.');
		expect(html).toMatch(/<h2 style="[^"]+">Setup<\/h2>/);
		expect(text).toContain('Write <p class="lead"> or <a id="top"> class="x" as text.');
	});

	test('characters XML forbids are left out of both editions, a soft line break becoming a space', () => {
		const { html, text } = emailEdition({ ...details, title: 'Soft\x0bbreak' }, page('<p>One\x0btwo\0three</p>'), toolByElement);
		expect(html).toContain('<title>Soft break</title>');
		expect(html).toContain('One twothree');
		expect(html.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
		expect(text).toContain('One twothree');
		expect(text.replace(/\n/g, '')).not.toMatch(/\p{Cc}/u);
	});
});
