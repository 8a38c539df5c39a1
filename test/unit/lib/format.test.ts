import { expect, test } from 'vitest';
import { formatDate, isoDate } from '../../../src/lib/format.ts';

test('dates are shown in the site language, whatever the time zone', () => {
	const date = new Date('2026-10-05T00:00:00Z');
	expect(formatDate(date, 'en')).toBe('October 5, 2026');
	expect(formatDate(date, 'en-GB')).toBe('5 October 2026');
	expect(formatDate(date, 'de')).toBe('5. Oktober 2026');
	expect(isoDate(date)).toBe('2026-10-05');
});
