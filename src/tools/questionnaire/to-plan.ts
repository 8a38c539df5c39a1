/**
 * A weak answer's advice as a draft micro goal for the goal builder: its
 * first sentence is the action, the rest and where it came from the notes.
 * Pure; loaded with the plan code on the first "Add to a plan".
 */
import type { DraftFromAdvice } from '../goals/plan.ts';
import type { Option, Question } from './scoring.ts';

/** The draft for `partner` from the advice on `option` of `question`, in questionnaire `q`. */
export function draftFromAdvice(
	q: { id: string; title: string },
	question: Pick<Question, 'id' | 'text'>,
	option: Pick<Option, 'label'> & { advice?: { text: string } | undefined },
	partner: string,
	today: string,
): DraftFromAdvice {
	const text = (option.advice?.text ?? '').trim().replace(/\s+/g, ' ');
	const end = text.search(/[.!?](\s|$)/);
	const action = end === -1 ? text : text.slice(0, end + 1);
	const rest = text.slice(action.length).trim();
	return {
		partner: partner.trim(),
		action,
		notes: `${rest ? `${rest}\n\n` : ''}From “${q.title}”: ${question.text} ${option.label}.`,
		source: `assessment:${q.id}:${question.id}`,
		today,
	};
}
