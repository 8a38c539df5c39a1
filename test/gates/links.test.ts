import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, TMP } from '../helpers/build.ts';
import { brokenLinks, htmlValidateConfig, invalidHtml, listPages } from '../helpers/gates.ts';

const fixture = (name: string) => join(ROOT, 'test/fixtures', name, 'site');
const config = htmlValidateConfig(ROOT);

describe('links', () => {
	test('every internal link and #anchor of the sample site resolves', () => {
		expect(brokenLinks(join(TMP, 'sample/dist'))).toEqual([]);
	});

	test('every internal link and #anchor resolves under a sub-path base', () => {
		expect(brokenLinks(join(TMP, 'sample-base/dist'), '/newsletter/')).toEqual([]);
	});

	test('a broken link, a link without the base and missing anchors are each reported with their page', () => {
		expect(brokenLinks(fixture('gate-links'), '/newsletter/')).toEqual([
			'/newsletter/ → /newsletter/_astro/missing.css (no such page or file)',
			'/newsletter/ → /newsletter/issues/nope/ (no such page or file)',
			'/newsletter/ → /about/ (outside the base /newsletter/)',
			'/newsletter/ → /newsletter/about/#board (no element with id "board")',
			'/newsletter/ → #contents (no element with id "contents")',
		]);
	});
});

describe('HTML', () => {
	test('every page of the sample site is valid HTML under .htmlvalidate.json', async () => {
		expect(await invalidHtml(listPages(join(TMP, 'sample/dist')), config)).toEqual([]);
	});

	test('errors name the page, the position and the rule; custom elements are allowed', async () => {
		const problems = await invalidHtml(listPages(fixture('gate-html')), config);
		expect(problems.map((p) => p.replace(/:\d+:\d+ /, ' '))).toEqual([
			'/ missing-doctype: Document is missing doctype',
			'/ heading-level: Heading level can only increase by one, expected <h2> but got <h3>',
			'/ no-dup-id: Duplicate ID "intro"',
			'/ element-permitted-content: <div> element is not permitted as content under <ul>',
			'/ no-missing-references: Element references missing id "nowhere"',
		]);
	});
});
