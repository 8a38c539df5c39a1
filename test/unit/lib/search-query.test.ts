import { describe, expect, test } from 'vitest';
import { parseQuery, resolveFilters, toQuery } from '../../../src/lib/search-query.ts';

describe('parseQuery', () => {
	test('reads the words and the filters', () => {
		expect(parseQuery('?q=due+diligence&type=issue&tag=goals&tag=activation')).toEqual({
			term: 'due diligence',
			filters: { type: ['issue'], tag: ['goals', 'activation'] },
		});
		expect(parseQuery('q=pen%20pal&author=maya-okafor&series=from-signature-to-pipeline')).toEqual({
			term: 'pen pal',
			filters: { author: ['maya-okafor'], series: ['from-signature-to-pipeline'] },
		});
	});

	test('an empty or missing query asks for nothing', () => {
		expect(parseQuery('')).toEqual({ term: '', filters: {} });
		expect(parseQuery('?')).toEqual({ term: '', filters: {} });
		expect(parseQuery('?q=')).toEqual({ term: '', filters: {} });
		expect(parseQuery('?q=%20%20')).toEqual({ term: '', filters: {} });
	});

	test('ignores unknown keys, blank values and repeats', () => {
		expect(parseQuery('?q=goals&utm_source=mail&type=&type=%20&tag=goals&tag=goals%20&sort=date')).toEqual({
			term: 'goals',
			filters: { tag: ['goals'] },
		});
	});

	test('survives malformed escapes', () => {
		const read = parseQuery('?q=100%&type=%E0%A4%A');
		expect(read.term).toBe('100%');
		// A broken percent sequence decodes to the replacement character, as browsers do, rather than throwing.
		expect(read.filters).toEqual({ type: ['\uFFFD%A'] });
	});
});

describe('toQuery', () => {
	test('writes the words, then each filter as slugs, in a fixed order', () => {
		expect(toQuery({ term: 'due diligence', filters: { tag: ['Due Diligence'], type: ['Issue'] } })).toBe(
			'?q=due+diligence&type=issue&tag=due-diligence',
		);
		expect(
			toQuery({
				term: 'x',
				filters: { author: ['Maya Okafor'], series: ['From signature to pipeline'], tag: ['goals', 'activation'] },
			}),
		).toBe('?q=x&tag=goals&tag=activation&series=from-signature-to-pipeline&author=maya-okafor');
	});

	test('is empty when there is nothing to keep', () => {
		expect(toQuery({ term: '', filters: {} })).toBe('');
		expect(toQuery({ term: '   ', filters: { type: [] } })).toBe('');
	});

	test('keeps filters without words, and drops filters Pactbook does not offer', () => {
		expect(toQuery({ term: '', filters: { type: ['Playbook'], colour: ['red'] } })).toBe('?type=playbook');
	});

	test('round-trips through parseQuery and resolveFilters', () => {
		const available = { type: { Issue: 3, Playbook: 3 }, tag: { 'due-diligence': 2, goals: 1 } };
		const search = { term: 'pen & pal?', filters: { type: ['Playbook'], tag: ['due-diligence', 'goals'] } };
		const read = parseQuery(toQuery(search));
		expect(read.term).toBe(search.term);
		expect(resolveFilters(read.filters, available)).toEqual(search.filters);
	});
});

describe('resolveFilters', () => {
	const available = {
		type: { Issue: 3, Playbook: 3, Page: 1 },
		tag: { 'due-diligence': 2, activation: 4 },
		author: { 'Maya Okafor': 4, 'Theo Lindqvist': 2 },
	};

	test('matches slugs and exact values to the values in the index', () => {
		expect(resolveFilters({ type: ['issue'], tag: ['Due Diligence'], author: ['maya-okafor'] }, available)).toEqual({
			type: ['Issue'],
			tag: ['due-diligence'],
			author: ['Maya Okafor'],
		});
		expect(resolveFilters({ type: ['Playbook', 'page'] }, available)).toEqual({ type: ['Playbook', 'Page'] });
	});

	test('drops values and filters the index does not have', () => {
		expect(resolveFilters({ type: ['tool'], tag: ['activation', 'nope'], series: ['x'] }, available)).toEqual({
			tag: ['activation'],
		});
		expect(resolveFilters({ type: ['issue'] }, {})).toEqual({});
	});

	test('the same value asked twice is chosen once', () => {
		expect(resolveFilters({ type: ['issue', 'Issue'] }, available)).toEqual({ type: ['Issue'] });
	});
});
