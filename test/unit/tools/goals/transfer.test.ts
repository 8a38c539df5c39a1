import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { GOALS_VERSION, mergeStates } from '../../../../src/tools/goals/model.ts';
import { parseState } from '../../../../src/tools/goals/schema.ts';
import { EXPORT_FORMAT, exportJson, importJson, importSummary, mergeImport } from '../../../../src/tools/goals/transfer.ts';
import { goals } from './arbitraries.ts';
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
		const other = goal({ id: 'g3', partner: 'Globex' });
		const edited = goal({ title: 'Edited' });
		const result = mergeImport(saved, [edited, other]);
		expect(result).toEqual({
			ok: true,
			state: { goals: [edited, other], open: 'g1', deleted: ['g2', 'g7'] },
			added: 1,
			replaced: 1,
		});
	});
	test('a goal deleted here comes back under a new id, so that saving, which keeps deleted ids deleted, keeps it', () => {
		const other = goal({ id: 'g2', partner: 'Globex' });
		const result = mergeImport(saved, [other]);
		if (!result.ok) throw new Error(result.message);
		const back = result.state.goals[1]!;
		expect(back).toEqual({ ...other, id: back.id });
		expect(back.id).not.toBe('g2');
		expect(result.state.open).toBe(back.id);
		expect(result.added).toBe(1);
		// What the store saves: the state merged with what is stored, which still lists g2 as deleted.
		expect(mergeStates(saved, result.state).goals.map((g) => g.partner)).toEqual([goal().partner, 'Globex']);
	});
	test('an older copy of a saved goal, or the same one, is kept as saved, and the summary says so', () => {
		const newer = goal({ title: 'Changed since', updated: '2026-03-01T00:00:00.000Z' });
		const older = goal({ title: 'Exported in January', updated: '2026-01-15T00:00:00.000Z' });
		const state = { goals: [newer], open: 'g1', deleted: [] };
		const result = mergeImport(state, [older]);
		expect(result.ok && result.state.goals).toEqual([newer]);
		expect(result.ok && [result.added, result.replaced]).toEqual([0, 0]);
		expect(result.ok && importSummary('goals.json', [older], result)).toEqual({
			text: 'Nothing was imported from goals.json: this plan already has “Exported in January” in the same or a newer version, kept as it is',
			changed: false,
		});
		const same = mergeImport(state, [{ ...newer }]);
		expect(same.ok && [same.added, same.replaced]).toEqual([0, 0]);
		const other = goal({ id: 'g2', partner: 'Globex' });
		const mixed = mergeImport(state, [older, other]);
		expect(mixed.ok && mixed.state.goals).toEqual([newer, other]);
		expect(mixed.ok && importSummary('goals.json', [older, other], mixed)).toEqual({
			text: 'Imported goals.json: 1 goal added, 0 replaced; this plan already has “Exported in January” in the same or a newer version, kept as it is',
			changed: true,
		});
	});
	test('a newer copy, or a copy changed at the same time, replaces the saved goal', () => {
		const later = goal({ title: 'Changed later', updated: '2026-05-01T00:00:00.000Z' });
		const result = mergeImport(saved, [later]);
		expect(result.ok && result.state.goals).toEqual([later]);
		expect(result.ok && importSummary('a.json', [later], result)).toEqual({
			text: 'Imported a.json: 0 goals added, 1 replaced',
			changed: true,
		});
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
