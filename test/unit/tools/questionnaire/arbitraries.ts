/** fast-check generators of questionnaires and answers, in the parsed shape the scoring module reads. */
import fc from 'fast-check';
import type { Answer, Questionnaire } from '../../../../src/tools/questionnaire/scoring.ts';

export type Defined = Questionnaire & { id: string };

/** Bands covering 0–100 with no gap or overlap, split at random points. */
const bands = fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 3 }).map((cuts) => {
	const points = [...cuts].sort((a, b) => a - b);
	const starts = [0, ...points];
	return starts.map((min, i) => ({
		id: `b${i}`,
		min,
		max: i + 1 < starts.length ? starts[i + 1]! - 1 : 100,
		verdict: `Band ${i}`,
		summary: `Summary ${i}`,
		next: [],
	}));
});

export interface Shape {
	maxQuestions?: number;
	maxOptions?: number;
	showIf?: boolean;
	knockouts?: boolean;
}

/** A valid questionnaire: 1–3 sections, questions of every type, weights, N/A, showIf on earlier questions, knockouts. */
export function questionnaire({
	maxQuestions = 6,
	maxOptions = 4,
	showIf = true,
	knockouts = true,
}: Shape = {}): fc.Arbitrary<Defined> {
	return fc
		.record({
			sectionWeights: fc.array(fc.constantFrom(0.5, 1, 1.5, 2), { minLength: 1, maxLength: 3 }),
			bands: bands,
			questions: fc.array(
				fc.record({
					section: fc.nat(),
					type: fc.constantFrom('single', 'scale', 'multiple') as fc.Arbitrary<'single' | 'scale' | 'multiple'>,
					weight: fc.constantFrom(0.5, 1, 2, 3),
					allowNA: fc.boolean(),
					scores: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: maxOptions }),
					knockout: fc.option(fc.record({ option: fc.nat(), band: fc.nat() }), { nil: undefined }),
					showIf: fc.option(fc.record({ question: fc.nat(), options: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) }), {
						nil: undefined,
					}),
				}),
				{ minLength: 1, maxLength: maxQuestions },
			),
		})
		.map(({ sectionWeights, bands, questions }) => {
			const sections = sectionWeights.map((weight, i) => ({ id: `s${i}`, title: `Section ${i}`, weight }));
			const built = questions.map((raw, i) => {
				const options = raw.scores.map((score, j) => ({
					id: `o${j}`,
					label: `Option ${j}`,
					score,
					...(knockouts && raw.knockout && raw.knockout.option % raw.scores.length === j
						? { knockout: bands[raw.knockout.band % bands.length]!.id }
						: {}),
				}));
				return {
					id: `q${i}`,
					section: sections[raw.section % sections.length]!.id,
					text: `Question ${i}?`,
					type: raw.type,
					options,
					weight: raw.weight,
					required: false,
					allowNA: raw.allowNA,
					...(showIf && raw.showIf && i > 0 ? { showIf: { question: raw.showIf.question % i, anyOf: [] as string[] } } : {}),
				} as Defined['questions'][number] & { showIf?: { question: string | number; anyOf: string[] } };
			});
			// showIf names an earlier question by id, and some of its options.
			for (const [i, question] of built.entries()) {
				const raw = questions[i]!;
				if (!question.showIf || !raw.showIf) continue;
				const parent = built[question.showIf.question as unknown as number]!;
				question.showIf = {
					question: parent.id,
					anyOf: [...new Set(raw.showIf.options.map((o) => parent.options[o % parent.options.length]!.id))],
				};
			}
			return {
				id: 'generated',
				title: 'Generated',
				summary: 'Generated',
				version: 1,
				sections,
				questions: built,
				bands,
			} as Defined;
		});
}

/** Answers to some of a questionnaire's questions: unanswered, N/A (where allowed), or valid options. */
export function answers(q: Defined): fc.Arbitrary<Record<string, Answer>> {
	const entries = q.questions.map((question) => {
		const ids = question.options.map((o) => o.id);
		const choice: fc.Arbitrary<Answer | undefined> = fc.oneof(
			fc.constant(undefined),
			...(question.allowNA ? [fc.constant('na' as const)] : []),
			question.type === 'multiple'
				? fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: ids.length })
				: fc.constantFrom(...ids).map((id) => [id]),
		);
		return choice.map((answer) => [question.id, answer] as const);
	});
	return fc
		.tuple(...entries)
		.map((pairs) => Object.fromEntries(pairs.filter(([, a]) => a !== undefined)) as Record<string, Answer>);
}

/** A questionnaire with answers to it. */
export const answered = (shape?: Shape) => questionnaire(shape).chain((q) => answers(q).map((a) => ({ q, answers: a })));
