import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { SearchIndex } from '../../src/build/search-index.ts';
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
