/** Saves a draft micro goal into the reader's plan, for other tools (a questionnaire's "add to a plan"). */
import { createStore, type StorageLike, storageKey } from '../../lib/storage.ts';
import { checkState } from './check.ts';
import { emptyState, GOALS_VERSION, mergeStates } from './model.ts';
import { addDraft, type DraftFromAdvice } from './plan.ts';

/** Adds the draft and says what happened, in words for the reader. */
export function addToPlan(draft: DraftFromAdvice, storage?: StorageLike | null): { ok: boolean; message: string } {
	const store = createStore({
		key: storageKey('goals', 'plan'),
		version: GOALS_VERSION,
		parse: checkState,
		merge: mergeStates,
		...(storage === undefined ? {} : { storage }),
	});
	const loaded = store.load();
	if (loaded.status === 'unavailable' || loaded.status === 'newer') return { ok: false, message: loaded.message };
	const result = addDraft(loaded.status === 'ok' ? loaded.data : emptyState(), draft);
	if (!result.ok) return result;
	const saved = store.save(result.state);
	if (!saved.ok) return saved;
	const goal = result.state.goals.find((g) => g.id === result.state.open)!;
	return {
		ok: true,
		message: `Added “${result.micro.action}” to ${result.created ? 'a new plan' : 'the plan'} for ${goal.partner}, as a draft micro goal.`,
	};
}
