import { describe, expect, test } from 'vitest';
import { articleBody, type EmailDetails, emailEdition } from '../../../src/lib/email.ts';

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

describe('emailEdition', () => {
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

	test('makes both editions from the page body, with absolute links and inlined styles', () => {
		const { html, text } = emailEdition(
			details,
			page('<h2 id="why">Why</h2><p>See <a href="../002-second/">the last issue</a>.</p>'),
		);
		expect(html).toContain('<title>Trust &amp; check-ins</title>');
		expect(html).toMatch(/<a href="https:\/\/news\.example\.com\/issues\/002-second\/" style="[^"]+">the last issue<\/a>/);
		expect(html).toMatch(/<h2 style="[^"]+">Why<\/h2>/);
		expect(html).not.toContain('Subscribe');
		expect(html).not.toContain('Above');
		expect(text.replace(/\s+/g, ' ')).toContain('See the last issue <https://news.example.com/issues/002-second/>.');
		expect(text).toContain('Issue #3 · March 2, 2026 · By Ana Test');
	});
});
