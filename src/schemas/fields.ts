import { z } from 'astro/zod';
import { characterCount } from '../lib/characters.ts';

/** A calendar date. YAML turns `2026-10-05` into a date; quoted ISO text is accepted too. */
export const dateField = () =>
	z.preprocess(
		(value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value) ? new Date(value) : value),
		z.date(),
	);

/** Frontmatter fields that hold a calendar date. */
export const DATE_FIELDS = ['date', 'updated'] as const;

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/**
 * Why `YYYY-MM-DD` names no day on the calendar (month 13, 30 February), or
 * undefined for a real day. YAML and JavaScript would silently roll such a date
 * over into the next month or year.
 */
export function notACalendarDay(value: string): string | undefined {
	const [year, month, day] = value.split('-').map(Number) as [number, number, number];
	if (month < 1 || month > 12) return `there is no month ${month}`;
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
	return undefined;
}

/**
 * Short text that must not be empty, in Unicode's composed form (NFC), so
 * that `é` is one character however the editor wrote it, measured and kept alike.
 */
export const text = (max?: number) => {
	const base = z.string().trim().normalize('NFC').min(1, { error: 'is empty. Write some text.' });
	if (max === undefined) return base;
	return base.superRefine((value, ctx) => {
		// A text of at most `max` code units has at most `max` characters: only longer ones are counted.
		const count = value.length > max ? characterCount(value) : 0;
		if (count > max) ctx.addIssue({ code: 'custom', message: `is longer than ${max} characters (it has ${count}). Shorten it.` });
	});
};

/** A list of tags, written as text; `tags: [goals, activation]`. */
export const tagsField = () => z.array(text(40)).default([]);

/** What a slug or an id may be made of: lower-case letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why a value is not an id, in the words of {@link idField}. */
export const ID_RULE = 'should use only lower-case letters, digits and single hyphens (like "maya-okafor").';

/** A lower-case id made of letters, digits and hyphens, as used in file names and URLs. */
export const idField = () => z.string().regex(ID_PATTERN, { error: ID_RULE });

/** A position in a series: 1, 2, … */
export const partField = () =>
	z.number().int({ error: 'should be a whole number, like 2.' }).positive({ error: 'should be 1 or more.' });

/**
 * Checks that score bands, in order, start at 0 and follow each other with no
 * gap or overlap (each `min` one above the `max` before it), and, given `end`,
 * that the last one ends there. Used by checklist scoring and questionnaires.
 */
export function checkBands(bands: readonly { min: number; max: number }[], ctx: z.RefinementCtx, end?: number): void {
	bands.forEach((b, i) => {
		if (b.min > b.max) {
			ctx.addIssue({ code: 'custom', path: ['bands', i], message: `goes from ${b.min} down to ${b.max}. Swap min and max.` });
		}
		const previous = bands[i - 1];
		if (i === 0 && b.min !== 0) {
			ctx.addIssue({ code: 'custom', path: ['bands', 0, 'min'], message: `is ${b.min}; the first band must start at 0.` });
		}
		if (previous && b.min !== previous.max + 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['bands', i, 'min'],
				message: `is ${b.min} but the band before ends at ${previous.max}. Set it to ${previous.max + 1} so no score is left out or counted twice.`,
			});
		}
		if (end !== undefined && i === bands.length - 1 && b.max !== end) {
			ctx.addIssue({ code: 'custom', path: ['bands', i, 'max'], message: `is ${b.max}; the last band must end at ${end}.` });
		}
	});
}
