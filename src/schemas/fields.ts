import { z } from 'astro/zod';

/** A calendar date. YAML turns `2026-10-05` into a date; quoted ISO text is accepted too. */
export const dateField = () =>
	z.preprocess(
		(value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value) ? new Date(value) : value),
		z.date(),
	);

/** Short text that must not be empty. */
export const text = (max?: number) => {
	const base = z.string().trim().min(1, { error: 'is empty. Write some text.' });
	return max === undefined ? base : base.max(max, { error: `is longer than ${max} characters. Shorten it.` });
};

/** A list of tags, written as text; `tags: [goals, activation]`. */
export const tagsField = () => z.array(text(40)).default([]);

/** A lower-case id made of letters, digits and hyphens, as used in file names and URLs. */
export const idField = () =>
	z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
		error: 'should use only lower-case letters, digits and single hyphens (like "maya-okafor").',
	});

/** A position in a series: 1, 2, … */
export const partField = () =>
	z.number().int({ error: 'should be a whole number, like 2.' }).positive({ error: 'should be 1 or more.' });
