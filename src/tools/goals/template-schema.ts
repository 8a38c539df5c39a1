import { z } from 'astro/zod';
import { text } from '../../schemas/fields.ts';
import { PLACEHOLDERS } from './template.ts';

/** Text that may use `{partner}`, and no other placeholder. */
const templated = (max: number) =>
	text(max).refine(
		(value) => [...value.matchAll(/\{([^}]*)\}/g)].every((m) => (PLACEHOLDERS as readonly string[]).includes(m[1]!)),
		{
			error: `uses a placeholder other than {${PLACEHOLDERS.join('}, {')}}. Write {partner} where the partner's name goes, or remove the braces.`,
		},
	);

/**
 * One micro-goal template (`content/goal-templates/<id>.yaml`); the file name
 * is its id. The builder offers every template; adding one fills a micro
 * goal's action, success measure and due date.
 */
export const goalTemplateSchema = z.strictObject({
	/** Name in the builder's list of templates, e.g. "Joint webinar". */
	title: text(80),
	/** One sentence on when the template helps, shown under its name. */
	summary: text(200),
	/** The micro goal's action; `{partner}` becomes the partner's name. */
	action: templated(200),
	/** What success is counted in, e.g. "sales reps trained". */
	measure: text(80),
	/** How many of `measure` count as done. */
	target: z.number({ error: 'should be a number, like 10.' }).positive({ error: 'should be more than 0.' }),
	/** Days from the day the template is used to the micro goal's due date. */
	dueInDays: z
		.number({ error: 'should be a whole number of days, like 30.' })
		.int({ error: 'should be a whole number of days, like 30.' })
		.min(1, { error: 'should be at least 1 day.' })
		.max(366, { error: 'should be at most 366 days: split a longer step into smaller ones.' }),
	/** Who usually does it, e.g. "Partner manager". */
	owner: text(80).optional(),
	/** Tips shown in the micro goal's notes; `{partner}` works here too. */
	notes: templated(1000).optional(),
	/** First tactics to try, each with the result expected. */
	tactics: z
		.array(z.strictObject({ what: templated(200), expected: templated(200) }))
		.max(5, { error: 'has more than 5 tactics. Keep the best five.' })
		.default([]),
	/** Position in the builder's list (lower first; then by title). */
	order: z.number({ error: 'should be a number, like 10.' }).int({ error: 'should be a whole number, like 10.' }).default(100),
});

export type GoalTemplateData = z.output<typeof goalTemplateSchema>;

export const goalTemplateExamples = {
	title: '"Joint webinar"',
	summary: '"A webinar you host with the partner for their customers."',
	action: '"Co-host a webinar with {partner}"',
	measure: '"registrations"',
	target: '50',
	dueInDays: '45',
	owner: '"Partner marketing"',
	notes: '"Agree on the topic with {partner} first."',
	tactics: '[{ what: "Invite through both newsletters", expected: "30 registrations" }]',
	'tactics.what': '"Invite through both newsletters"',
	'tactics.expected': '"30 registrations"',
	order: '20',
};
