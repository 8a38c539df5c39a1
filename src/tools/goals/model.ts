/**
 * The goal builder's data: macro partner goals, their check-ins and phased
 * targets, and the micro goals (with their tactic logs) under each one; their
 * shapes and checks are in `schema.ts`. This module depends only on `src/lib/partner-key.ts`, so the
 * builder can draw a first screen before the schema is loaded.
 */

import { partnerKey } from '../../lib/partner-key.ts';

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

export type { CheckIn, GoalsState, MacroGoal, MicroGoal, Phase, Snapshot, Tactic } from './schema.ts';

import type { GoalsState, MacroGoal, MicroGoal } from './schema.ts';

/** Version of the saved state's shape (the storage envelope's `v`). */
export const GOALS_VERSION = 1;

export const emptyState = (): GoalsState => ({ goals: [], open: '', deleted: [] });

/**
 * Combines what another tab saved with what this tab is saving: every goal
 * either side has, the later change of a goal both have (this tab's on a
 * tie), minus goals either side deleted. This tab's open
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
			// On a tie (two changes in one millisecond) this tab's change wins: it is the one being saved.
			return b.updated > a.updated ? b : a;
		});
	// One goal per partner: when both tabs created a goal for one partner, the earlier one stays.
	const kept = goals.filter((g, i) => goals.findIndex((o) => partnerKey(o.partner) === partnerKey(g.partner)) === i);
	return { goals: kept, open: mine.open, deleted };
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
