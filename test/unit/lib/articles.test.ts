import { describe, expect, test } from 'vitest';
import {
	type ArticleSummary,
	groupBy,
	groupByYear,
	listPages,
	neighbours,
	newestFirst,
	pageWindow,
	paginate,
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
	test('listPages names later pages page/<n> and counts them', () => {
		expect(listPages(['a', 'b', 'c'], 2)).toEqual([
			{ page: undefined, items: ['a', 'b'], number: 1, pages: 2 },
			{ page: 'page/2', items: ['c'], number: 2, pages: 2 },
		]);
		expect(listPages([], 2)).toEqual([{ page: undefined, items: [], number: 1, pages: 1 }]);
	});

	test('paginate', () => {
		expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(paginate([1, 2], 2)).toEqual([[1, 2]]);
		expect(paginate([], 2)).toEqual([[]]);
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
