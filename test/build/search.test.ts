import { existsSync, readdirSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { SEARCHED_PAGES } from '../../src/build/search-index.ts';
import { readPage, TMP } from '../helpers/build.ts';
import { page, text } from '../helpers/html.ts';

// The sample site, built by the global setup with the search step.
const dist = join(TMP, 'sample/dist');
const based = join(TMP, 'sample-base/dist');
const ARTICLE = '/issues/020-perseverance/';

/** The search opener: the inline module script every page carries. */
function opener(path: string): string {
	const scripts = page(dist, path).querySelectorAll('script[type=module]:not([src])');
	const found = scripts.map((s) => s.textContent).filter((code) => code.includes('data-pb-search-open'));
	expect(found, `${path} has one search opener`).toHaveLength(1);
	return found[0]!;
}

describe('the index', () => {
	test('is written to pagefind/ with the component UI and the panel script, without the unused older interfaces', () => {
		const files = readdirSync(join(dist, 'pagefind'));
		for (const file of [
			'pagefind.js',
			'pagefind-entry.json',
			'pagefind-component-ui.js',
			'pagefind-component-ui.css',
			'pactbook-search.js',
		]) {
			expect(files).toContain(file);
		}
		for (const file of ['pagefind-ui.js', 'pagefind-modular-ui.js', 'pagefind-highlight.js']) expect(files).not.toContain(file);
		expect(readdirSync(join(dist, 'pagefind/fragment')).length).toBeGreaterThan(0);
		expect(existsSync(join(based, 'pagefind/pagefind.js'))).toBe(true);
	});

	test('reads every page that has something to index, and no other', () => {
		for (const site of [dist, based]) {
			const files = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
			const indexable = files.filter((file) => readPage(site, `/${file}`).includes('data-pagefind-body'));
			expect(indexable.length).toBeGreaterThan(6);
			for (const file of indexable) expect(matchesGlob(file, SEARCHED_PAGES), file).toBe(true);
			const read = files.filter((file) => matchesGlob(file, SEARCHED_PAGES));
			// Tag, author and archive pages (and their page 2, 3…) are never read.
			expect(read.filter((file) => /^(tags|authors)\/[^/]+\/|^issues\/page\//.test(file))).toEqual([]);
		}
	});
});

describe('what article pages give the index', () => {
	const article = page(dist, ARTICLE);

	test('the title, summary and body are indexed; the title weighs most', () => {
		const bodies = article.querySelectorAll('[data-pagefind-body]').map((e) => e.getAttribute('class'));
		expect(bodies).toEqual(['pb-article-head', 'pb-prose']);
		expect(article.querySelector('h1')?.getAttribute('data-pagefind-weight')).toBe('10');
		// The eyebrow, the date line and the tags are not text to search.
		const ignored = article.querySelectorAll('.pb-article-head [data-pagefind-ignore]').map((e) => e.getAttribute('class'));
		expect(ignored).toEqual(['pb-eyebrow', 'pb-meta', 'pb-tags']);
	});

	test('type, tags, author and series are filters; type, issue number and date are metadata; date sorts', () => {
		// Inline values (`key:value`) as written; captured ones with the text they capture.
		const attrs = (name: string) =>
			article.querySelectorAll(`[${name}]`).map((e) => {
				const value = e.getAttribute(name) ?? '';
				return value.includes(':') ? value : `${value} = ${e.text.trim()}`;
			});
		expect(attrs('data-pagefind-filter')).toEqual([
			'type:Issue',
			'author = Maya Okafor',
			'tag = perseverance',
			'tag = activation',
			'tag = goals',
			'series = From signature to pipeline',
		]);
		expect(attrs('data-pagefind-meta')).toEqual(['type:Issue', 'issue:20', 'date[datetime], published = October 5, 2026']);
		expect(article.querySelector('time[data-pagefind-sort]')?.getAttribute('datetime')).toBe('2026-10-05');
		const playbook = page(dist, '/playbooks/paper-partnerships/');
		expect(playbook.querySelector('article')?.getAttribute('data-pagefind-filter')).toBe('type:Playbook');
		expect(playbook.querySelector('[data-pagefind-meta^="issue"]')).toBeNull();
	});

	test('listing pages are not indexed, and the search interface adds nothing to the index', () => {
		for (const path of ['/', '/issues/', '/playbooks/', '/tags/', '/tags/goals/', '/authors/maya-okafor/', '/search/']) {
			expect(readPage(dist, path), path).not.toContain('data-pagefind-body');
		}
		expect(page(dist, ARTICLE).querySelector('.pb-search [data-pagefind-filter], .pb-search [data-pagefind-meta]')).toBeNull();
	});
});

describe('the search interface in the HTML', () => {
	test('every page but /search/ has the header button and a closed dialog with suggestions from the catalog', () => {
		const home = page(dist, '/');
		const button = home.querySelector('[data-pb-search-open]');
		expect(button?.closest('form')?.getAttribute('action')).toBe('/search/');
		expect(button?.getAttribute('aria-keyshortcuts')).toBe('Control+K Meta+K /');
		const dialog = home.querySelector('dialog.pb-search-dialog');
		expect(dialog?.hasAttribute('open')).toBe(false);
		expect(dialog?.querySelectorAll('.pb-search-latest a').map((a) => a.getAttribute('href'))).toEqual([
			'/issues/020-perseverance/',
			'/issues/019-partners-not-pen-pals/',
			'/issues/018-trust-and-check-ins/',
		]);
		expect(text(dialog!, '.pb-search-suggest .pb-tags')).toContain('activation');

		const search = page(dist, '/search/');
		expect(search.querySelector('dialog')).toBeNull();
		expect(search.querySelector('main pb-search pagefind-results')).not.toBeNull();
		expect(search.querySelector('[data-pb-search-open]')?.hasAttribute('aria-haspopup')).toBe(false);
	});

	test('the opener that ships on every page is tiny, inline and imports nothing', () => {
		const code = opener(ARTICLE);
		expect(code).not.toMatch(/\bimport\b/);
		expect(gzipSync(code).length).toBeLessThan(600);
		expect(opener('/')).toBe(code);
		// It loads the panel script, from the address the build writes it to.
		const panel = page(dist, ARTICLE).querySelector('pb-search');
		expect(panel?.getAttribute('data-script')).toBe('/pagefind/pactbook-search.js');
		expect(existsSync(join(dist, 'pagefind/pactbook-search.js'))).toBe(true);
	});

	test('Pagefind is found under the sub-path', () => {
		const root = page(based, ARTICLE);
		expect(root.querySelector('.pb-search')?.getAttribute('data-bundle')).toBe('/newsletter/pagefind/');
		expect(root.querySelector('.pb-search')?.getAttribute('data-script')).toBe('/newsletter/pagefind/pactbook-search.js');
		expect(root.querySelector('pagefind-config')?.getAttribute('bundle-path')).toBe('/newsletter/pagefind/');
		expect(root.querySelector('[data-pb-search-open]')?.closest('form')?.getAttribute('action')).toBe('/newsletter/search/');
	});
});
