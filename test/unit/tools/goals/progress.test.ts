import { describe, expect, test } from 'vitest';
import { statusUpdate } from '../../../../src/tools/goals/markdown.ts';
import {
	expectedProgress,
	expectedValue,
	forecast,
	forecastSentence,
	formatValue,
	overdue,
	percent,
	progressOf,
	progressSentence,
	statusFromGap,
	summarise,
	THRESHOLDS,
	wins,
} from '../../../../src/tools/goals/progress.ts';
import { checkIn, goal, micro } from './fixtures.ts';

describe('progress', () => {
	test('is the share of the way from start to target', () => {
		expect(progressOf(goal({ start: 20, target: 120 }), 70)).toBe(0.5);
		expect(progressOf(goal({ start: 20, target: 120 }), 20)).toBe(0);
		expect(progressOf(goal({ start: 20, target: 120 }), 120)).toBe(1);
	});
	test('works for a metric that should decrease', () => {
		const churn = goal({ direction: 'decrease', start: 10, target: 4 });
		expect(progressOf(churn, 7)).toBe(0.5);
		expect(progressOf(churn, 4)).toBe(1);
		expect(progressOf(churn, 12)).toBeCloseTo(-1 / 3);
	});
	test('is negative when the metric moved the wrong way, and said so', () => {
		const g = goal({ start: 50, target: 150, checkIns: [checkIn('2026-02-01', 40)] });
		const s = summarise(g, '2026-02-01');
		expect(s.progress).toBeCloseTo(-0.1);
		expect(progressSentence(s)).toBe('−10%: the metric has moved away from the target.');
	});
	test('over-achievement stays above 1 and is said as such, with the stretch', () => {
		const g = goal({ stretch: 200, checkIns: [checkIn('2026-06-01', 150)] });
		const s = summarise(g, '2026-06-01');
		expect(s.progress).toBe(1.5);
		expect(s.over).toBe(true);
		expect(s.stretch).toBe(0.75);
		expect(progressSentence(s)).toBe('150% of the target: beaten by 50%.');
	});
	test('start equal to target: met while the value has not gone the wrong way', () => {
		const hold = goal({ start: 5, target: 5 });
		expect(progressOf(hold, 5)).toBe(1);
		expect(progressOf(hold, 6)).toBe(1);
		expect(progressOf(hold, 4)).toBe(0);
		const holdDown = goal({ direction: 'decrease', start: 5, target: 5 });
		expect(progressOf(holdDown, 4)).toBe(1);
		expect(progressOf(holdDown, 6)).toBe(0);
		expect(Number.isFinite(summarise(hold, '2026-03-01').gap)).toBe(true);
	});
	test('the latest check-in by date is the current value, whatever order they were made in', () => {
		const g = goal({ checkIns: [checkIn('2026-03-01', 30), checkIn('2026-02-01', 10)] });
		expect(summarise(g, '2026-03-05').value).toBe(30);
		expect(summarise(g, '2026-02-15').value).toBe(10);
		expect(summarise(g, '2026-01-15').value).toBe(0);
	});
});

describe('expected pace', () => {
	test('without phases: a straight line from start to due date', () => {
		const g = goal({ startDate: '2026-01-01', dueDate: '2026-01-11' });
		expect(expectedProgress(g, '2025-12-01')).toBe(0);
		expect(expectedProgress(g, '2026-01-01')).toBe(0);
		expect(expectedProgress(g, '2026-01-06')).toBe(0.5);
		expect(expectedProgress(g, '2026-01-11')).toBe(1);
		expect(expectedProgress(g, '2027-01-01')).toBe(1);
		expect(expectedValue(goal({ start: 10, target: 30, startDate: '2026-01-01', dueDate: '2026-01-11' }), '2026-01-06')).toBe(20);
	});
	test('with phases: interpolated between phased targets, a ramp that starts slow', () => {
		// 10 / 20 / 30 / 40 % by quarter: cumulative 10, 30, 60, 100.
		const g = goal({
			startDate: '2026-01-01',
			dueDate: '2026-12-31',
			phases: [
				{ date: '2026-03-31', percent: 10 },
				{ date: '2026-06-30', percent: 30 },
				{ date: '2026-09-30', percent: 60 },
			],
		});
		expect(expectedProgress(g, '2026-03-31')).toBeCloseTo(0.1);
		expect(expectedProgress(g, '2026-06-30')).toBeCloseTo(0.3);
		// Halfway through the second quarter (45.5 of 91 days): 10 % + half of 20 %.
		expect(expectedProgress(g, '2026-05-15')).toBeCloseTo(0.1 + (0.2 * 45) / 91);
		expect(expectedProgress(g, '2026-12-31')).toBe(1);
		// Behind a straight line early on: the ramp expects less.
		expect(expectedProgress(g, '2026-03-31')).toBeLessThan(expectedProgress(goal(), '2026-03-31'));
	});
	test('a last phase on the due date is the target itself', () => {
		const g = goal({ startDate: '2026-01-01', dueDate: '2026-01-11', phases: [{ date: '2026-01-11', percent: 80 }] });
		expect(expectedProgress(g, '2026-01-11')).toBe(1);
		expect(expectedProgress(g, '2026-01-06')).toBe(0.5);
	});
});

describe('status thresholds', () => {
	test(`on track up to ${THRESHOLDS.atRisk * 100} points behind, at risk up to ${THRESHOLDS.offTrack * 100}, off track beyond`, () => {
		expect(statusFromGap(0.3)).toBe('on-track');
		expect(statusFromGap(0)).toBe('on-track');
		expect(statusFromGap(-0.05)).toBe('on-track');
		expect(statusFromGap(-0.0501)).toBe('at-risk');
		expect(statusFromGap(-0.15)).toBe('at-risk');
		expect(statusFromGap(-0.1501)).toBe('off-track');
		expect(statusFromGap(0.25 - 0.3)).toBe('on-track');
	});
	test('the status of a goal moves with its check-ins', () => {
		// Halfway through (day 182 of 364) 50 % is expected.
		const today = '2026-07-02';
		expect(summarise(goal({ checkIns: [checkIn('2026-07-01', 48)] }), today).status).toBe('on-track');
		expect(summarise(goal({ checkIns: [checkIn('2026-07-01', 40)] }), today).status).toBe('at-risk');
		expect(summarise(goal({ checkIns: [checkIn('2026-07-01', 20)] }), today).status).toBe('off-track');
	});
});

describe('forecast', () => {
	test('continues the pace since the start date', () => {
		// 25 in the first 10 days: 40 days for 100.
		const g = goal({ startDate: '2026-01-01', checkIns: [checkIn('2026-01-11', 25)] });
		expect(forecast(g)).toEqual({ kind: 'on', date: '2026-02-10' });
		expect(forecastSentence(forecast(g), g.dueDate)).toBe(
			'At the pace so far, the target is reached on 2026-02-10, by the due date 2026-12-31.',
		);
	});
	test('a slow pace lands after the due date', () => {
		const g = goal({ startDate: '2026-01-01', dueDate: '2026-03-01', checkIns: [checkIn('2026-01-31', 10)] });
		expect(forecast(g)).toEqual({ kind: 'on', date: '2026-10-28' });
		expect(forecastSentence(forecast(g), g.dueDate)).toContain('after the due date');
	});
	test('a decreasing goal forecasts the same way', () => {
		const g = goal({
			direction: 'decrease',
			start: 10,
			target: 0,
			startDate: '2026-01-01',
			checkIns: [checkIn('2026-01-11', 5)],
		});
		expect(forecast(g)).toEqual({ kind: 'on', date: '2026-01-21' });
	});
	test('reached, never, and not yet', () => {
		expect(forecast(goal({ checkIns: [checkIn('2026-02-01', 30), checkIn('2026-03-01', 120)] }))).toEqual({
			kind: 'reached',
			date: '2026-03-01',
		});
		expect(forecast(goal())).toEqual({ kind: 'never', reason: 'no check-in yet' });
		expect(forecast(goal({ checkIns: [checkIn('2026-02-01', 0)] })).kind).toBe('never');
		expect(forecast(goal({ checkIns: [checkIn('2026-02-01', -5)] })).kind).toBe('never');
		expect(forecast(goal({ checkIns: [checkIn('2026-01-01', 5)] })).kind).toBe('never');
	});
	test('a target met once and then lost is not reached: the forecast follows the latest check-in, as the status does', () => {
		const g = goal({
			direction: 'decrease',
			start: 100,
			target: 20,
			checkIns: [checkIn('2026-03-01', 15), checkIn('2026-11-01', 95)],
		});
		const s = summarise(g, '2026-11-02');
		expect(s.status).toBe('off-track');
		expect(s.forecast.kind).toBe('on');
		expect(forecastSentence(s.forecast, g.dueDate)).toMatch(
			/^At the pace so far, the target is reached on .*, after the due date/,
		);
		expect(statusUpdate(g, '2026-11-02')).not.toContain('Target reached');
	});
	test('reached on the first check-in of those that have met the target since', () => {
		const checkIns = [
			checkIn('2026-02-01', 110),
			checkIn('2026-03-01', 80),
			checkIn('2026-04-01', 100),
			checkIn('2026-05-01', 130),
		];
		expect(forecast(goal({ checkIns }))).toEqual({ kind: 'reached', date: '2026-04-01' });
		expect(forecast(goal({ checkIns }), '2026-02-15')).toEqual({ kind: 'reached', date: '2026-02-01' });
		const s = summarise(goal({ checkIns }), '2026-05-02');
		expect([s.status, forecastSentence(s.forecast, '2026-12-31')]).toEqual(['on-track', 'Target reached on 2026-04-01.']);
	});
	test('only check-ins up to today count', () => {
		const g = goal({ checkIns: [checkIn('2026-01-11', 25), checkIn('2026-06-01', 100)] });
		expect(forecast(g, '2026-02-01')).toEqual({ kind: 'on', date: '2026-02-10' });
	});
});

describe('micro goals', () => {
	test('overdue: due before today and neither done nor dropped', () => {
		const g = goal({
			micro: [
				micro({ id: 'a', action: 'Late', due: '2026-02-01' }),
				micro({ id: 'b', action: 'Done late', due: '2026-02-01', status: 'done' }),
				micro({ id: 'c', action: 'Dropped', due: '2026-02-01', status: 'dropped' }),
				micro({ id: 'd', action: 'Due today', due: '2026-02-02' }),
				micro({ id: 'e', action: 'No date' }),
				micro({ id: 'f', action: 'Blocked', due: '2026-01-20', status: 'blocked' }),
			],
		});
		expect(overdue(g, '2026-02-02').map((m) => m.id)).toEqual(['a', 'f']);
	});
	test('wins are the done micro goals in the order they were done', () => {
		const g = goal({
			micro: [
				micro({ id: 'a', action: 'Second', status: 'done', doneOn: '2026-03-01' }),
				micro({ id: 'b', action: 'Open' }),
				micro({ id: 'c', action: 'First', status: 'done', doneOn: '2026-02-01' }),
			],
		});
		expect(wins(g).map((m) => m.id)).toEqual(['c', 'a']);
	});
});

describe('formatting', () => {
	test('percentages and values', () => {
		expect(percent(0.456)).toBe('46%');
		expect(percent(-0.1)).toBe('−10%');
		expect(formatValue(120000, 'USD')).toBe('120,000 USD');
		expect(formatValue(5, '€')).toBe('€5');
		expect(formatValue(-3, 'deals')).toBe('−3 deals');
		expect(formatValue(2.5, '')).toBe('2.5');
	});
});
