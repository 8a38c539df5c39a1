import { z } from 'astro/zod';
import { checkBands, text } from './fields.ts';

const band = z.strictObject({
	/** Fewest ticked items for this band. */
	min: z.number().int({ error: 'should be a whole number.' }).min(0, { error: 'should be 0 or more.' }),
	/** Most ticked items for this band. */
	max: z.number().int({ error: 'should be a whole number.' }).min(0, { error: 'should be 0 or more.' }),
	/** Short verdict shown for a score in this band, e.g. "Getting there". */
	verdict: text(60),
	/** What to do next, shown under the verdict. */
	advice: text(400).optional(),
});

/** Settings of one checklist: the id its ticks are saved under, its name, and bands that together cover every possible score. */
export const checklistScoringSchema = z
	.strictObject({
		/**
		 * The id readers' ticks are saved under, for the whole site. Without it the
		 * id is the page's file path and the heading's id, so renaming the file or
		 * rewording the heading gives the list a new one (readers are then offered
		 * their ticks back). Set it once and keep it: e.g. `eight-habits`.
		 */
		id: z
			.string()
			.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
				error: 'should be lower-case letters, digits and single hyphens, e.g. "eight-habits".',
			})
			.max(60, { error: 'should be at most 60 characters.' })
			.optional(),
		/** Name used in exports and printouts; defaults to the heading above the list. */
		title: text(120).optional(),
		/** Score bands from lowest to highest, e.g. 0–3 "At risk", 4–6 "Getting there", 7–8 "Strong". Without them the list is not scored. */
		bands: z.array(band).min(1, { error: 'needs at least one band.' }).optional(),
	})
	.superRefine(({ bands = [] }, ctx) => checkBands(bands, ctx));

/** `checklists:` frontmatter: settings per checklist, keyed by the id of the heading above the list. */
export const checklistsField = () => z.record(z.string(), checklistScoringSchema).optional();

export type ChecklistScoring = z.output<typeof checklistScoringSchema>;
export type Band = NonNullable<ChecklistScoring['bands']>[number];
