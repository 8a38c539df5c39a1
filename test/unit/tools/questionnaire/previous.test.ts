import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { createStore, MESSAGES, type StorageLike } from '../../../../src/lib/storage.ts';
import { beforeAndNow, beforeNowTable, changeText } from '../../../../src/tools/questionnaire/before-now.ts';
import { fromJson, toJson, toMarkdown } from '../../../../src/tools/questionnaire/exchange.ts';
import { parseSnapshot, previousFor, sameAnswers, snapshotOf } from '../../../../src/tools/questionnaire/previous.ts';
import {
	type Assessment,
	emptyAssessment,
	parseWorkspace,
	WORKSPACE_MIGRATIONS,
	WORKSPACE_VERSION,
	type WorkspaceState,
} from '../../../../src/tools/questionnaire/workspace.ts';
import { MemoryStorage } from '../../../helpers/memory-storage.ts';
import { KEY, lower, middle, sample } from './sample.ts';

const partner = (answers: Assessment['answers'], extra: Partial<Assessment> = {}): Assessment => ({
	...emptyAssessment(sample, 'p1', new Date('2026-11-02T09:00:00Z')),
	name: 'Acme Advisors',
	answers,
	...extra,
});

const firstRun = {
	saved: '2026-11-02T09:00:00.000Z',
	percent: 50,
	verdict: 'Promising',
	sections: [
		{ id: 'ambition', title: 'Ambition and goals', percent: 50 },
		{ id: 'commitment', title: 'Commitment and reach', percent: 50 },
		{ id: 'working', title: 'Working together', percent: 50 },
	],
};

const storeOn = (storage: StorageLike) =>
	createStore<WorkspaceState>({
		key: KEY,
		version: WORKSPACE_VERSION,
		migrations: WORKSPACE_MIGRATIONS,
		parse: parseWorkspace,
		storage,
		now: () => new Date('2026-12-01T10:00:00Z'),
	});

describe('the previous run of a saved partner', () => {
	test('is a snapshot of the saved result: overall score and verdict, each section, the date it was saved', () => {
		expect(snapshotOf(sample, partner(middle))).toEqual(firstRun);
	});

	test('saving other answers makes the saved result the previous run', () => {
		expect(previousFor(sample, partner(middle), partner(lower))).toEqual(firstRun);
	});

	test('saving the same answers again keeps the comparison instead of wiping it', () => {
		const saved = partner(lower, { previous: firstRun, updated: '2026-11-20T09:00:00.000Z' });
		// Another click on Save, a rename or a new note: same answers, in another key order.
		const again = partner(Object.fromEntries(Object.entries(lower).reverse()), { name: 'Acme', notes: { level: 'asked' } });
		expect(previousFor(sample, saved, again)).toEqual(firstRun);
	});

	test('a third run with other answers replaces it with the second run', () => {
		const second = partner(lower, { previous: firstRun, updated: '2026-11-20T09:00:00.000Z' });
		const third = partner({ ...lower, goals: ['numbers'] });
		const previous = previousFor(sample, second, third)!;
		expect(previous.saved).toBe('2026-11-20T09:00:00.000Z');
		expect(previous.sections.map((s) => Math.round(s.percent!))).toEqual([33, 50, 50]);
	});

	test('a first save has none, unless the assessment brought one (an imported file)', () => {
		expect(previousFor(sample, undefined, partner(middle))).toBeUndefined();
		expect(previousFor(sample, undefined, partner(lower, { previous: firstRun }))).toEqual(firstRun);
	});

	test('answers compare whatever the order of keys and of a multiple answer’s options', () => {
		expect(sameAnswers({ a: ['x', 'y'], b: 'na' }, { b: 'na', a: ['y', 'x'] })).toBe(true);
		expect(sameAnswers({ a: ['x'] }, { a: ['x'], b: ['y'] })).toBe(false);
		expect(sameAnswers({ a: 'na' }, { a: ['na'] })).toBe(false);
	});

	test('the table: each section before and now, the overall verdicts, the change in words', () => {
		expect(beforeAndNow(sample, firstRun, lower)).toEqual({
			rows: [
				{ title: 'Ambition and goals', before: 50, now: 100 / 3, change: 'Down 17 points' },
				{ title: 'Commitment and reach', before: 50, now: 50, change: 'No change' },
				{ title: 'Working together', before: 50, now: 50, change: 'No change' },
			],
			overall: { before: 50, beforeVerdict: 'Promising', now: 600 / 13, nowVerdict: 'Pen pal', change: 'Down 4 points' },
		});
	});

	test('a section the questionnaire no longer has is still shown, with nothing to compare', () => {
		const older = { ...firstRun, sections: [...firstRun.sections, { id: 'gone', title: 'Old section', percent: 20 }] };
		expect(beforeAndNow(sample, older, middle).rows.at(-1)).toEqual({
			title: 'Old section',
			before: 20,
			now: undefined,
			change: 'Not comparable',
		});
	});

	test('changes read as words, from the rounded percentages the table shows', () => {
		expect(changeText(50, 51)).toBe('Up 1 point');
		expect(changeText(49.6, 50.4)).toBe('No change');
		expect(changeText(80, 35)).toBe('Down 45 points');
		expect(changeText(undefined, 35)).toBe('Not comparable');
	});

	test('the table is a real table: caption, column and row headers, the date as a <time>, text escaped', () => {
		const html = beforeNowTable(
			sample,
			{ ...firstRun, verdict: '<img src=x onerror=alert(1)>', sections: [{ id: 'x', title: 'A & <b>', percent: 10 }] },
			lower,
			'en-GB',
		);
		const doc = parseHtml(html);
		expect(doc.querySelector('caption')?.text).toBe('Before and now, by section');
		expect([...doc.querySelectorAll('thead th[scope=col]')].map((th) => th.text)).toEqual([
			'Section',
			'Before (2 November 2026)',
			'Now',
			'Change',
		]);
		expect(doc.querySelector('thead time')?.getAttribute('datetime')).toBe('2026-11-02');
		expect([...doc.querySelectorAll('tbody th[scope=row]')].map((th) => th.text)).toEqual([
			'Ambition and goals',
			'Commitment and reach',
			'Working together',
			'A & <b>',
			'Overall',
		]);
		expect(doc.querySelector('img')).toBeNull();
		expect(doc.querySelector('tbody tr:last-child td')?.text).toBe('50%, <img src=x onerror=alert(1)>');
		// A run whose date is not known shows no date.
		expect(beforeNowTable(sample, { ...firstRun, saved: '' }, lower, 'en')).toContain('<th scope="col">Before</th>');
	});

	test('a tampered snapshot is refused whole', () => {
		expect(parseSnapshot(JSON.parse(JSON.stringify(firstRun)))).toEqual(firstRun);
		expect(parseSnapshot({ ...firstRun, saved: '' })).toEqual({ ...firstRun, saved: '' });
		for (const bad of [
			null,
			[],
			'50%',
			{ ...firstRun, saved: 'yesterday' },
			{ ...firstRun, percent: 150 },
			{ ...firstRun, percent: '50' },
			{ ...firstRun, verdict: 3 },
			{ ...firstRun, sections: {} },
			{ ...firstRun, sections: [{ id: 'ambition', percent: 50 }] },
			{ ...firstRun, sections: [{ id: 'ambition', title: 'A', percent: -1 }] },
		])
			expect(parseSnapshot(bad)).toBeUndefined();
	});
});

describe('the saved workspace with previous runs', () => {
	const workspace = (previous: unknown): unknown => ({
		draft: { ...partner(lower), previous },
		partners: [{ ...partner(lower), previous }, partner(middle, { id: 'p2', name: 'Globex' })],
	});

	test('round-trips a previous run through storage', () => {
		const storage = new MemoryStorage();
		const state = parseWorkspace(workspace(firstRun))!;
		expect(storeOn(storage).save(state)).toEqual({ ok: true });
		expect(JSON.parse(storage.getItem(KEY)!).v).toBe(2);
		expect(storeOn(storage).load()).toEqual({ status: 'ok', data: state, migrated: false });
		expect(state.partners[0]!.previous).toEqual(firstRun);
	});

	test('a tampered previous run is ignored; the answers, notes and other partners are all kept', () => {
		const state = parseWorkspace(workspace({ ...firstRun, percent: 'lots' }))!;
		expect(state).toEqual(parseWorkspace(workspace(undefined)));
		expect(state.partners.map((p) => [p.name, p.answers, p.previous])).toEqual([
			['Acme Advisors', lower, undefined],
			['Globex', middle, undefined],
		]);
	});

	test('a workspace saved in version 1 (no previous runs) loads unchanged', () => {
		const storage = new MemoryStorage();
		// As the version 1 page wrote it: the same assessments, in a version 1 envelope.
		const v1 = { draft: partner(lower), partners: [partner(lower), partner(middle, { id: 'p2', name: 'Globex' })] };
		storage.setItem(KEY, JSON.stringify({ v: 1, saved: '2026-11-02T09:00:00.000Z', data: v1 }));
		expect(storeOn(storage).load()).toEqual({ status: 'ok', data: v1, migrated: true });
		// Read only: it is written again, as version 2, with the reader's next change.
		expect(JSON.parse(storage.getItem(KEY)!).v).toBe(1);
	});

	test('version 1 data never carries a previous run, whatever it holds under that name', () => {
		const migrated = WORKSPACE_MIGRATIONS[1]!(workspace(firstRun)) as WorkspaceState;
		expect([migrated.draft, ...migrated.partners].some((a) => 'previous' in a)).toBe(false);
		expect(parseWorkspace(migrated)).toEqual(parseWorkspace(workspace(undefined)));
	});

	test('corrupt data is kept as a backup and reported; a newer version is left alone and not overwritten', () => {
		const storage = new MemoryStorage();
		storage.setItem(KEY, '{"v":2,"data":{"draft":');
		const recovered = storeOn(storage).load();
		expect(recovered).toMatchObject({ status: 'recovered', reason: 'it is not valid JSON' });
		expect(storage.getItem((recovered as { backupKey: string }).backupKey)).toBe('{"v":2,"data":{"draft":');

		const newer = JSON.stringify({ v: 3, saved: '', data: { anything: true } });
		storage.setItem(KEY, newer);
		const store = storeOn(storage);
		expect(store.load()).toEqual({ status: 'newer', version: 3, message: MESSAGES.newer });
		expect(store.save(parseWorkspace(workspace(firstRun))!)).toEqual({ ok: false, message: MESSAGES.newer });
		expect(storage.getItem(KEY)).toBe(newer);
	});

	test('the Markdown summary tells what changed since the previous run, and says nothing of one when there is none', () => {
		const md = toMarkdown(sample, partner(lower, { previous: firstRun }), new Date('2026-12-01T10:00:00Z'));
		expect(md).toContain(
			[
				'## Since the previous run (2026-11-02)',
				'',
				'- Overall: 50% Promising, now 46% Pen pal (down 4 points)',
				'- Ambition and goals: 50%, now 33% (down 17 points)',
				'- Commitment and reach: 50%, now 50% (no change)',
				'- Working together: 50%, now 50% (no change)',
				'',
				'## Answers',
			].join('\n'),
		);
		expect(toMarkdown(sample, partner(lower))).not.toContain('previous run');
	});

	test('the JSON export carries the previous run, and its import brings it back', () => {
		const a = partner(lower, { previous: firstRun });
		const read = fromJson(toJson(sample, a), sample);
		expect(read).toMatchObject({ ok: true, assessment: { previous: firstRun } });
		const tampered = JSON.parse(toJson(sample, a));
		tampered.assessment.previous.sections = 'none';
		expect(fromJson(JSON.stringify(tampered), sample)).toMatchObject({ ok: true, assessment: { answers: lower } });
		expect((fromJson(JSON.stringify(tampered), sample) as { assessment: Assessment }).assessment.previous).toBeUndefined();
	});
});
