import { matchesGlob } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtFile, SEARCHED_PAGES, searchablePart, searchUrl } from '../../../src/build/search-index.ts';

describe('pages handed to the search index while they are rendered', () => {
	test('are named by the file Astro writes them to, without the base', () => {
		expect(builtFile('/', '/')).toBe('index.html');
		expect(builtFile('/issues/020-perseverance/', '/')).toBe('issues/020-perseverance/index.html');
		expect(builtFile('/newsletter/', '/newsletter/')).toBe('index.html');
		expect(builtFile('/newsletter/playbooks/guide/', '/newsletter/')).toBe('playbooks/guide/index.html');
		expect(builtFile('/404', '/')).toBe('404.html');
	});

	test('get the address Pagefind gives a page it reads from the built folder', () => {
		expect(searchUrl('index.html')).toBe('/');
		expect(searchUrl('about/index.html')).toBe('/about/');
		expect(searchUrl('issues/020-perseverance/index.html')).toBe('/issues/020-perseverance/');
	});

	test('are the pages the index reads from the built folder, and no others', () => {
		const searched = (pathname: string) => matchesGlob(builtFile(pathname, '/news/'), SEARCHED_PAGES);
		expect(['/news/', '/news/about/', '/news/issues/020-perseverance/', '/news/playbooks/guide/'].filter(searched)).toHaveLength(
			4,
		);
		expect(
			['/news/404', '/news/tags/goals/', '/news/tags/goals/page/2/', '/news/issues/page/2/', '/news/authors/ana/'].filter(
				searched,
			),
		).toEqual([]);
	});
});

describe('the part of a page handed to Pagefind', () => {
	const page = (body: string, html = '<html lang="de" dir="ltr">') =>
		`<!DOCTYPE html>${html}<head><meta charset="utf-8"><title>Partner &amp; plan</title><script>var x = 1;</script></head><body><header><nav>Menu</nav><dialog>Search</dialog></header>${body}<footer>Footer</footer><script type="module">go()</script></body></html>`;
	const main =
		'<main id="main"><article data-pagefind-filter="type:Issue"><div data-pagefind-body><h1>Plan</h1><p>Words.</p></div></article></main>';

	test('is the html tag, the title and <main>, without the header, footer and scripts', () => {
		expect(searchablePart(page(main.replace('<main id="main">', '<main-menu>Menu</main-menu><main id="main">')))).toContain(
			'<body><main id="main">',
		);
		expect(searchablePart(page(main))).toBe(
			`<!DOCTYPE html><html lang="de" dir="ltr"><head><title>Partner &amp; plan</title></head><body>${main}</body></html>`,
		);
	});
	test('leaves out a plain data-pagefind-ignore outside <main>, which only matters inside the indexed part', () => {
		for (const mark of ['data-pagefind-ignore', 'data-pagefind-ignore="index"', "data-pagefind-ignore='index'"]) {
			expect(searchablePart(page(main).replace('<nav>', `<nav ${mark}>`))).not.toContain('Menu');
		}
	});
	test('is the whole page when something outside <main> could change the index, or there is no single <main>', () => {
		for (const whole of [
			// Pagefind marks, whatever their case, and an ignore that takes the page out of the index.
			page(main).replace('<nav>', '<nav data-pagefind-filter="section:Nav">'),
			page(main).replace('<nav>', '<nav DATA-PAGEFIND-FILTER="section:Nav">'),
			page(main).replace('<footer>', '<footer data-pagefind-meta="owner:Ops">'),
			page(main).replace('<header>', '<header data-pagefind-body>'),
			page(main).replace('<body>', '<body data-pagefind-ignore="all">'),
			// A heading that would be the title, an image that could be the result's picture.
			page(main).replace('<nav>', '<h1>Site</h1><nav>'),
			page(main).replace('<footer>', '<footer><img src="/logo.png" alt="">'),
			page(main).replace('<nav>', '<img src="/logo.png" alt=""><nav>'),
			// Nothing to go by: no html tag, no indexed part in <main>, no single <main>.
			page(main).replace('<!DOCTYPE html><html lang="de" dir="ltr">', ''),
			page(main.replace(' data-pagefind-body', '')),
			page('<div data-pagefind-body>No main here</div>'),
			page(`${main}<main>Second</main>`),
			page('<main data-pagefind-body>Never closed'),
			page(main).replace('var x = 1;', 'var x = "<main>";'),
		]) {
			expect(searchablePart(whole)).toBe(whole);
		}
	});
	test('keeps a title with attributes', () => {
		expect(searchablePart(page(main).replace('<title>', '<title lang="de">'))).toContain(
			'<head><title lang="de">Partner &amp; plan</title></head>',
		);
	});
});
