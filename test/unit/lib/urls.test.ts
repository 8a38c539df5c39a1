import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SEARCH_FOLDER } from '../../../src/lib/search-files.ts';
import { isFollowable, lineOf, linkField, linkLine, RESERVED_PAGE_SLUGS, tagSlug, withBase } from '../../../src/lib/urls.ts';

describe('withBase', () => {
	test('joins base and path with one slash', () => {
		expect(withBase('/', '/issues/')).toBe('/issues/');
		expect(withBase('/newsletter/', '/issues/')).toBe('/newsletter/issues/');
		expect(withBase('/newsletter', 'issues/')).toBe('/newsletter/issues/');
		expect(withBase('/newsletter/', '/')).toBe('/newsletter/');
	});
	test('leaves full addresses and anchors alone', () => {
		expect(withBase('/n/', 'https://example.com/x')).toBe('https://example.com/x');
		expect(withBase('/n/', 'mailto:a@example.com')).toBe('mailto:a@example.com');
		expect(withBase('/n/', '//cdn.example.com/x')).toBe('//cdn.example.com/x');
		expect(withBase('/n/', '#top')).toBe('#top');
	});
});

describe('tagSlug', () => {
	test('lower-cases and hyphenates', () => {
		expect(tagSlug('Due Diligence')).toBe('due-diligence');
		expect(tagSlug('  PRM & enablement ')).toBe('prm-enablement');
	});
	test('drops accents', () => {
		expect(tagSlug('Sätteri Café')).toBe('satteri-cafe');
	});
	test('never returns an empty slug', () => {
		expect(tagSlug('!!!')).toBe('tag');
	});
});

describe('followable addresses', () => {
	test('paths, anchors and full addresses with a valid host are followable', () => {
		for (const address of ['/playbooks/x/', 'x/', '#t', '?page=2', 'https://e.example:8080/p', 'mailto:a@e.example'])
			expect(isFollowable(address), address).toBe(true);
	});
	test('an address with no host, a bad host or a port out of range is not', () => {
		for (const address of ['http://', 'https://', 'https://999.1.1.1/', 'https://x.example:99999/', '//exa mple.com/'])
			expect(isFollowable(address), address).toBe(false);
	});
	test('lines are counted from 1, and a missing text has none', () => {
		expect(lineOf('a\nb http://\nc', 'http://')).toBe(2);
		expect(lineOf('a', 'zzz')).toBeUndefined();
		expect(linkField('http://', 3)).toBe('link "http://" (line 3)');
		expect(linkField('http://')).toBe('link "http://"');
		const source = [
			'See http:// below.',
			'[a](http://)',
			'[b]: https://x:99999/',
			'<img src="//bad host/">',
			'<https://q:0x/>',
		].join('\n');
		expect(linkLine(source, 'http://')).toBe(2);
		expect(linkLine(source, 'https://x:99999/')).toBe(3);
		expect(linkLine(source, '//bad host/')).toBe(4);
		expect(linkLine(source, 'https://q:0x/')).toBe(5);
		expect(linkLine(source, 'nowhere')).toBeUndefined();
	});
});

describe('reserved page slugs', () => {
	test('are every top-level address of src/pages and the build’s own folders', () => {
		const pages = readdirSync(fileURLToPath(new URL('../../../src/pages/', import.meta.url)))
			.map((name) => name.replace(/\.(astro|ts)$/, ''))
			.filter((name) => !name.startsWith('[') && !name.includes('.') && name !== 'index');
		expect([...RESERVED_PAGE_SLUGS].sort()).toEqual([...pages, '_astro', SEARCH_FOLDER].sort());
	});
});
