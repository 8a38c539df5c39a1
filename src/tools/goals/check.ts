/**
 * A small check of saved state, run when the builder reads this browser's
 * storage: it accepts exactly what `stateSchema` (schema.ts) accepts, without
 * loading zod before the reader does anything. A property test holds the two
 * to the same answers; zod's schema stays the one that explains problems
 * (imports, forms).
 */
import { partnerKey } from '../../lib/partner-key.ts';
import { DIRECTIONS, dayNumber, isDay, MAX_TEXT, MICRO_STATUSES, VERDICTS } from './model.ts';
import type { GoalsState } from './schema.ts';

type Rule = (value: unknown) => boolean;
const o = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const str =
	(max: number): Rule =>
	(v) =>
		typeof v === 'string' && v.length <= max;
const required =
	(max: number): Rule =>
	(v) =>
		str(max)(v) && (v as string).trim() !== '';
const day: Rule = (v) => typeof v === 'string' && isDay(v);
const dayOrEmpty: Rule = (v) => v === '' || day(v);
const finite: Rule = (v) => typeof v === 'number' && Number.isFinite(v);
const nullableFinite: Rule = (v) => v === null || finite(v);
const oneOf =
	(values: readonly unknown[]): Rule =>
	(v) =>
		values.includes(v);
const id: Rule = (v) => typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
const list =
	(item: Rule, max = Number.POSITIVE_INFINITY): Rule =>
	(v) =>
		Array.isArray(v) && v.length <= max && v.every(item);
/** An object with exactly these fields, each passing its rule. */
const shape =
	(rules: Record<string, Rule>): Rule =>
	(v) =>
		o(v) &&
		Object.keys(v).every((k) => Object.hasOwn(rules, k)) &&
		Object.entries(rules).every(([k, rule]) => Object.hasOwn(v, k) && rule(v[k]));

const checkIn = shape({
	id,
	date: day,
	value: finite,
	confidence: (v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 10,
	note: str(MAX_TEXT),
});
const phase = shape({ date: day, percent: (v) => typeof v === 'number' && v >= 0 && v <= 100 });
const tactic = shape({
	id,
	what: required(MAX_TEXT),
	expected: str(MAX_TEXT),
	when: dayOrEmpty,
	happened: str(MAX_TEXT),
	verdict: oneOf([...VERDICTS, '']),
	lesson: str(MAX_TEXT),
});
const micro = shape({
	id,
	action: required(300),
	owner: str(200),
	due: dayOrEmpty,
	measure: str(200),
	measureTarget: nullableFinite,
	measureActual: nullableFinite,
	contribution: nullableFinite,
	status: oneOf(MICRO_STATUSES),
	doneOn: dayOrEmpty,
	notes: str(MAX_TEXT),
	source: str(200),
	tactics: list(tactic),
});
const snapshot = shape({
	date: day,
	value: finite,
	checkIns: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
	micro: (v) => o(v) && Object.values(v).every(oneOf(MICRO_STATUSES)),
});
const goalShape = shape({
	id,
	title: required(200),
	partner: required(120),
	metric: required(120),
	unit: str(20),
	direction: oneOf(DIRECTIONS),
	start: finite,
	target: finite,
	stretch: nullableFinite,
	startDate: day,
	dueDate: day,
	phases: list(phase, 24),
	checkIns: list(checkIn),
	micro: list(micro),
	lastExport: (v) => v === null || snapshot(v),
	updated: str(40),
});

/** The cross-field rules of `goalSchema`. */
function goal(v: unknown): boolean {
	if (!goalShape(v)) return false;
	const g = v as unknown as GoalsState['goals'][number];
	const up = g.direction === 'increase';
	if (dayNumber(g.dueDate) <= dayNumber(g.startDate)) return false;
	if (up ? g.target < g.start : g.target > g.start) return false;
	if (g.stretch !== null && (up ? g.stretch < g.target : g.stretch > g.target)) return false;
	let last = -1;
	let lastDay = dayNumber(g.startDate);
	for (const p of g.phases) {
		const n = dayNumber(p.date);
		if (n <= lastDay || n > dayNumber(g.dueDate) || p.percent < last) return false;
		last = p.percent;
		lastDay = n;
	}
	return true;
}

const stateShape = shape({ goals: list(goal, 200), open: str(64), deleted: list(id, 1000) });

/** The state when `data` is what `stateSchema` accepts, `undefined` otherwise. */
export function checkState(data: unknown): GoalsState | undefined {
	if (!stateShape(data)) return undefined;
	const state = data as GoalsState;
	const partners = new Set(state.goals.map((g) => partnerKey(g.partner)));
	const ids = new Set(state.goals.map((g) => g.id));
	return partners.size === state.goals.length && ids.size === state.goals.length ? state : undefined;
}
