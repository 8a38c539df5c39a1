/**
 * Progress, pace, status and forecast of a macro goal, as pure functions of
 * the goal and a day. Progress is a fraction: 0 at the start value, 1 at the
 * target, above 1 when the target is beaten, below 0 when the metric moved
 * the wrong way.
 */
import { addDays, type CheckIn, dayNumber, type MacroGoal, type MicroGoal } from './model.ts';

export type Status = 'on-track' | 'at-risk' | 'off-track';

export const STATUS_TEXT: Record<Status, string> = {
	'on-track': 'On track',
	'at-risk': 'At risk',
	'off-track': 'Off track',
};

/**
 * How far behind the expected progress a goal may be and still count as on
 * track, and how far before it is off track, in fractions of the whole way
 * (0.05 is five percentage points). Ahead of pace is always on track.
 */
export const THRESHOLDS = { atRisk: 0.05, offTrack: 0.15 } as const;

/** Check-ins in date order (a stable sort: same-day check-ins keep the order they were made in). */
export function sortedCheckIns(goal: Pick<MacroGoal, 'checkIns'>): CheckIn[] {
	return goal.checkIns
		.map((c, i) => [c, i] as const)
		.sort((a, b) => a[0].date.localeCompare(b[0].date) || a[1] - b[1])
		.map(([c]) => c);
}

/** The latest check-in on or before `today` (all of them when `today` is omitted). */
export function latestCheckIn(goal: Pick<MacroGoal, 'checkIns'>, today?: string): CheckIn | undefined {
	return sortedCheckIns(goal)
		.filter((c) => today === undefined || c.date <= today)
		.at(-1);
}

/** The metric's current value: the latest check-in, or the start value before any. */
export function currentValue(goal: MacroGoal, today?: string): number {
	return latestCheckIn(goal, today)?.value ?? goal.start;
}

/**
 * (value − start) / (target − start). When the target equals the start there
 * is no way to go: the goal is met (1) while the value has not moved the wrong
 * way, and missed (0) otherwise.
 */
export function progressOf(goal: Pick<MacroGoal, 'start' | 'target' | 'direction'>, value: number): number {
	const span = goal.target - goal.start;
	if (span === 0) return (goal.direction === 'increase' ? value >= goal.target : value <= goal.target) ? 1 : 0;
	return (value - goal.start) / span;
}

/** Progress towards the stretch target, when there is one. */
export function stretchProgress(goal: MacroGoal, value: number): number | undefined {
	if (goal.stretch === null) return undefined;
	return progressOf({ ...goal, target: goal.stretch }, value);
}

/**
 * The points the expected-progress line goes through: the start (0) on the
 * start date, each phased target, and the target (1) on the due date.
 */
export function pacePoints(goal: MacroGoal): { day: number; progress: number }[] {
	const points = [{ day: dayNumber(goal.startDate), progress: 0 }];
	for (const phase of goal.phases) points.push({ day: dayNumber(phase.date), progress: phase.percent / 100 });
	const due = dayNumber(goal.dueDate);
	if (points.at(-1)!.day < due) points.push({ day: due, progress: 1 });
	else points[points.length - 1] = { day: due, progress: 1 };
	return points;
}

/**
 * The progress expected by `day`: 0 before the start date, 1 from the due
 * date on, and in between the straight line from start to target, or the line
 * through the phased targets when there are some.
 */
export function expectedProgress(goal: MacroGoal, day: string): number {
	const n = dayNumber(day);
	const points = pacePoints(goal);
	if (n <= points[0]!.day) return 0;
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1]!;
		const b = points[i]!;
		if (n <= b.day) return a.progress + ((b.progress - a.progress) * (n - a.day)) / (b.day - a.day);
	}
	return 1;
}

/** The metric value expected by `day` (the pace line in the metric's unit). */
export function expectedValue(goal: MacroGoal, day: string): number {
	return goal.start + (goal.target - goal.start) * expectedProgress(goal, day);
}

/**
 * On track when progress is at most `THRESHOLDS.atRisk` behind the expected
 * progress; at risk up to `THRESHOLDS.offTrack` behind; off track beyond.
 * A gap is compared with a little tolerance so that 0.3 − 0.25 counts as 0.05.
 */
export function statusFromGap(gap: number): Status {
	const epsilon = 1e-9;
	if (gap >= -THRESHOLDS.atRisk - epsilon) return 'on-track';
	if (gap >= -THRESHOLDS.offTrack - epsilon) return 'at-risk';
	return 'off-track';
}

/**
 * The day the target is reached at the pace since the start date (the line
 * from the start value on the start date to the latest check-in, continued).
 * `reached` when the latest check-in meets the target, as the status reads the
 * latest check-in too: its date is the first of the check-ins that have met the
 * target ever since, so a target met once and then lost is not reached.
 * `never` when there is no check-in after the start date or the metric is not
 * moving towards the target.
 */
export type Forecast = { kind: 'reached'; date: string } | { kind: 'on'; date: string } | { kind: 'never'; reason: string };

export function forecast(goal: MacroGoal, today?: string): Forecast {
	const checkIns = sortedCheckIns(goal).filter((c) => today === undefined || c.date <= today);
	const last = checkIns.at(-1);
	if (!last) return { kind: 'never', reason: 'no check-in yet' };
	const met = (c: CheckIn) => progressOf(goal, c.value) >= 1 && c.date >= goal.startDate;
	if (met(last) && goal.target !== goal.start) {
		let first = checkIns.length - 1;
		while (first > 0 && met(checkIns[first - 1]!)) first--;
		return { kind: 'reached', date: checkIns[first]!.date };
	}
	const days = dayNumber(last.date) - dayNumber(goal.startDate);
	if (days <= 0) return { kind: 'never', reason: 'no check-in after the start date yet' };
	const progress = progressOf(goal, last.value);
	if (progress >= 1) return { kind: 'reached', date: last.date };
	if (progress <= 0) return { kind: 'never', reason: 'the metric has not moved towards the target' };
	const perDay = progress / days;
	return { kind: 'on', date: addDays(last.date, Math.ceil((1 - progress) / perDay - 1e-9)) };
}

/** Micro goals whose due date has passed and that are neither done nor dropped. */
export function overdue(goal: Pick<MacroGoal, 'micro'>, today: string): MicroGoal[] {
	return goal.micro.filter((m) => m.due !== '' && m.due < today && m.status !== 'done' && m.status !== 'dropped');
}

/** Done micro goals in the order they were done: the wins timeline. */
export function wins(goal: Pick<MacroGoal, 'micro'>): MicroGoal[] {
	return goal.micro
		.filter((m) => m.status === 'done')
		.map((m, i) => [m, i] as const)
		.sort((a, b) => (a[0].doneOn || '9999').localeCompare(b[0].doneOn || '9999') || a[1] - b[1])
		.map(([m]) => m);
}

/** Everything the builder and the status update say about a goal on one day. */
export interface Summary {
	today: string;
	value: number;
	progress: number;
	stretch: number | undefined;
	expected: number;
	/** progress − expected: negative when behind. */
	gap: number;
	status: Status;
	/** The target was beaten, or the stretch reached. */
	over: boolean;
	forecast: Forecast;
	overdue: MicroGoal[];
	wins: MicroGoal[];
	/** The due date has passed. */
	ended: boolean;
}

export function summarise(goal: MacroGoal, today: string): Summary {
	const value = currentValue(goal, today);
	const progress = progressOf(goal, value);
	const expected = expectedProgress(goal, today);
	const gap = progress - expected;
	return {
		today,
		value,
		progress,
		stretch: stretchProgress(goal, value),
		expected,
		gap,
		status: statusFromGap(gap),
		over: progress > 1,
		forecast: forecast(goal, today),
		overdue: overdue(goal, today),
		wins: wins(goal),
		ended: today > goal.dueDate,
	};
}

/** A fraction as a whole percentage, with a true minus sign: "−12 %" reads as going backwards. */
export function percent(fraction: number): string {
	const rounded = Math.round(fraction * 100);
	return `${rounded < 0 ? '−' : ''}${Math.abs(rounded)}%`;
}

/** A metric value with its unit: "120,000 USD", "€ 5", "3 deals". */
export function formatValue(value: number, unit: string): string {
	const number = value.toLocaleString('en', { maximumFractionDigits: 2 }).replace('-', '−');
	if (!unit) return number;
	return /^[^\p{L}\p{N}]+$/u.test(unit) ? `${unit}${number}` : `${number} ${unit}`;
}

/**
 * A micro goal's success measure, "sales reps trained: 3 of 15", or "Measure: 3
 * of 15" when it has a target but no name; empty without either. `text` turns
 * the reader's name for the measure into the output's text (Markdown escapes it).
 */
export function measureText(m: MicroGoal, text: (value: string) => string = (value) => value): string {
	if (!m.measure && m.measureTarget === null) return '';
	const of = m.measureTarget === null ? '' : ` of ${formatValue(m.measureTarget, '')}`;
	return `${m.measure ? text(m.measure) : 'Measure'}: ${formatValue(m.measureActual ?? 0, '')}${of}`;
}

/** One sentence on progress, with over-achievement and backward movement said as such. */
export function progressSentence(summary: Summary): string {
	const { progress } = summary;
	if (progress > 1) return `${percent(progress)} of the target: beaten by ${percent(progress - 1)}.`;
	if (progress < 0) return `${percent(progress)}: the metric has moved away from the target.`;
	return `${percent(progress)} of the way to the target.`;
}

/** One sentence on the gap to the expected pace. */
export function paceSentence(summary: Summary): string {
	const points = Math.round(Math.abs(summary.gap) * 100);
	const expected = `${percent(summary.expected)} was expected by ${summary.today}`;
	if (points === 0) return `Exactly on pace: ${expected}.`;
	return summary.gap > 0 ? `${points} points ahead of pace: ${expected}.` : `${points} points behind pace: ${expected}.`;
}

/** One sentence on the forecast. */
export function forecastSentence(f: Forecast, dueDate: string): string {
	if (f.kind === 'reached') return `Target reached on ${f.date}.`;
	if (f.kind === 'never') return `No forecast yet: ${f.reason}.`;
	return f.date <= dueDate
		? `At the pace so far, the target is reached on ${f.date}, by the due date ${dueDate}.`
		: `At the pace so far, the target is reached on ${f.date}, after the due date ${dueDate}.`;
}
