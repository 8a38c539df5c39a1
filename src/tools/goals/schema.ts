/**
 * The zod schema of the goal builder's data: it checks saved state when it is
 * read and imported files alike. It uses zod's small build and is loaded by
 * the builder only when there is saved data to read or a change to check.
 */
import * as z from 'zod/mini';
import { partnerKey } from '../../lib/partner-key.ts';
import { DIRECTIONS, dayNumber, isDay, MAX_TEXT, MICRO_STATUSES, VERDICTS } from './model.ts';

const text = (max = MAX_TEXT) => z.string().check(z.maxLength(max, `is longer than ${max} characters`));
const required = (max = 200) =>
	z.string().check(
		z.refine((s) => s.trim() !== '', 'is empty'),
		z.maxLength(max, `is longer than ${max} characters`),
	);
const day = z.string().check(z.refine(isDay, 'is not a day written as YYYY-MM-DD'));
const finite = z.number().check(z.refine(Number.isFinite, 'is not a finite number'));
const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a valid id'));

export const checkInSchema = z.strictObject({
	id,
	date: day,
	value: finite,
	/** How sure the reader is of reaching the target, 0 (not at all) to 10 (certain). */
	confidence: z.int().check(z.gte(0, 'is below 0'), z.lte(10, 'is above 10')),
	note: text(),
});

export const phaseSchema = z.strictObject({
	/** The day by which `percent` of the way from start to target should be done. */
	date: day,
	/** Cumulative share of the way from start to target expected by `date`, in percent. */
	percent: z.number().check(z.gte(0, 'is below 0'), z.lte(100, 'is above 100')),
});

export const tacticSchema = z.strictObject({
	id,
	what: required(MAX_TEXT),
	expected: text(),
	when: z.union([day, z.literal('')]),
	happened: text(),
	verdict: z.union([z.enum(VERDICTS), z.literal('')]),
	lesson: text(),
});

export const microSchema = z.strictObject({
	id,
	action: required(300),
	owner: text(200),
	due: z.union([day, z.literal('')]),
	/** What success is counted in (e.g. "sales reps trained"). */
	measure: text(200),
	measureTarget: z.nullable(finite),
	measureActual: z.nullable(finite),
	/** Expected contribution to the macro goal's metric, in its unit. */
	contribution: z.nullable(finite),
	status: z.enum(MICRO_STATUSES),
	/** Day the micro goal was marked done; it then shows on the wins timeline. */
	doneOn: z.union([day, z.literal('')]),
	notes: text(),
	/** Where the micro goal came from: a template id, or `assessment:<questionnaire>:<question>`. */
	source: text(200),
	tactics: z.array(tacticSchema),
});

/** What the last Markdown status update reported, to say what changed since. */
export const snapshotSchema = z.strictObject({
	date: day,
	value: finite,
	checkIns: z.int().check(z.gte(0)),
	micro: z.record(z.string(), z.enum(MICRO_STATUSES)),
});

export const goalSchema = z
	.strictObject({
		id,
		title: required(200),
		partner: required(120),
		metric: required(120),
		/** A currency code or sign ("USD", "€") or a unit ("deals"). */
		unit: text(20),
		direction: z.enum(DIRECTIONS),
		start: finite,
		target: finite,
		stretch: z.nullable(finite),
		startDate: day,
		dueDate: day,
		phases: z.array(phaseSchema).check(z.maxLength(24, 'has more than 24 phases')),
		checkIns: z.array(checkInSchema),
		micro: z.array(microSchema),
		lastExport: z.nullable(snapshotSchema),
		/** ISO time of the last change, to merge what two tabs saved. */
		updated: z.string().check(z.maxLength(40)),
	})
	.check(
		z.superRefine((goal, ctx) => {
			if (dayNumber(goal.dueDate) <= dayNumber(goal.startDate))
				ctx.issues.push({ code: 'custom', path: ['dueDate'], message: 'is not after the start date', input: goal.dueDate });
			if (goal.direction === 'increase' ? goal.target < goal.start : goal.target > goal.start)
				ctx.issues.push({
					code: 'custom',
					path: ['target'],
					message: `goes the wrong way for a goal to ${goal.direction} from ${goal.start}`,
					input: goal.target,
				});
			if (goal.stretch !== null && (goal.direction === 'increase' ? goal.stretch < goal.target : goal.stretch > goal.target))
				ctx.issues.push({ code: 'custom', path: ['stretch'], message: 'is not beyond the target', input: goal.stretch });
			let last = -1;
			let lastDay = dayNumber(goal.startDate);
			goal.phases.forEach((phase, i) => {
				const n = dayNumber(phase.date);
				if (n <= lastDay || n > dayNumber(goal.dueDate))
					ctx.issues.push({
						code: 'custom',
						path: ['phases', i, 'date'],
						message: 'is not between the previous phase (or the start date) and the due date',
						input: phase.date,
					});
				if (phase.percent < last)
					ctx.issues.push({
						code: 'custom',
						path: ['phases', i, 'percent'],
						message: 'is lower than the phase before it',
						input: phase.percent,
					});
				last = phase.percent;
				lastDay = n;
			});
		}),
	);

export const stateSchema = z
	.strictObject({
		goals: z.array(goalSchema).check(z.maxLength(200, 'has more than 200 goals')),
		/** Id of the goal the reader has open. */
		open: z.string().check(z.maxLength(64)),
		/** Ids of deleted goals, so that merging with another tab's save does not bring them back. */
		deleted: z.array(id).check(z.maxLength(1000)),
	})
	.check(
		z.superRefine((state, ctx) => {
			const partners = new Map<string, number>();
			const ids = new Set<string>();
			state.goals.forEach((goal, i) => {
				const key = partnerKey(goal.partner);
				if (partners.has(key))
					ctx.issues.push({
						code: 'custom',
						path: ['goals', i, 'partner'],
						message: `"${goal.partner}" already has a goal (goal ${partners.get(key)! + 1})`,
						input: goal.partner,
					});
				else partners.set(key, i);
				if (ids.has(goal.id))
					ctx.issues.push({ code: 'custom', path: ['goals', i, 'id'], message: 'is used twice', input: goal.id });
				ids.add(goal.id);
			});
		}),
	);

export type CheckIn = z.infer<typeof checkInSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type Tactic = z.infer<typeof tacticSchema>;
export type MicroGoal = z.infer<typeof microSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type MacroGoal = z.infer<typeof goalSchema>;
export type GoalsState = z.infer<typeof stateSchema>;

/** The issues of a failed parse as short lines, `goals.0.dueDate: is not after the start date`. */
export function describeIssues(error: z.core.$ZodError, limit = 5): string[] {
	const lines = error.issues.slice(0, limit).map((issue) => {
		const path = issue.path.map(String).join('.');
		let message = issue.message;
		if (issue.code === 'invalid_type') message = issue.input === undefined ? 'is missing' : `should be ${issue.expected}`;
		else if (issue.code === 'invalid_value') message = `is not one of: ${issue.values.map(String).join(', ')}`;
		else if (issue.code === 'invalid_union') message = 'has an unexpected value';
		else if (issue.code === 'unrecognized_keys')
			message = `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'}: ${issue.keys.join(', ')}`;
		return path ? `${path}: ${message}` : message;
	});
	if (error.issues.length > limit) lines.push(`and ${error.issues.length - limit} more`);
	return lines;
}

/** Returns the state when `data` has its shape, `undefined` otherwise (for the storage module). */
export function parseState(data: unknown): GoalsState | undefined {
	const result = stateSchema.safeParse(data);
	return result.success ? result.data : undefined;
}
