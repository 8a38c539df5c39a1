import { describe, expect, test } from 'vitest';
import { datesOutOfOrder, describeNumbers, numberGaps, outOfOrderLine } from '../../../src/lib/publishing.ts';

const issue = (number: number, day: string) => ({ number, date: new Date(`${day}T00:00:00Z`) });

describe('issue numbers against dates', () => {
	test('an issue dated before the one numbered below it is named with that one', () => {
		const issues = [issue(21, '2026-04-01'), issue(22, '2026-04-08'), issue(25, '2026-03-02'), issue(26, '2026-04-20')];
		const found = datesOutOfOrder(issues);
		expect(found).toEqual([{ issue: issues[2], after: issues[1] }]);
		expect(outOfOrderLine(found)).toBe(
			'Issue numbers and dates disagree: #25 (2026-03-02) is dated before #22 (2026-04-08). The archive, the feeds and the previous/next links follow the dates; check the number or the date.',
		);
	});
	test('issues in order, on one day, or in any list order say nothing', () => {
		expect(datesOutOfOrder([issue(3, '2026-01-03'), issue(1, '2026-01-01'), issue(2, '2026-01-01')])).toEqual([]);
		expect(datesOutOfOrder([])).toEqual([]);
		expect(outOfOrderLine([])).toBeUndefined();
	});
	test('more than three are counted, not listed', () => {
		const issues = [1, 2, 3, 4, 5].map((n) => issue(n, `2026-01-${String(30 - n).padStart(2, '0')}`));
		expect(outOfOrderLine(datesOutOfOrder(issues))).toMatch(/#4 \(2026-01-26\) is dated before #3 \(2026-01-27\), and 1 more\./);
	});
});

describe('gaps in the numbering', () => {
	test('are listed compactly', () => {
		expect(numberGaps([1, 2, 6, 4, 9])).toEqual([3, 5, 7, 8]);
		expect(describeNumbers([3, 5, 7, 8])).toBe('3, 5, 7–8');
	});
});
