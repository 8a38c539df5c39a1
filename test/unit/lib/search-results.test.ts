import { describe, expect, test } from 'vitest';
import { type ResultData, type ResultSection, resultKind, resultSections, safeHref } from '../../../src/lib/search-results.ts';

describe('resultKind', () => {
	test('issues carry their number; other types their name', () => {
		expect(resultKind({ type: 'Issue', issue: '20' })).toBe('Issue #20');
		expect(resultKind({ type: 'Playbook' })).toBe('Playbook');
		expect(resultKind({ type: 'Page' })).toBe('Page');
	});
	test('a page with no type is a page', () => {
		expect(resultKind({})).toBe('Page');
		expect(resultKind({ issue: '' })).toBe('Page');
	});
});

describe('resultSections', () => {
	const section = (id: string, matches: number): ResultSection => ({
		title: id,
		url: `/issues/x/#${id}`,
		excerpt: `…${id}…`,
		locations: Array.from({ length: matches }, (_, i) => i),
	});
	const result = (sections: ResultSection[], url = '/issues/x/'): ResultData => ({
		url,
		excerpt: '',
		meta: {},
		sub_results: sections,
	});

	test('leaves out the page itself and keeps page order', () => {
		const top = { ...section('top', 5), url: '/issues/x/' };
		expect(resultSections(result([top, section('a', 1), section('b', 2)])).map((s) => s.title)).toEqual(['a', 'b']);
	});

	test('keeps the sections with the most matches, in page order, up to the limit', () => {
		const sections = [section('a', 1), section('b', 4), section('c', 2), section('d', 3), section('e', 1)];
		expect(resultSections(result(sections)).map((s) => s.title)).toEqual(['b', 'c', 'd']);
		expect(resultSections(result(sections), 1).map((s) => s.title)).toEqual(['b']);
		expect(resultSections(result(sections), 10)).toHaveLength(5);
	});

	test('uses the page address from metadata when there is one', () => {
		const data: ResultData = {
			url: '/x/',
			excerpt: '',
			meta: { url: '/y/' },
			sub_results: [{ ...section('top', 1), url: '/y/' }],
		};
		expect(resultSections(data)).toEqual([]);
	});

	test('a result without sections has none', () => {
		expect(resultSections({ url: '/x/', excerpt: '', meta: {} })).toEqual([]);
		expect(resultSections(result([]))).toEqual([]);
	});
});

describe('safeHref', () => {
	test('keeps site paths and web addresses', () => {
		expect(safeHref('/issues/x/#a')).toBe('/issues/x/#a');
		expect(safeHref('https://example.com/x')).toBe('https://example.com/x');
	});
	test('refuses anything else', () => {
		for (const url of [
			'javascript:alert(1)',
			'JAVASCRIPT:x',
			'data:text/html,x',
			'//evil.example/x',
			'issues/x/',
			'',
			undefined,
		]) {
			expect(safeHref(url), String(url)).toBeUndefined();
		}
	});
});
