import { matchesGlob } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtFile, SEARCHED_PAGES, searchUrl } from '../../../src/build/search-index.ts';

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
