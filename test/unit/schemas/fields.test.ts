import { describe, expect, test } from 'vitest';
import { characterCount } from '../../../src/lib/characters.ts';
import { notACalendarDay, text } from '../../../src/schemas/fields.ts';
import { impossibleDates } from '../../../src/schemas/frontmatter.ts';

describe('calendar dates', () => {
	test('real days pass, leap days included', () => {
		for (const day of ['2026-01-31', '2024-02-29', '2000-02-29', '2026-12-31', '2026-4-5'])
			expect(notACalendarDay(day), day).toBeUndefined();
	});
	test('say why a date names no day', () => {
		expect(notACalendarDay('2025-13-01')).toBe('there is no month 13');
		expect(notACalendarDay('2025-00-10')).toBe('there is no month 0');
		expect(notACalendarDay('2026-02-29')).toBe('February 2026 has 28 days');
		expect(notACalendarDay('1900-02-29')).toBe('February 1900 has 28 days');
		expect(notACalendarDay('2026-04-31')).toBe('April 2026 has 30 days');
		expect(notACalendarDay('2026-04-00')).toBe('April 2026 has 30 days');
	});
	test('find impossible dates in frontmatter as written, quoted or not, and nowhere else', () => {
		const source = [
			'---',
			'title: "Dated 2026-02-30 in the title"',
			'date: 2025-13-01',
			"updated: '2026-02-30'",
			'---',
			'',
			'date: 2026-02-31 in the body is text.',
		].join('\r\n');
		expect(impossibleDates(source)).toEqual([
			{ field: 'date', value: '2025-13-01', reason: 'there is no month 13' },
			{ field: 'updated', value: '2026-02-30', reason: 'February 2026 has 28 days' },
		]);
		expect(impossibleDates('---\ndate: 2026-10-05\n---\n')).toEqual([]);
		expect(impossibleDates('---\nupdated: 2026-02-30T09:00:00Z\n---\n')).toEqual([
			{ field: 'updated', value: '2026-02-30', reason: 'February 2026 has 28 days' },
		]);
		expect(impossibleDates('No frontmatter; date: 2026-02-31')).toEqual([]);
	});
});

describe('text fields', () => {
	const nfd = 'e\u0301';
	test('count the characters a reader sees, however accents and emoji are encoded', () => {
		expect(characterCount(nfd.repeat(3))).toBe(3);
		expect(characterCount('é'.repeat(3))).toBe(3);
		expect(characterCount('🚀👩‍👩‍👧🇯🇵')).toBe(3);
		expect(characterCount('Партнёры')).toBe(8);
	});
	test('keep text composed (NFC) and trimmed, and measure it so', () => {
		const title = text(120);
		expect(title.parse(` ${nfd.repeat(120)} `)).toBe('é'.repeat(120));
		expect(title.parse('🚀'.repeat(120))).toBe('🚀'.repeat(120));
		const issue = title.safeParse(nfd.repeat(121)).error?.issues[0];
		expect(issue?.message).toBe('is longer than 120 characters (it has 121). Shorten it.');
		expect(title.safeParse('  ').error?.issues[0]?.message).toBe('is empty. Write some text.');
	});
});
