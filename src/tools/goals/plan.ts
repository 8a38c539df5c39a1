/**
 * From an assessment to a plan: a weak answer's advice becomes a draft micro
 * goal under the macro goal for that partner, created when the partner has
 * none. Pure; `addToPlan` in plan-store.ts saves it through the shared storage.
 */
import { partnerKey } from '../../lib/partner-key.ts';
import { addDays, blankGoal, blankMicro, type GoalsState, type MicroGoal } from './model.ts';

export interface DraftFromAdvice {
	partner: string;
	/** What to do, e.g. the advice's first sentence. */
	action: string;
	/** The rest of the advice, and where it came from. */
	notes: string;
	/** Stable origin, `assessment:<questionnaire>:<question>`: the same answer is never added twice. */
	source: string;
	today: string;
}

export type PlanResult = { ok: true; state: GoalsState; micro: MicroGoal; created: boolean } | { ok: false; message: string };

/** `state` with the draft added to the partner's goal (a new goal when there is none). */
export function addDraft(state: GoalsState, draft: DraftFromAdvice): PlanResult {
	const partner = draft.partner.trim().replace(/\s+/g, ' ');
	const action = draft.action.trim().slice(0, 300);
	if (!partner) return { ok: false, message: 'Name the partner first: the plan is kept per partner.' };
	if (!action) return { ok: false, message: 'This advice has no action to plan.' };
	const existing = state.goals.find((g) => partnerKey(g.partner) === partnerKey(partner));
	const already = existing?.micro.find((m) => m.source === draft.source);
	if (already) return { ok: false, message: `“${already.action}” is already in the plan for ${existing!.partner}.` };
	const micro = blankMicro({ action, notes: draft.notes.trim().slice(0, 2000), source: draft.source.slice(0, 200) });
	const goal =
		existing ??
		blankGoal({
			title: `First partner-sourced deals with ${partner}`.slice(0, 200),
			partner: partner.slice(0, 120),
			metric: 'Partner-sourced deals',
			unit: 'deals',
			target: 1,
			startDate: draft.today,
			dueDate: addDays(draft.today, 180),
		});
	const changed = { ...goal, micro: [...goal.micro, micro], updated: new Date().toISOString() };
	const goals = existing ? state.goals.map((g) => (g.id === existing.id ? changed : g)) : [...state.goals, changed];
	return { ok: true, state: { ...state, goals, open: changed.id }, micro, created: !existing };
}
