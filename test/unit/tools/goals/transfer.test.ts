import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { GOALS_VERSION, type MacroGoal, mergeStates } from '../../../../src/tools/goals/model.ts';
import { parseState } from '../../../../src/tools/goals/schema.ts';
import { EXPORT_FORMAT, exportJson, importJson, mergeImport } from '../../../../src/tools/goals/transfer.ts';
import { checkIn, goal, micro } from './fixtures.ts';

const now = new Date('2026-05-01T09:30:00Z');
const file = (goals: unknown, extra: Record<string, unknown> = {}) =>
	JSON.stringify({ format: EXPORT_FORMAT, version: GOALS_VERSION, exported: now.toISOString(), goals, ...extra });

describe('JSON import validation', () => {
	test('reads back its own export', () => {
		const g = goal({ checkIns: [checkIn('2026-02-01', 10)], micro: [micro({ action: 'Webinar' })] });
		expect(importJson(exportJson([g], now))).toEqual({ ok: true, goals: [g] });
	});
	test.each([
		['not JSON', '{oops', 'That file is not a goal-builder export: it is not valid JSON.'],
		[
			'another kind of file',
			JSON.stringify({ format: 'pactbook-checklist', version: 1 }),
			'That file is not a Pactbook goal-builder export.',
		],
		['a list', '[]', 'That file is not a Pactbook goal-builder export.'],
		[
			'no version',
			JSON.stringify({ format: EXPORT_FORMAT, goals: [] }),
			'That export is damaged: it has no valid version number.',
		],
		[
			'a newer version',
			file([], { version: GOALS_VERSION + 1 }),
			'That export comes from a newer version of this site and cannot be read here.',
		],
		[
			'goals missing',
			JSON.stringify({ format: EXPORT_FORMAT, version: 1 }),
			'That export is damaged, so nothing was imported: goals: is missing.',
		],
		[
			'a due date before the start',
			file([goal({ dueDate: '2025-01-01' })]),
			'That export is damaged, so nothing was imported: goals.0.dueDate: is not after the start date.',
		],
		[
			'a day that does not exist',
			file([goal({ startDate: '2026-02-30' })]),
			'That export is damaged, so nothing was imported: goals.0.startDate: is not a day written as YYYY-MM-DD.',
		],
		[
			'a target the wrong way',
			file([goal({ direction: 'decrease' })]),
			'That export is damaged, so nothing was imported: goals.0.target: goes the wrong way for a goal to decrease from 0.',
		],
		[
			'confidence out of range',
			file([goal({ checkIns: [checkIn('2026-02-01', 3, 11)] })]),
			'That export is damaged, so nothing was imported: goals.0.checkIns.0.confidence: is above 10.',
		],
		[
			'an unknown status',
			file([goal({ micro: [{ ...micro({ action: 'x' }), status: 'finished' as 'done' }] })]),
			'That export is damaged, so nothing was imported: goals.0.micro.0.status: is not one of: planned, in-progress, done, blocked, dropped.',
		],
		[
			'an unknown field',
			file([{ ...goal(), colour: 'red' }]),
			'That export is damaged, so nothing was imported: goals.0: has an unknown field: colour.',
		],
		[
			'two goals for one partner',
			file([goal(), goal({ id: 'g2', partner: ' acme ' })]),
			'That export is damaged, so nothing was imported: goals.1.partner: " acme " already has a goal (goal 1).',
		],
		[
			'phases out of order',
			file([
				goal({
					phases: [
						{ date: '2026-06-01', percent: 50 },
						{ date: '2026-03-01', percent: 60 },
					],
				}),
			]),
			'That export is damaged, so nothing was imported: goals.0.phases.1.date: is not between the previous phase (or the start date) and the due date.',
		],
		[
			'a falling ramp',
			file([
				goal({
					phases: [
						{ date: '2026-03-01', percent: 50 },
						{ date: '2026-06-01', percent: 40 },
					],
				}),
			]),
			'That export is damaged, so nothing was imported: goals.0.phases.1.percent: is lower than the phase before it.',
		],
	])('%s gives a message and no goals', (_, text, message) => {
		expect(importJson(text)).toEqual({ ok: false, message });
	});
	test('a long list of problems is cut short', () => {
		const bad = Array.from({ length: 8 }, (_, i) => goal({ id: `g${i}`, partner: `P${i}`, startDate: 'x' }));
		const result = importJson(file(bad));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.message.endsWith('; and 3 more.')).toBe(true);
	});
});

describe('merging an import', () => {
	const saved = { goals: [goal()], open: 'g1', deleted: ['g2', 'g7'] };
	test('adds new goals and replaces the same goal exported earlier', () => {
		const other = goal({ id: 'g2', partner: 'Globex' });
		const edited = goal({ title: 'Edited' });
		const result = mergeImport(saved, [edited, other]);
		expect(result).toEqual({ ok: true, state: { goals: [edited, other], open: 'g1', deleted: ['g7'] }, added: 1, replaced: 1 });
	});
	test('refuses a different goal for a partner that already has one, changing nothing', () => {
		const result = mergeImport(saved, [goal({ id: 'g9', partner: 'ACME', title: 'Other' })]);
		expect(result).toEqual({
			ok: false,
			message:
				'Nothing was imported: “ACME” already has a goal here (“Partner-sourced revenue from Acme”). Export and delete it first, or import into another browser.',
		});
		expect(saved.goals).toHaveLength(1);
	});
});

const day = fc.integer({ min: 19_000, max: 22_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const words = fc.string({ unit: 'grapheme', maxLength: 30 });
const name = words.filter((s) => s.trim() !== '' && s.length <= 100);
// JSON has no −0: it reads back as 0, which is the same number to the builder.
const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((n) => n + 0);
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const tactic = fc.record({
	id,
	what: name,
	expected: words,
	when: fc.oneof(day, fc.constant('')),
	happened: words,
	verdict: fc.constantFrom('keep', 'tweak', 'drop', '') as fc.Arbitrary<'keep' | 'tweak' | 'drop' | ''>,
	lesson: words,
});
const microGoal = fc.record({
	id,
	action: name,
	owner: words,
	due: fc.oneof(day, fc.constant('')),
	measure: words,
	measureTarget: fc.option(num, { nil: null }),
	measureActual: fc.option(num, { nil: null }),
	contribution: fc.option(num, { nil: null }),
	status: fc.constantFrom('planned', 'in-progress', 'done', 'blocked', 'dropped') as fc.Arbitrary<
		MacroGoal['micro'][number]['status']
	>,
	doneOn: fc.oneof(day, fc.constant('')),
	notes: words,
	source: words,
	tactics: fc.array(tactic, { maxLength: 3 }),
});
const macroGoal: fc.Arbitrary<MacroGoal> = fc
	.record({
		id,
		title: name,
		partner: name,
		metric: name,
		unit: fc.string({ maxLength: 5 }),
		increase: fc.boolean(),
		start: num,
		span: fc.double({ noNaN: true, min: 0, max: 1e6 }),
		stretch: fc.option(fc.double({ noNaN: true, min: 0, max: 1e6 }), { nil: null }),
		startDay: fc.integer({ min: 19_000, max: 21_000 }),
		length: fc.integer({ min: 4, max: 800 }),
		percents: fc.array(fc.double({ noNaN: true, min: 0, max: 100 }), { maxLength: 3 }),
		checkIns: fc.array(fc.record({ id, date: day, value: num, confidence: fc.integer({ min: 0, max: 10 }), note: words }), {
			maxLength: 4,
		}),
		micro: fc.array(microGoal, { maxLength: 4 }),
		updated: fc
			.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2030-01-01') })
			.map((d) => d.toISOString()),
	})
	.map((r) => {
		const sign = r.increase ? 1 : -1;
		const plus = (a: number, b: number) => a + b + 0;
		const target = plus(r.start, sign * r.span);
		const toDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
		const percents = [...r.percents].sort((a, b) => a - b);
		return {
			id: r.id,
			title: r.title,
			partner: r.partner,
			metric: r.metric,
			unit: r.unit,
			direction: r.increase ? 'increase' : 'decrease',
			start: r.start,
			target,
			stretch: r.stretch === null ? null : plus(target, sign * r.stretch),
			startDate: toDay(r.startDay),
			dueDate: toDay(r.startDay + r.length),
			phases: percents.map((percent, i) => ({ date: toDay(r.startDay + i + 1), percent })),
			checkIns: r.checkIns,
			micro: r.micro,
			lastExport: null,
			updated: r.updated,
		} satisfies MacroGoal;
	});
const goals = fc
	.array(macroGoal, { maxLength: 3 })
	.map((list) =>
		list.filter(
			(g, i) =>
				list.findIndex(
					(o) =>
						o.id === g.id ||
						o.partner.trim().replace(/\s+/g, ' ').toLowerCase() === g.partner.trim().replace(/\s+/g, ' ').toLowerCase(),
				) === i,
		),
	);

describe('export → import round trip', () => {
	test('any valid set of goals comes back unchanged', () => {
		fc.assert(
			fc.property(goals, (list) => {
				expect(parseState({ goals: list, open: '', deleted: [] })).toBeDefined();
				expect(importJson(exportJson(list, now))).toEqual({ ok: true, goals: list });
			}),
			{ numRuns: 300 },
		);
	});
});

describe('two tabs saving at once', () => {
	const a = goal({ id: 'a', partner: 'Acme' });
	const b = goal({ id: 'b', partner: 'Globex' });
	test('keeps goals either tab added, and the later change of a goal both have', () => {
		const later = { ...a, title: 'Renamed in the other tab', updated: '2026-02-01T00:00:00.000Z' };
		const stored = { goals: [later, b], open: 'b', deleted: [] };
		const mine = { goals: [a, goal({ id: 'c', partner: 'Initech' })], open: 'a', deleted: [] };
		const merged = mergeStates(stored, mine);
		expect(merged.goals.map((g) => [g.id, g.title])).toEqual([
			['a', 'Renamed in the other tab'],
			['c', a.title],
			['b', a.title],
		]);
		expect(merged.open).toBe('a');
	});
	test('on a tie this tab’s change wins, whatever the order of its fields', () => {
		const { partner, ...rest } = a;
		const reordered = { ...rest, micro: [micro({ action: 'New' })], partner };
		expect(mergeStates({ goals: [a], open: 'a', deleted: [] }, { goals: [reordered], open: 'a', deleted: [] }).goals).toEqual([
			reordered,
		]);
	});
	test('a goal deleted in one tab stays deleted', () => {
		const merged = mergeStates({ goals: [a, b], open: 'a', deleted: [] }, { goals: [b], open: 'b', deleted: ['a'] });
		expect(merged).toEqual({ goals: [b], open: 'b', deleted: ['a'] });
	});
	test('is deterministic: both tabs merging the same values agree', () => {
		fc.assert(
			fc.property(goals, goals, (x, y) => {
				const s1 = { goals: x, open: '', deleted: [] };
				const s2 = { goals: y, open: '', deleted: [] };
				const once = mergeStates(s1, s2);
				expect(mergeStates(once, s2)).toEqual(once);
				expect(parseState(once)).toBeDefined();
			}),
			{ numRuns: 100 },
		);
	});
});
