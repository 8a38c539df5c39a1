/**
 * Comparisons, loaded on first use: two sides of one partnership question by
 * question, and two to four partners section by section.
 */
import {
	type Answers,
	answerLabel,
	isAsked,
	type Question,
	type Questionnaire,
	questionMax,
	questionPoints,
	score,
} from './scoring.ts';

/** One question as both sides answered it. */
export interface Disagreement {
	question: Question;
	mine: string;
	theirs: string;
	/** Each side's score on the question as a share of its best, 0–1; `undefined` when not answered (or N/A, or not asked). */
	mineShare: number | undefined;
	theirsShare: number | undefined;
	/** |mine − theirs|, 0–1; `undefined` unless both answered. */
	gap: number | undefined;
}

function share(q: Questionnaire, question: Question, answers: Answers): number | undefined {
	const answer = answers[question.id];
	if (answer === undefined || answer === 'na' || !isAsked(q, question, answers)) return undefined;
	const max = questionMax(question);
	return max > 0 ? questionPoints(question, answer) / max : 0;
}

/**
 * Both sides compared question by question: questions both answered first,
 * biggest disagreement first (ties in question order), then the questions only
 * one side answered, in question order.
 */
export function compareSides(q: Questionnaire, mine: Answers, theirs: Answers): Disagreement[] {
	const rows = q.questions.map((question, index) => {
		const mineShare = share(q, question, mine);
		const theirsShare = share(q, question, theirs);
		const gap = mineShare !== undefined && theirsShare !== undefined ? Math.abs(mineShare - theirsShare) : undefined;
		return {
			index,
			row: {
				question,
				mine: answerLabel(question, mine[question.id]),
				theirs: answerLabel(question, theirs[question.id]),
				mineShare,
				theirsShare,
				gap,
			},
		};
	});
	const both = rows.filter((r) => r.row.gap !== undefined).sort((a, b) => b.row.gap! - a.row.gap! || a.index - b.index);
	const one = rows.filter((r) => r.row.gap === undefined && (r.row.mineShare !== undefined || r.row.theirsShare !== undefined));
	return [...both, ...one].map((r) => r.row);
}

/** Several partners side by side: overall and per-section percentages, and each verdict. */
export function comparePartners(q: Questionnaire, partners: { name: string; answers: Answers }[]) {
	const results = partners.map((p) => ({ name: p.name, result: score(q, p.answers) }));
	return {
		partners: results.map(({ name, result }) => ({ name, percent: result.percent, verdict: result.band.verdict })),
		sections: q.sections.map((section) => ({
			id: section.id,
			title: section.title,
			percents: results.map(({ result }) => result.sections.find((s) => s.id === section.id)?.percent),
		})),
	};
}
