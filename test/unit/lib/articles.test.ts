import { describe, expect, test } from 'vitest';
import {
	type ArticleSummary,
	groupBy,
	groupByYear,
	laterPagesUnderPage,
	listPageUrl,
	neighbours,
	newestFirst,
	pageWindow,
	related,
	tagIndex,
} from '../../../src/lib/articles.ts';

const article = (slug: string, date: string, tags: string[], extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
	kind: 'issue',
	slug,
	title: slug,
	summary: '',
	date: new Date(date),
	tags,
	author: 'a',
	minutes: 1,
	...extra,
});

describe('newestFirst', () => {
	test('sorts by date, then by number', () => {
		const list = newestFirst([
			article('old', '2025-01-01', [], { number: 1 }),
			article('same-day-low', '2026-01-01', [], { number: 2 }),
			article('same-day-high', '2026-01-01', [], { number: 3 }),
		]);
		expect(list.map((a) => a.slug)).toEqual(['same-day-high', 'same-day-low', 'old']);
	});
});

describe('neighbours', () => {
	const list = ['newest', 'middle', 'oldest'];
	test('previous is older, next is newer', () => {
		expect(neighbours(list, 1)).toEqual({ previous: 'oldest', next: 'newest' });
	});
	test('ends have one neighbour', () => {
		expect(neighbours(list, 0)).toEqual({ previous: 'middle', next: undefined });
		expect(neighbours(list, 2)).toEqual({ previous: undefined, next: 'middle' });
	});
	test('a single item has none', () => {
		expect(neighbours(['only'], 0)).toEqual({ previous: undefined, next: undefined });
	});
});

describe('related', () => {
	const target = article('t', '2026-01-01', ['goals', 'Activation']);
	const all = [
		target,
		article('one-tag-new', '2026-03-01', ['goals']),
		article('two-tags', '2025-01-01', ['activation', 'goals']),
		article('one-tag-old', '2025-06-01', ['goals']),
		article('none', '2026-05-01', ['trust']),
		article('t', '2026-01-01', ['goals'], { kind: 'playbook' }),
	];
	test('ranks by shared tags, then by date, and never includes the article itself', () => {
		expect(related(target, all, 3).map((a) => `${a.kind}:${a.slug}`)).toEqual([
			'issue:two-tags',
			'issue:one-tag-new',
			'playbook:t',
		]);
	});
	test('suggests nothing without shared tags', () => {
		expect(related(article('x', '2026-01-01', []), all)).toEqual([]);
		expect(related(article('x', '2026-01-01', ['unique']), all)).toEqual([]);
	});
});

describe('grouping and pages', () => {
	test('groupByYear keeps order within years (UTC)', () => {
		const groups = groupByYear([
			article('a', '2026-01-01T00:00:00Z', []),
			article('b', '2025-12-31T23:00:00Z', []),
			article('c', '2025-01-01', []),
		]);
		expect(groups.map((g) => [g.year, g.items.map((i) => i.slug)])).toEqual([
			[2026, ['a']],
			[2025, ['b', 'c']],
		]);
	});
	test('groupBy sorts groups by name', () => {
		expect(groupBy(['b1', 'a1', 'b2'], (s) => s[0]!).map((g) => [g.name, g.items])).toEqual([
			['a', ['a1']],
			['b', ['b1', 'b2']],
		]);
	});
	test('tagIndex merges spellings of one tag and counts each article once', () => {
		const index = tagIndex([article('a', '2026-01-01', ['Goals', 'goals']), article('b', '2026-01-01', ['goals', 'trust'])]);
		expect(index.map((t) => [t.slug, t.name, t.items.length])).toEqual([
			['goals', 'Goals', 2],
			['trust', 'trust', 1],
		]);
	});
	test('listPageUrl puts later pages at page/<n>/ under the first', () => {
		expect(listPageUrl('/tags/goals/', 1)).toBe('/tags/goals/');
		expect(listPageUrl('/tags/goals/', 2)).toBe('/tags/goals/page/2/');
		expect(listPageUrl('/news/issues/', 12)).toBe('/news/issues/page/12/');
	});
});

/** What Astro's paginate() returns for a `[...page]` route at `first` (which ends in `/`), page by page. */
function astroPages<P extends object>(
	first: string,
	lastPage: number,
	extra: { params?: Record<string, string>; props?: P } = {},
) {
	const at = (n: number) => (n === 1 ? first : `${first}${n}/`);
	return Array.from({ length: lastPage }, (_, i) => {
		const n = i + 1;
		return {
			params: { ...extra.params, page: n === 1 ? undefined : String(n) },
			props: {
				...(extra.props as P),
				page: {
					data: [`item ${n}`],
					currentPage: n,
					lastPage,
					total: lastPage,
					url: {
						current: at(n),
						prev: n > 1 ? at(n - 1) : undefined,
						next: n < lastPage ? at(n + 1) : undefined,
						first: n > 1 ? at(1) : undefined,
						last: n < lastPage ? at(lastPage) : undefined,
					},
				},
			},
		};
	});
}

describe('laterPagesUnderPage', () => {
	test('names later pages page/<n> and moves every link there, keeping params, props and data', () => {
		const paths = laterPagesUnderPage(astroPages('/news/tags/goals/', 3, { params: { tag: 'goals' }, props: { name: 'Goals' } }));
		expect(paths.map((p) => p.params)).toEqual([
			{ tag: 'goals', page: undefined },
			{ tag: 'goals', page: 'page/2' },
			{ tag: 'goals', page: 'page/3' },
		]);
		expect(paths.map((p) => p.props.page.url)).toEqual([
			{
				current: '/news/tags/goals/',
				prev: undefined,
				next: '/news/tags/goals/page/2/',
				first: undefined,
				last: '/news/tags/goals/page/3/',
			},
			{
				current: '/news/tags/goals/page/2/',
				prev: '/news/tags/goals/',
				next: '/news/tags/goals/page/3/',
				first: '/news/tags/goals/',
				last: '/news/tags/goals/page/3/',
			},
			{
				current: '/news/tags/goals/page/3/',
				prev: '/news/tags/goals/page/2/',
				next: undefined,
				first: '/news/tags/goals/',
				last: undefined,
			},
		]);
		expect(paths.map((p) => [p.props.name, p.props.page.data, p.props.page.currentPage, p.props.page.lastPage])).toEqual([
			['Goals', ['item 1'], 1, 3],
			['Goals', ['item 2'], 2, 3],
			['Goals', ['item 3'], 3, 3],
		]);
	});

	test('a list that fits on one page (or is empty) keeps its one page, with no links to others', () => {
		const [only, ...rest] = laterPagesUnderPage(astroPages('/issues/', 1));
		expect(rest).toEqual([]);
		expect(only?.params.page).toBeUndefined();
		expect(only?.props.page.url).toEqual({
			current: '/issues/',
			prev: undefined,
			next: undefined,
			first: undefined,
			last: undefined,
		});
	});

	test('a first page written without its trailing slash still gets page/<n>/ links', () => {
		const paths = laterPagesUnderPage(astroPages('/issues', 2));
		expect(paths.map((p) => p.props.page.url.current)).toEqual(['/issues/', '/issues/page/2/']);
	});
});

describe('pageWindow', () => {
	test('shows every page of a short archive', () => {
		expect(pageWindow(1, 1)).toEqual([1]);
		expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
	});
	test('keeps first, last and neighbours of the current page, with gaps', () => {
		expect(pageWindow(1, 50)).toEqual([1, 2, 3, null, 50]);
		expect(pageWindow(25, 50)).toEqual([1, null, 23, 24, 25, 26, 27, null, 50]);
		expect(pageWindow(50, 50)).toEqual([1, null, 48, 49, 50]);
		expect(pageWindow(4, 50)).toEqual([1, 2, 3, 4, 5, 6, null, 50]);
	});
	test('never grows with the archive', () => {
		for (const total of [10, 100, 1000])
			for (const current of [1, total / 2, total]) expect(pageWindow(current, total).length).toBeLessThanOrEqual(9);
	});
});
