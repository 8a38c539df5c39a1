import { describe, expect, test } from 'vitest';
import {
	cut,
	firstParagraph,
	markdownText,
	normaliseDate,
	summaryOf,
	TagBook,
	tagAddress,
	uniqueSlug,
} from '../../../../scripts/lib/import/text.ts';
import { FILE_SLUG_MAX, slugify } from '../../../../src/lib/slug.ts';
import { tagSlug } from '../../../../src/lib/urls.ts';

describe('dates', () => {
	test.each([
		['2020-12-2', '2020-12-02'],
		['2020-12-02', '2020-12-02'],
		['2020/12/02', '2020-12-02'],
		['Dec 2, 2020', '2020-12-02'],
		['December 2nd 2020', '2020-12-02'],
		['2 December 2020', '2020-12-02'],
		['Wed, 02 Dec 2020 10:00:00 +0000', '2020-12-02'],
		// The day as written, in the writer's time zone, not the day in UTC.
		['2020-12-02T23:30:00-05:00', '2020-12-02'],
		['2024-01-08T14:30:00.000Z', '2024-01-08'],
		['2023-05-14 10:15:00', '2023-05-14'],
	])('%s is %s', (written, day) => {
		expect(normaliseDate(written)).toBe(day);
	});

	test('Dates, Unix times and TOML dates', () => {
		expect(normaliseDate(new Date(Date.UTC(2021, 2, 9)))).toBe('2021-03-09');
		expect(normaliseDate(1607904000)).toBe('2020-12-14');
		expect(normaliseDate(1607904000000)).toBe('2020-12-14');
		expect(normaliseDate({ toISOString: () => '', toString: () => '2021-04-02T09:30:00-05:00' })).toBe('2021-04-02');
	});

	test.each([
		['2021-02-30'],
		['2021-13-01'],
		['next week'],
		[''],
		['0000-00-00 00:00:00'],
		['Mon, 30 Nov -0001 00:00:00 +0000'],
		['Smarch 3, 2020'],
	])('%j names no day', (written) => {
		expect(normaliseDate(written)).toBeUndefined();
	});
	test('nothing, or not a date', () => {
		expect(normaliseDate(undefined)).toBeUndefined();
		expect(normaliseDate(false)).toBeUndefined();
		expect(normaliseDate(new Date('nope'))).toBeUndefined();
	});
});

describe('lengths', () => {
	test('text is cut at a word, with an ellipsis, within the limit', () => {
		const long = 'Partner reviews that turn paperwork into plans '.repeat(12);
		const title = cut(long, 120);
		expect([...title].length).toBeLessThanOrEqual(120);
		expect(title.endsWith('…')).toBe(true);
		expect(long.startsWith(title.slice(0, -1))).toBe(true);
		expect(title.slice(0, -1)).toMatch(/\w$/);
		expect(long).toContain(`${title.slice(0, -1)} `);
	});

	test('a 500-character word is cut mid-word rather than left too long', () => {
		const title = cut('x'.repeat(500), 120);
		expect([...title]).toHaveLength(120);
	});

	test('short text is left alone, on one line', () => {
		expect(cut('  Two\n  lines ', 120)).toBe('Two lines');
	});

	test('a summary keeps whole sentences that fit', () => {
		const text = `${'A first sentence about partners. '.repeat(8)}And one more that would not fit.`;
		const summary = summaryOf(text, 280);
		expect(summary.length).toBeLessThanOrEqual(280);
		expect(summary.endsWith('partners.')).toBe(true);
	});
});

describe('summaries from the body', () => {
	test('the first paragraph of prose, without Markdown', () => {
		const body =
			'## Heading\n\n![img](x.png)\n\n- a list item here\n\nThe **first** real [paragraph](https://x.com) of the post.\n\nSecond.';
		expect(firstParagraph(body)).toBe('The first real paragraph of the post.');
	});
	test('none when there is no prose', () => {
		expect(firstParagraph('## Only\n\n```\ncode here is not prose at all\n```\n')).toBeUndefined();
		expect(firstParagraph('    indented code is not prose either\n\n> nor is a quote of many words\n')).toBeUndefined();
	});
	test('an underlined heading, code with blank lines and a kept ::: line are not the first paragraph', () => {
		const body = [
			'The title of the post, underlined',
			'=================================',
			'',
			'```',
			'first line of the code sample',
			'',
			'still the code sample, after a blank line',
			'```',
			'',
			'\\:::aside that was kept as text',
			'',
			'<div>An HTML block with many words</div>',
			'',
			'Here the post itself begins, at last.',
		].join('\n');
		expect(firstParagraph(body)).toBe('Here the post itself begins, at last.');
	});
	test('escapes are undone', () => {
		expect(markdownText('Use \\*stars\\* and \\[brackets\\]')).toBe('Use *stars* and [brackets]');
	});
});

describe('slugs', () => {
	test('valid ids, unique with -2, -3', () => {
		expect(slugify('Co-selling, without the jargon!', { max: FILE_SLUG_MAX })).toBe('co-selling-without-the-jargon');
		const taken = new Set(['review']);
		expect(uniqueSlug('review', taken)).toBe('review-2');
		expect(uniqueSlug('review', taken)).toBe('review-3');
		expect(taken.has('review-3')).toBe(true);
		// A long slug cut where a hyphen falls keeps single hyphens.
		const long = `${'a'.repeat(55)}-bcd`;
		expect(uniqueSlug(long, new Set([long]))).toBe(`${'a'.repeat(55)}-2`);
	});
});

describe('tags', () => {
	test('two spellings of one address become one tag, in the first spelling', () => {
		const book = new TagBook();
		const { tags, merged } = book.list(['Partner Programs', 'partner programs', 'partner-programs', 'Councils']);
		expect(tags).toEqual(['Partner Programs', 'Councils']);
		expect(merged.map(([from]) => from)).toEqual(['partner programs', 'partner-programs']);
	});

	test('the spelling the site already uses wins', () => {
		const book = new TagBook();
		book.know(['co-marketing']);
		expect(book.list(['Co Marketing']).tags).toEqual(['co-marketing']);
	});

	test('every tag of a list has its own address', () => {
		const book = new TagBook();
		const { tags } = book.list(['AI', 'ai', 'A.I.', 'Ä I', 'Deal Desk', 'deal_desk', '#deal-desk']);
		const addresses = tags.map(tagSlug);
		expect(new Set(addresses).size).toBe(addresses.length);
		expect(tags.map(tagAddress)).toEqual(addresses);
	});

	test('tags with no letters a–z or digits are dropped, long ones cut to 40', () => {
		const book = new TagBook();
		const { tags, dropped } = book.list(['🚀', '日本', `${'very long tag '.repeat(6)}`]);
		expect(dropped).toEqual(['🚀', '日本']);
		expect(tags).toHaveLength(1);
		expect([...tags[0]!].length).toBeLessThanOrEqual(40);
	});
});
