import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, matchesGlob, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { expect, test } from 'vitest';
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

/** Every file under `folder`, with its bytes. */
function files(folder: string): Map<string, Buffer> {
	const found = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
	return new Map(
		found.map((entry) => [
			join(entry.parentPath, entry.name).slice(folder.length),
			readFileSync(join(entry.parentPath, entry.name)),
		]),
	);
}

test('the part of each page handed over gives the same index as the whole page, on the sample site', async () => {
	// The sample site, built by the global setup.
	const site = join(TMP, 'sample/dist');
	const pages = readdirSync(site, { recursive: true, encoding: 'utf8' })
		.map((file) => file.split(sep).join('/'))
		.filter((file) => matchesGlob(file, SEARCHED_PAGES))
		.map((file) => ({ file, html: readFileSync(join(site, file), 'utf8') }));
	const bytes = (content: (html: string) => string) => pages.reduce((sum, { html }) => sum + content(html).length, 0);
	// Every page with an article, a tool or a listing loses its header, footer and scripts.
	for (const { file, html } of pages)
		if (/^(issues|playbooks|tools)\/./.test(file)) expect(searchablePart(html).length, file).toBeLessThan(html.length);
	expect(bytes(searchablePart)).toBeLessThan(0.8 * bytes((html) => html));
	expect(pages.length).toBeGreaterThan(15);
	const write = async (name: string, content: (html: string) => string) => {
		const output = join(TMP, 'search-index', name);
		rmSync(output, { recursive: true, force: true });
		const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
		expect(errors).toEqual([]);
		for (const { file, html } of pages) {
			expect((await index!.addHTMLFile({ url: searchUrl(file), content: content(html) })).errors).toEqual([]);
		}
		expect((await index!.writeFiles({ outputPath: output })).errors).toEqual([]);
		return files(output);
	};
	try {
		const whole = await write('whole', (html) => html);
		const part = await write('part', searchablePart);
		expect([...part.keys()].sort()).toEqual([...whole.keys()].sort());
		for (const [file, bytes] of whole) expect(part.get(file)?.equals(bytes), file).toBe(true);
		// One fragment for each page with something to index: issues, playbooks, pages and tools.
		const indexedPages = pages.filter(({ html }) => html.includes('data-pagefind-body')).length;
		expect(indexedPages).toBeGreaterThanOrEqual(8);
		expect([...whole.keys()].filter((file) => file.includes('fragment')).length).toBe(indexedPages);
	} finally {
		await pagefind.close();
	}
});
