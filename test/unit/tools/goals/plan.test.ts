import { describe, expect, test } from 'vitest';
import type { StorageLike } from '../../../../src/lib/storage.ts';
import { checkState } from '../../../../src/tools/goals/check.ts';
import { emptyState } from '../../../../src/tools/goals/model.ts';
import { addDraft } from '../../../../src/tools/goals/plan.ts';
import { addToPlan } from '../../../../src/tools/goals/plan-store.ts';
import { draftFromAdvice } from '../../../../src/tools/questionnaire/to-plan.ts';
import { goal } from './fixtures.ts';

const draft = {
	partner: 'Northwind',
	action: 'Agree on a shared pipeline report',
	notes: 'From “Partner or pen pal?”: they share no pipeline data yet.',
	source: 'assessment:partner-or-pen-pal:pipeline',
	today: '2026-07-02',
};

function memory(): StorageLike {
	const data = new Map<string, string>();
	return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('from an assessment to a plan', () => {
	test('a weak answer becomes a draft micro goal under a new goal for that partner', () => {
		const result = addDraft(emptyState(), draft);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.created).toBe(true);
		const [g] = result.state.goals;
		expect(g).toMatchObject({ partner: 'Northwind', startDate: '2026-07-02', dueDate: '2026-12-29', target: 1 });
		expect(g!.micro).toMatchObject([{ action: draft.action, notes: draft.notes, source: draft.source, status: 'planned' }]);
		expect(checkState(result.state)).toBeDefined();
	});
	test('goes under the partner’s existing goal, and never twice for the same answer', () => {
		const state = { goals: [goal({ partner: 'northwind ' })], open: '', deleted: [] };
		const first = addDraft(state, draft);
		expect(first.ok && [first.created, first.state.goals.length, first.state.goals[0]!.micro.length]).toEqual([false, 1, 1]);
		const again = first.ok ? addDraft(first.state, draft) : first;
		expect(again).toEqual({ ok: false, message: '“Agree on a shared pipeline report” is already in the plan for northwind .' });
	});
	test('saves through the shared storage, and says what it did', () => {
		const storage = memory();
		expect(addToPlan(draft, storage)).toEqual({
			ok: true,
			message: 'Added “Agree on a shared pipeline report” to a new plan for Northwind, as a draft micro goal.',
		});
		expect(
			addToPlan({ ...draft, source: 'assessment:partner-or-pen-pal:resources', action: 'Name a sponsor' }, storage).message,
		).toBe('Added “Name a sponsor” to the plan for Northwind, as a draft micro goal.');
		expect(addToPlan(draft, storage).ok).toBe(false);
		expect(addToPlan(draft, null)).toMatchObject({ ok: false });
	});
	test('a weak answer’s advice: its first sentence is the action, the rest and its origin the notes', () => {
		const q = { id: 'partner-or-pen-pal', title: 'Partner or pen pal?' };
		const question = { id: 'goals', text: 'Do you know what they expect?' };
		const option = {
			label: 'Only in words',
			advice: { text: '  Put a number on each goal.  Deals, pipeline or customers moved!  Then check it. ' },
		};
		expect(draftFromAdvice(q, question, option, ' Northwind ', '2026-07-02')).toEqual({
			partner: 'Northwind',
			action: 'Put a number on each goal.',
			notes:
				'Deals, pipeline or customers moved! Then check it.\n\nFrom “Partner or pen pal?”: Do you know what they expect? Only in words.',
			source: 'assessment:partner-or-pen-pal:goals',
			today: '2026-07-02',
		});
		const one = draftFromAdvice(
			q,
			question,
			{ label: 'No', advice: { text: 'Ask for a sponsor by name' } },
			'Acme',
			'2026-07-02',
		);
		expect([one.action, one.notes]).toEqual([
			'Ask for a sponsor by name',
			'From “Partner or pen pal?”: Do you know what they expect? No.',
		]);
		// The draft is what the plan keeps: added under the partner, and the same answer only once.
		const added = addDraft(emptyState(), one);
		expect(added.ok && added.state.goals[0]!.micro[0]!.source).toBe('assessment:partner-or-pen-pal:goals');
		expect(added.ok && addDraft(added.state, one).ok).toBe(false);
	});
});
