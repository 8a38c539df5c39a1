import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, matchesGlob, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, test } from 'vitest';
import { EXCLUDED_SELECTORS, SEARCHED_PAGES, SearchIndex, searchablePart, searchUrl } from '../../src/build/search-index.ts';
import { TMP } from '../helpers/build.ts';

const page = (title: string) =>
	`<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav><main data-pagefind-body><h1>${title}</h1><p>Words about ${title}.</p></main></body></html>`;

/** The address and title of every page in a written index. */
function indexed(site: string): string[] {
	const folder = join(site, 'pagefind/fragment');
	return readdirSync(folder)
		.map((file) => {
			const text = gunzipSync(readFileSync(join(folder, file)))
				.toString('utf8')
				.replace(/^pagefind_dcd/, '');
			const fragment = JSON.parse(text) as { url: string; meta: { title: string } };
			return `${fragment.url} ${fragment.meta.title}`;
		})
		.sort();
}

test('the index holds the pages handed to it while rendering, and searched pages of the built folder it was not given', async () => {
	const site = join(TMP, 'search-index/dist');
	rmSync(site, { recursive: true, force: true });
	const write = (file: string, html: string) => {
		mkdirSync(join(site, file, '..'), { recursive: true });
		writeFileSync(join(site, file), html);
	};
	const index = new SearchIndex();
	// Rendered during the build: written to the folder and handed over.
	for (const [file, title] of [
		['index.html', 'Home'],
		['issues/001-first/index.html', 'First'],
	] as const) {
		write(file, page(title));
		index.add(file, page(title));
	}
	// Handed over twice (as the same file): read once.
	index.add('issues/001-first/index.html', page('First'));
	// Pages the index never reads, even when handed over: listings and the 404 page.
	index.add('tags/goals/index.html', page('Tagged goals'));
	index.add('404.html', page('Not found'));
	// Restored from Astro's build cache rather than rendered: only in the folder.
	write('playbooks/guide/index.html', page('Guide'));
	write('tags/trust/index.html', page('Tagged trust'));
	expect(await index.finish(site)).toBe(3);
	expect(indexed(site)).toEqual(['/ Home', '/issues/001-first/ First', '/playbooks/guide/ Guide']);
	expect(readdirSync(join(site, 'pagefind'))).not.toContain('pagefind-ui.js');
});

/** The index Pagefind makes of `pages`, file by file, as Pactbook configures it. */
async function indexOf(pages: { url: string; content: string }[]): Promise<Map<string, Buffer>> {
	const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
	expect(errors).toEqual([]);
	for (const page of pages) expect((await index!.addHTMLFile(page)).errors).toEqual([]);
	const { files, errors: failed } = await index!.getFiles();
	expect(failed).toEqual([]);
	await index!.deleteIndex();
	return new Map(files.map((file) => [file.path, Buffer.from(file.content)]));
}

/** Whether two indexes hold the same files with the same bytes. */
function expectSameIndex(part: Map<string, Buffer>, whole: Map<string, Buffer>, what: string): void {
	expect([...part.keys()].sort(), what).toEqual([...whole.keys()].sort());
	for (const [file, bytes] of whole) expect(part.get(file)?.equals(bytes), `${what}: ${file}`).toBe(true);
}

describe('the part of each page handed to Pagefind', () => {
	afterAll(() => pagefind.close());

	test('gives the same index as the whole pages of the sample site, from far fewer bytes', async () => {
		// The sample site, built by the global setup.
		const site = join(TMP, 'sample/dist');
		const pages = readdirSync(site, { recursive: true, encoding: 'utf8' })
			.map((file) => file.split(sep).join('/'))
			.filter((file) => matchesGlob(file, SEARCHED_PAGES))
			.map((file) => ({ url: searchUrl(file), html: readFileSync(join(site, file), 'utf8') }));
		const indexed = pages.filter(({ html }) => html.includes('data-pagefind-body'));
		// Issues, playbooks, standalone pages and tool pages.
		expect(indexed.length).toBeGreaterThanOrEqual(8);
		for (const { url, html } of indexed) expect(searchablePart(html).length, url).toBeLessThan(0.9 * html.length);
		const bytes = (content: (html: string) => string) => indexed.reduce((sum, { html }) => sum + content(html).length, 0);
		expect(bytes(searchablePart)).toBeLessThan(0.8 * bytes((html) => html));
		const whole = await indexOf(pages.map(({ url, html }) => ({ url, content: html })));
		const part = await indexOf(pages.map(({ url, html }) => ({ url, content: searchablePart(html) })));
		expectSameIndex(part, whole, 'sample site');
		// One fragment for each page with something to index.
		expect([...whole.keys()].filter((file) => file.startsWith('fragment/')).length).toBe(indexed.length);
	});

	test('gives the same index for pages shaped otherwise, trimmed or handed over whole', async () => {
		const article =
			'<article data-pagefind-filter="type:Issue"><div data-pagefind-body><h1>Plan</h1><p>Words about partners.</p><h2 id="next">Next</h2><p>More words.</p></div></article>';
		const page = (header: string, main: string, footer: string, html = '<html lang="en">', body = '<body>') =>
			`<!DOCTYPE html>${html}<head><meta charset="utf-8"><title>Plan · Site</title></head>${body}<header>${header}</header><main id="main">${main}</main><footer>${footer}</footer></body></html>`;
		const other = { url: '/other/', content: page('', article, '') };
		const shapes: Record<string, string> = {
			'Pactbook’s own': page('<a href="/">Site</a><nav data-pagefind-ignore>Menu</nav>', article, '<p>Footer</p>'),
			'an image after <main>': page('', article, '<img src="/logo.png" alt="Logo">'),
			'an image before <main>': page('<img src="/logo.png" alt="Logo">', article.replace('<h1>Plan</h1>', ''), ''),
			'a heading before <main>': page('<h1>Site name</h1>', article, ''),
			'a filter outside <main>': page('<a data-pagefind-filter="section">News</a>', article, ''),
			'an ignore that takes the page out': page('', article, '', '<html lang="en">', '<body data-pagefind-ignore="all">'),
			'no html tag': page('', article, '').replace('<!DOCTYPE html><html lang="en">', ''),
			'</main> in a script after it': page('', article, '<script>var end = "</main>";</script>'),
			'<main> inside a template': page('', article, `<template><main>${article}</main></template>`),
		};
		for (const [shape, content] of Object.entries(shapes)) {
			const whole = await indexOf([other, { url: '/page/', content }]);
			const part = await indexOf([other, { url: '/page/', content: searchablePart(content) }]);
			expectSameIndex(part, whole, shape);
		}
		expect(searchablePart(shapes['Pactbook’s own']!)).not.toContain('Menu');
		// With no page marked for indexing, Pagefind reads every page's whole body: nothing is left out then.
		const unmarked = page('<p>Header words</p>', '<h1>Home</h1><p>Hello.</p>', '');
		expect(searchablePart(unmarked)).toBe(unmarked);
		expectSameIndex(
			await indexOf([{ url: '/', content: searchablePart(unmarked) }]),
			await indexOf([{ url: '/', content: unmarked }]),
			'no page marked',
		);
	});
});
