import { parse } from 'node-html-parser';
import { expect, test } from 'vitest';
import { forwardingPage } from '../../../src/lib/redirect.ts';

test('a forwarding page sends readers on at once, links there, and stays out of search engines', () => {
	const html = forwardingPage({
		language: 'en',
		siteTitle: 'Notes & Deals',
		title: 'Issue #7',
		label: 'Partners, not "pen pals" <really>',
		to: '/newsletter/issues/007-pen-pals/',
		canonical: 'https://example.com/newsletter/issues/007-pen-pals/',
	});
	const root = parse(html);
	expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
	expect(html).toContain('<title>Issue #7 · Notes &amp; Deals</title>');
	expect(root.querySelector('meta[http-equiv=refresh]')?.getAttribute('content')).toBe('0;url=/newsletter/issues/007-pen-pals/');
	expect(root.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
	expect(root.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
		'https://example.com/newsletter/issues/007-pen-pals/',
	);
	expect(root.querySelector('main a')?.getAttribute('href')).toBe('/newsletter/issues/007-pen-pals/');
	expect(root.querySelector('main a')?.innerHTML).toBe('Partners, not &quot;pen pals&quot; &lt;really&gt;');
	expect(root.querySelector('h1')?.text).toBe('Issue #7');
	// Second in the head, before anything the policy should govern.
	expect(html).toContain(
		'<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; base-uri \'none\'; form-action \'none\'">',
	);
});
