/**
 * The goal builder's data: macro partner goals, their check-ins and phased
 * targets, and the micro goals (with their tactic logs) under each one. The
 * schema checks saved state and imported files alike; it uses zod's small
 * build because it ships to the browser with the builder.
 */
import * as z from 'zod/mini';

export const DIRECTIONS = ['increase', 'decrease'] as const;
export const MICRO_STATUSES = ['planned', 'in-progress', 'done', 'blocked', 'dropped'] as const;
export const VERDICTS = ['keep', 'tweak', 'drop'] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type MicroStatus = (typeof MICRO_STATUSES)[number];
export type Verdict = (typeof VERDICTS)[number];

/** What the reader sees for each micro-goal status. */
export const STATUS_LABELS: Record<MicroStatus, string> = {
	planned: 'Planned',
	'in-progress': 'In progress',
	done: 'Done',
	blocked: 'Blocked',
	dropped: 'Dropped',
};

/** Longest text kept in one field: generous for notes, small enough to keep storage in bounds. */
export const MAX_TEXT = 2000;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar day written as YYYY-MM-DD. */
export function isDay(value: string): boolean {
	if (!DAY_RE.test(value)) return false;
	const time = Date.parse(`${value}T00:00:00Z`);
	return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** Days since 1970-01-01 of a YYYY-MM-DD day (UTC, so no daylight-saving drift). */
export function dayNumber(day: string): number {
	return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/** The YYYY-MM-DD day of a day number. */
export function dayFromNumber(n: number): string {
	return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** `day` moved by `days` (negative goes back). */
export function addDays(day: string, days: number): string {
	return dayFromNumber(dayNumber(day) + days);
}

/** Today in the reader's own time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

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

/** Version of the saved state's shape (the storage envelope's `v`). */
export const GOALS_VERSION = 1;
/** Storage key of the goal builder; every embed shares it, so one plan shows everywhere. */
export const GOALS_KEY = 'pb-goals:plan';

export const emptyState = (): GoalsState => ({ goals: [], open: '', deleted: [] });

/**
 * Combines what another tab saved with what this tab is saving: every goal
 * either side has, the later change of a goal both have (the larger text on a
 * tie, so both tabs agree), minus goals either side deleted. This tab's open
 * goal stays open. Deterministic, as the storage module asks.
 */
export function mergeStates(stored: GoalsState, mine: GoalsState): GoalsState {
	const deleted = [...new Set([...stored.deleted, ...mine.deleted])].sort().slice(-1000);
	const gone = new Set(deleted);
	const order = [...mine.goals, ...stored.goals.filter((g) => !mine.goals.some((m) => m.id === g.id))];
	const goals = order
		.filter((g) => !gone.has(g.id))
		.map((g) => {
			const a = mine.goals.find((m) => m.id === g.id);
			const b = stored.goals.find((m) => m.id === g.id);
			if (!a || !b) return (a ?? b)!;
			if (a.updated !== b.updated) return a.updated > b.updated ? a : b;
			return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
		});
	// One goal per partner: when both tabs created a goal for one partner, the earlier one stays.
	const kept = goals.filter((g, i) => goals.findIndex((o) => partnerKey(o.partner) === partnerKey(g.partner)) === i);
	return { goals: kept, open: mine.open, deleted };
}

/** Partners are one goal each, whatever the case or spacing of their name. */
export function partnerKey(partner: string): string {
	return partner.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

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

let counter = 0;
/** A new id, unique in this browser: time, a counter and randomness. */
export function newId(prefix = 'g'): string {
	counter = (counter + 1) % 1296;
	const random = Math.floor(Math.random() * 36 ** 4)
		.toString(36)
		.padStart(4, '0');
	return `${prefix}${Date.now().toString(36)}${counter.toString(36).padStart(2, '0')}${random}`;
}

/** A macro goal with every optional part empty. */
export function blankGoal(fields: Partial<MacroGoal> & Pick<MacroGoal, 'partner' | 'startDate' | 'dueDate'>): MacroGoal {
	return {
		id: newId('g'),
		title: '',
		metric: 'Partner-sourced revenue',
		unit: '',
		direction: 'increase',
		start: 0,
		target: 0,
		stretch: null,
		phases: [],
		checkIns: [],
		micro: [],
		lastExport: null,
		updated: new Date().toISOString(),
		...fields,
	};
}

/** A micro goal with every optional part empty. */
export function blankMicro(fields: Partial<MicroGoal> & Pick<MicroGoal, 'action'>): MicroGoal {
	return {
		id: newId('m'),
		owner: '',
		due: '',
		measure: '',
		measureTarget: null,
		measureActual: null,
		contribution: null,
		status: 'planned',
		doneOn: '',
		notes: '',
		source: '',
		tactics: [],
		...fields,
	};
}
