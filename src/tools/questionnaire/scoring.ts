/**
 * The questionnaire's pure logic, shared by the build (the first HTML) and the
 * browser (`element.ts`): which questions are asked, progress, the score and
 * its verdict band, advice, and what would move the verdict up a band.
 * No DOM, no zod, no `astro:*`.
 *
 * Scoring rules:
 * - A question's points are its chosen answer's score (for `multiple`, the
 *   sum of the chosen answers' scores); its maximum is its best answer's score
 *   (for `multiple`, the sum of all scores). Both are multiplied by the
 *   question's weight and its section's weight.
 * - Questions that are not asked (their `showIf` is not met) and questions
 *   answered "not applicable" leave both the points and the maximum.
 * - An unanswered question that is asked counts 0 points against its maximum,
 *   so answering can only add to the score.
 * - The percentage is 100 × points ÷ maximum (0 when nothing counts), and its
 *   rounded value picks the band. A chosen knockout answer caps the verdict at
 *   its band.
 */
import type { QuestionnaireData } from './schema.ts';

export type Questionnaire = QuestionnaireData;
export type Question = Questionnaire['questions'][number];
export type Option = Question['options'][number];
export type Band = Questionnaire['bands'][number];
export type Section = Questionnaire['sections'][number];

/** One question's answer: "not applicable", or the ids of the chosen options (one for single and scale). */
export type Answer = 'na' | readonly string[];
/** Answers by question id; a missing key is unanswered. */
export type Answers = Readonly<Record<string, Answer>>;

/** A section's score. */
export interface SectionScore {
	id: string;
	title: string;
	points: number;
	max: number;
	/** 0–100, or `undefined` when nothing in the section counts. */
	percent: number | undefined;
}

export interface Result {
	points: number;
	max: number;
	/** 0–100 (0 when nothing counts). */
	percent: number;
	/** The band of the rounded percentage, capped by knockouts. */
	band: Band;
	/** The band the score alone reaches. */
	scoreBand: Band;
	/** The knockout answers that cap the verdict, as question and option. */
	knockouts: { question: Question; option: Option }[];
	sections: SectionScore[];
}

/** The ids of the chosen options, or none for unanswered and N/A. */
export const chosen = (answer: Answer | undefined): readonly string[] => (answer === undefined || answer === 'na' ? [] : answer);

/** Whether a question is asked, given the answers so far: every question its `showIf` hangs on must be asked and answered with one of the options. */
export function isAsked(q: Questionnaire, question: Question, answers: Answers): boolean {
	const seen = new Set<string>();
	let current: Question | undefined = question;
	while (current?.showIf) {
		if (seen.has(current.id)) return false;
		seen.add(current.id);
		const parentId: string = current.showIf.question;
		const anyOf: readonly string[] = current.showIf.anyOf;
		if (!chosen(answers[parentId]).some((id) => anyOf.includes(id))) return false;
		current = q.questions.find((other) => other.id === parentId);
	}
	return true;
}

/** The questions asked, in order. */
export function askedQuestions(q: Questionnaire, answers: Answers): Question[] {
	return q.questions.filter((question) => isAsked(q, question, answers));
}

/** Whether an answer is usable for this question (its options exist; one only for single and scale). */
export function validAnswer(question: Question, answer: Answer): boolean {
	if (answer === 'na') return question.allowNA;
	if (!Array.isArray(answer) || answer.length === 0) return false;
	if (question.type !== 'multiple' && answer.length !== 1) return false;
	return answer.every((id) => question.options.some((o) => o.id === id)) && new Set(answer).size === answer.length;
}

function sectionWeight(q: Questionnaire, question: Question): number {
	return q.sections.find((s) => s.id === question.section)?.weight ?? 1;
}

/** A question's best possible raw score (before weights). */
export function questionMax(question: Question): number {
	return question.type === 'multiple'
		? question.options.reduce((sum, o) => sum + o.score, 0)
		: Math.max(...question.options.map((o) => o.score));
}

/** A question's raw score for an answer (before weights). */
export function questionPoints(question: Question, answer: Answer | undefined): number {
	const ids = chosen(answer);
	return question.options.filter((o) => ids.includes(o.id)).reduce((sum, o) => sum + o.score, 0);
}

/** The band that holds a rounded percentage. */
export function bandFor(q: Questionnaire, percent: number): Band {
	const rounded = Math.round(percent);
	return q.bands.find((b) => rounded >= b.min && rounded <= b.max) ?? q.bands[q.bands.length - 1]!;
}

const bandIndex = (q: Questionnaire, band: Band) => q.bands.findIndex((b) => b.id === band.id);

/** Scores a set of answers. */
export function score(q: Questionnaire, answers: Answers): Result {
	let points = 0;
	let max = 0;
	const bySection = new Map(q.sections.map((s) => [s.id, { id: s.id, title: s.title, points: 0, max: 0 }]));
	const knockouts: Result['knockouts'] = [];
	for (const question of askedQuestions(q, answers)) {
		const answer = answers[question.id];
		if (answer === 'na') continue;
		const weight = question.weight * sectionWeight(q, question);
		const p = questionPoints(question, answer) * weight;
		const m = questionMax(question) * weight;
		points += p;
		max += m;
		const section = bySection.get(question.section);
		if (section) {
			section.points += p;
			section.max += m;
		}
		for (const option of question.options) {
			if (option.knockout && chosen(answer).includes(option.id)) knockouts.push({ question, option });
		}
	}
	const percent = max > 0 ? Math.min(100, Math.max(0, (100 * points) / max)) : 0;
	const scoreBand = bandFor(q, percent);
	let band = scoreBand;
	for (const { option } of knockouts) {
		const cap = q.bands.find((b) => b.id === option.knockout);
		if (cap && bandIndex(q, cap) < bandIndex(q, band)) band = cap;
	}
	return {
		points,
		max,
		percent,
		band,
		scoreBand,
		knockouts,
		sections: [...bySection.values()].map((s) => ({ ...s, percent: s.max > 0 ? (100 * s.points) / s.max : undefined })),
	};
}

/** How far the reader is: asked questions answered, not counting N/A answers or questions not asked. */
export function progress(
	q: Questionnaire,
	answers: Answers,
): { answered: number; total: number; text: string; missingRequired: Question[] } {
	const asked = askedQuestions(q, answers).filter((question) => answers[question.id] !== 'na');
	const answered = asked.filter((question) => chosen(answers[question.id]).length > 0).length;
	const missingRequired = asked.filter((question) => question.required && chosen(answers[question.id]).length === 0);
	return { answered, total: asked.length, text: `${answered} of ${asked.length} answered`, missingRequired };
}

/** The advice for every asked question whose chosen answer carries some, in question order. */
export function adviceFor(
	q: Questionnaire,
	answers: Answers,
): { question: Question; option: Option; advice: NonNullable<Option['advice']> }[] {
	return askedQuestions(q, answers).flatMap((question) =>
		question.options.flatMap((option) =>
			option.advice && chosen(answers[question.id]).includes(option.id) ? [{ question, option, advice: option.advice }] : [],
		),
	);
}

/** Percentage rounded for display: "67%". */
export const percentText = (percent: number) => `${Math.round(percent)}%`;

/** One change to make: answer `question` with `answer` (it was `from`). */
export interface Change {
	question: Question;
	from: Answer | undefined;
	to: readonly string[];
}

/** The fewest changes that reach the next band, and the result they give. */
export interface MoveUp {
	/** The band reached (the next one up, or higher). */
	target: Band;
	changes: Change[];
	result: Result;
}

/**
 * The answers a change may set a question to: each option for single and
 * scale; for `multiple`, every non-empty set of its options (up to six
 * options), else each option alone, all of them, and all but the knockouts.
 */
function candidates(question: Question): (readonly string[])[] {
	const ids = question.options.map((o) => o.id);
	if (question.type !== 'multiple') return ids.map((id) => [id]);
	if (ids.length <= 6) {
		const sets: string[][] = [];
		for (let mask = 1; mask < 1 << ids.length; mask++) sets.push(ids.filter((_, i) => mask & (1 << i)));
		return sets;
	}
	const safe = question.options.filter((o) => !o.knockout).map((o) => o.id);
	return [ids, ...(safe.length ? [safe] : []), ...ids.map((id) => [id])];
}

const sameAnswer = (a: Answer | undefined, b: readonly string[]) =>
	a !== undefined && a !== 'na' && a.length === b.length && a.every((id) => b.includes(id));

/** Combinations of `k` indices out of `n`, in lexicographic order. */
function* combinations(n: number, k: number, start = 0, picked: number[] = []): Generator<number[]> {
	if (picked.length === k) {
		yield picked;
		return;
	}
	for (let i = start; i <= n - (k - picked.length); i++) yield* combinations(n, k, i + 1, [...picked, i]);
}

/**
 * What would move the verdict up a band: the fewest answer changes (each sets
 * one question's answer to one of its {@link candidates}; N/A is never
 * suggested, and a changed question must still be asked) after which the
 * verdict is a higher band than now. Among equally short ways, the one with the highest
 * score wins, then the earliest questions. Returns `undefined` at the top band,
 * or when no change reaches a higher one. The search is exhaustive by number
 * of changes, so no shorter way exists; `limit` caps the answers it tries
 * (a questionnaire of a few dozen questions stays far below it).
 */
export function moveUp(q: Questionnaire, answers: Answers, limit = 2_000_000): MoveUp | undefined {
	const now = score(q, answers);
	const current = bandIndex(q, now.band);
	if (current === q.bands.length - 1) return undefined;
	const questions = q.questions;
	const needed = q.bands[current + 1]!.min;
	// Without showIf, changing a question can at most give it its best score (an N/A one also adds its maximum):
	// a set of questions whose best cannot reach the next band is skipped whole.
	const bounded = !questions.some((question) => question.showIf);
	const gain = questions.map((question) => {
		const weight = question.weight * sectionWeight(q, question);
		const answer = answers[question.id];
		const max = questionMax(question) * weight;
		return answer === 'na' ? { points: max, max } : { points: max - questionPoints(question, answer) * weight, max: 0 };
	});
	const reachable = (picked: number[]) => {
		const points = picked.reduce((sum, i) => sum + gain[i]!.points, now.points);
		const max = picked.reduce((sum, i) => sum + gain[i]!.max, now.max);
		return max > 0 && Math.round((100 * points) / max) >= needed;
	};
	let tried = 0;
	for (let k = 1; k <= questions.length; k++) {
		let best: MoveUp | undefined;
		for (const picked of combinations(questions.length, k)) {
			if (bounded && !reachable(picked)) continue;
			const options = picked.map((i) => candidates(questions[i]!).filter((c) => !sameAnswer(answers[questions[i]!.id], c)));
			if (options.some((o) => o.length === 0)) continue;
			const choice = picked.map(() => 0);
			for (;;) {
				if (++tried > limit) return best;
				const next: Record<string, Answer> = { ...answers };
				picked.forEach((i, j) => {
					next[questions[i]!.id] = options[j]![choice[j]!]!;
				});
				// A change to a question that is not asked afterwards is no change the reader can make.
				const asked = picked.every((i) => isAsked(q, questions[i]!, next));
				if (asked) {
					const result = score(q, next);
					if (bandIndex(q, result.band) > current && (!best || result.percent > best.result.percent)) {
						best = {
							target: result.band,
							result,
							changes: picked.map((i, j) => ({
								question: questions[i]!,
								from: answers[questions[i]!.id],
								to: options[j]![choice[j]!]!,
							})),
						};
					}
				}
				let j = 0;
				while (j < choice.length && ++choice[j]! >= options[j]!.length) choice[j++] = 0;
				if (j === choice.length) break;
			}
		}
		if (best) return best;
	}
	return undefined;
}

/** Labels of an answer's options, for messages: "Partly", "Webinars, Training", "Not applicable", "no answer". */
export function answerLabel(question: Question, answer: Answer | undefined): string {
	if (answer === 'na') return 'Not applicable';
	const ids = chosen(answer);
	if (!ids.length) return 'no answer';
	return question.options
		.filter((o) => ids.includes(o.id))
		.map((o) => o.label)
		.join(', ');
}
