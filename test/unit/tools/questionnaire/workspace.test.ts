import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createStore, type StorageLike } from '../../../../src/lib/storage.ts';
import {
	type Assessment,
	emptyAssessment,
	hasUnsavedWork,
	heardFromOtherTab,
	mergeWorkspaces,
	parseWorkspace,
	saveAssessment,
	WORKSPACE_MIGRATIONS,
	WORKSPACE_VERSION,
	type WorkspaceState,
} from '../../../../src/tools/questionnaire/workspace.ts';
import { MemoryStorage } from '../../../helpers/memory-storage.ts';
import { KEY, lower, middle, sample } from './sample.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
const assessment = (id: string, name: string, answers: Assessment['answers'] = {}, minute = 0): Assessment => ({
	...emptyAssessment(sample, id, at(minute)),
	name,
	answers,
});
const ids = (state: WorkspaceState) => state.partners.map((p) => p.id);

/** A tab's store, as the element makes it, on a storage shared by every tab of the test. */
const tab = (storage: StorageLike) =>
	createStore<WorkspaceState>({
		key: KEY,
		version: WORKSPACE_VERSION,
		migrations: WORKSPACE_MIGRATIONS,
		parse: parseWorkspace,
		merge: mergeWorkspaces,
		storage,
	});

describe('two tabs', () => {
	const acme = assessment('p1', 'Acme', middle, 1);
	const globex = assessment('p2', 'Globex', lower, 2);
	const draftA = assessment('dA', '', { level: ['vaguely'] }, 3);
	const draftB = assessment('dB', '', {}, 4);

	test('saving different partners at once keeps both, each tab keeping its own draft', () => {
		const storage = new MemoryStorage();
		const base: WorkspaceState = { draft: draftA, partners: [] };
		tab(storage).save(base);
		// Neither tab has heard of the other's save.
		const a = tab(storage).save({ draft: acme, partners: [acme] });
		const b = tab(storage).save({ draft: globex, partners: [globex] });
		expect(a).toMatchObject({ ok: true, merged: { partners: [acme] } });
		expect(b).toMatchObject({ ok: true, merged: { draft: globex } });
		const stored = tab(storage).load();
		expect(stored.status === 'ok' && stored.data.partners.map((p) => p.name)).toEqual(['Acme', 'Globex']);
	});

	test('a tab that hears of another tab’s new assessment keeps its own unsaved answers', () => {
		const mine: WorkspaceState = { draft: draftA, partners: [acme] };
		const stored: WorkspaceState = { draft: draftB, partners: [acme, globex] };
		expect(heardFromOtherTab(mine, stored)).toEqual({ draft: draftA, partners: [acme, globex] });
		// The same assessment, changed in the other tab, is followed.
		const changed = { ...draftA, answers: { level: ['a-level-and-a-date'] }, updated: at(9).toISOString() };
		expect(heardFromOtherTab(mine, { ...stored, draft: changed }).draft).toBe(changed);
	});

	test('a partner deleted in one tab does not come back when the other saves', () => {
		const deleting = mergeWorkspaces(
			{ draft: draftA, partners: [acme, globex] },
			{ draft: draftA, partners: [globex], deleted: ['p1'] },
		);
		expect(deleting).toEqual({ draft: draftA, partners: [globex], deleted: ['p1'] });
		// The other tab still has Acme in memory, and saves.
		expect(mergeWorkspaces(deleting, { draft: draftB, partners: [acme, globex] })).toEqual({
			draft: draftB,
			partners: [globex],
			deleted: ['p1'],
		});
	});

	test('a partner both tabs changed keeps the later change; partners only one tab has keep their place', () => {
		const renamed = { ...acme, name: 'Acme Partners', updated: at(20).toISOString() };
		const stored: WorkspaceState = { draft: draftA, partners: [renamed, globex] };
		const initech = assessment('p3', 'Initech', middle, 30);
		const merged = mergeWorkspaces(stored, { draft: draftB, partners: [acme, initech] });
		expect(merged.partners.map((p) => p.name)).toEqual(['Acme Partners', 'Globex', 'Initech']);
		expect(merged.draft).toBe(draftB);
	});

	test('merging is deterministic and merging with itself changes nothing', () => {
		const state = fc
			.record({
				partners: fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { maxLength: 4 }),
				deleted: fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p5'), { maxLength: 3 }),
				minute: fc.nat(59),
			})
			.map(({ partners, deleted, minute }) => ({
				draft: draftA,
				partners: partners.map((id) => assessment(id, id, {}, minute)),
				...(deleted.length ? { deleted: [...deleted].sort() } : {}),
			}));
		fc.assert(
			fc.property(state, state, (stored, mine) => {
				const merged = mergeWorkspaces(stored, mine);
				expect(mergeWorkspaces(stored, mine)).toEqual(merged);
				expect(mergeWorkspaces(merged, merged)).toEqual(merged);
				// Nothing saved on either side is lost unless it was deleted.
				const gone = new Set(merged.deleted);
				for (const p of [...stored.partners, ...mine.partners]) expect(gone.has(p.id) || ids(merged).includes(p.id)).toBe(true);
				expect(new Set(ids(merged)).size).toBe(merged.partners.length);
			}),
		);
	});

	test('deleted ids survive storage; a damaged list of them loses no answers', () => {
		const state = { draft: draftA, partners: [globex], deleted: ['p1'] };
		expect(parseWorkspace(JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(parseWorkspace({ ...state, deleted: 'p1' })).toEqual({ draft: draftA, partners: [globex] });
		expect(parseWorkspace({ ...state, deleted: [1, 'p1'] })).toEqual(state);
	});
});

describe('unsaved answers', () => {
	const acme = assessment('p1', 'Acme', middle);
	const state: WorkspaceState = { draft: acme, partners: [acme] };

	test('a saved partner as it was saved has none; changed answers, notes or name are unsaved', () => {
		expect(hasUnsavedWork(state, { ...acme })).toBe(false);
		expect(hasUnsavedWork(state, { ...acme, notes: { level: '' } })).toBe(false);
		expect(hasUnsavedWork(state, { ...acme, answers: lower })).toBe(true);
		expect(hasUnsavedWork(state, { ...acme, notes: { level: 'Asked twice' } })).toBe(true);
		expect(hasUnsavedWork(state, { ...acme, name: 'Acme Partners' })).toBe(true);
	});

	test('an assessment saved under no partner has some once anything is answered, noted or named', () => {
		expect(hasUnsavedWork(state, emptyAssessment(sample, 'd1'))).toBe(false);
		expect(hasUnsavedWork(state, assessment('d1', '', { level: ['vaguely'] }))).toBe(true);
		expect(hasUnsavedWork(state, { ...emptyAssessment(sample, 'd1'), notes: { level: 'Call back' } })).toBe(true);
		expect(hasUnsavedWork(state, assessment('d1', 'Umbrella'))).toBe(true);
		// The partner it was opened from was deleted since.
		expect(hasUnsavedWork({ draft: acme, partners: [] }, acme)).toBe(true);
	});
});

describe('saving an assessment', () => {
	const alpha = assessment('p1', 'Alpha', middle, 1);
	const beta = assessment('p2', 'Beta', middle, 2);
	const state: WorkspaceState = { draft: alpha, partners: [alpha, beta] };
	const now = at(30);
	let n = 0;
	const newId = () => `new${++n}`;

	test('a new assessment under an existing partner’s name, in any case or spacing, is a new run of that partner', () => {
		const draft = assessment('dX', '', lower, 20);
		const saved = saveAssessment(sample, { ...state, draft }, draft, '  alpha ', newId, now);
		expect(saved.ok).toBe(true);
		if (!saved.ok) return;
		expect(saved.state.partners.map((p) => [p.id, p.name])).toEqual([
			['p1', 'Alpha'],
			['p2', 'Beta'],
		]);
		expect(saved.saved).toMatchObject({ id: 'p1', name: 'Alpha', answers: lower, updated: now.toISOString() });
		expect(saved.saved.previous).toMatchObject({ saved: alpha.updated, percent: 50, verdict: 'Promising' });
		expect(saved.state.draft).toBe(saved.saved);
		expect(saved.updated).toBe(alpha);
		expect(saved.message).toBe(
			'Alpha was already saved, so these answers were saved as its new run; its earlier result is kept to compare with.',
		);
		// The same answers again: nothing new to compare with.
		const again = saveAssessment(sample, state, assessment('dY', '', middle), 'ALPHA', newId, now);
		expect(again).toMatchObject({ ok: true, message: 'Saved Alpha.', saved: { id: 'p1' } });
	});

	test('a new name is a new partner, under the draft’s own id unless it is taken or was deleted', () => {
		const draft = assessment('dX', '', lower);
		expect(saveAssessment(sample, state, draft, 'Gamma', newId, now)).toMatchObject({
			ok: true,
			message: 'Saved Gamma.',
			saved: { id: 'dX', name: 'Gamma' },
		});
		for (const id of ['draft', 'shared', 'p9']) {
			const saved = saveAssessment(sample, { ...state, deleted: ['p9'] }, { ...draft, id }, 'Gamma', newId, now);
			expect(saved.ok && saved.saved.id).toMatch(/^new\d+$/);
			expect(saved.ok && saved.state.partners).toHaveLength(3);
		}
	});

	test('the partner on screen is renamed; renaming it to another partner’s name is refused', () => {
		expect(saveAssessment(sample, state, { ...alpha, name: 'Alpha One' }, 'Alpha One', newId, now)).toMatchObject({
			ok: true,
			message: 'Renamed Alpha to Alpha One and saved.',
			state: { partners: [{ id: 'p1', name: 'Alpha One' }, { id: 'p2' }] },
		});
		expect(saveAssessment(sample, state, alpha, 'beta', newId, now)).toEqual({
			ok: false,
			message:
				'Another saved partner is already called Beta. Choose another name for Alpha, or open Beta to update it. Nothing was saved.',
		});
		// Two partners already saved under one name (by an earlier version): saving either keeps working.
		const twin = assessment('p3', 'alpha', lower);
		expect(saveAssessment(sample, { draft: twin, partners: [alpha, twin] }, twin, 'alpha', newId, now)).toMatchObject({
			ok: true,
			saved: { id: 'p3' },
		});
	});
});
