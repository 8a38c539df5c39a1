import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	type Answer,
	type Answers,
	adviceFor,
	askedQuestions,
	isAsked,
	moveUp,
	progress,
	type Questionnaire,
	questionMax,
	questionPoints,
	score,
} from '../../../../src/tools/questionnaire/scoring.ts';
import { answered, type Defined, questionnaire } from './arbitraries.ts';
import { sample } from './sample.ts';

const best = (q: Questionnaire): Record<string, Answer> =>
	Object.fromEntries(
		q.questions.map((question) => {
			const top = [...question.options].sort((a, b) => b.score - a.score)[0]!;
			return [question.id, question.type === 'multiple' ? question.options.map((o) => o.id) : [top.id]];
		}),
	);
const bandIndex = (q: Questionnaire, id: string) => q.bands.findIndex((b) => b.id === id);

describe('the sample questionnaire', () => {
	test('starts empty: 0 of 10 answered, 0%, pen pal', () => {
		expect(progress(sample, {}).text).toBe('0 of 10 answered');
		const result = score(sample, {});
		expect(result.percent).toBe(0);
		expect(result.band.verdict).toBe('Pen pal');
	});

	test('the best answers make a partner at 100%, with no advice', () => {
		const result = score(sample, best(sample));
		expect(result.percent).toBe(100);
		expect(result.band.verdict).toBe('Partner');
		expect(adviceFor(sample, best(sample))).toEqual([]);
		expect(progress(sample, best(sample)).text).toBe('10 of 10 answered');
	});

	test('weights: resources counts double in a section that counts one and a half', () => {
		// Everything best except resources at "People, no budget" (1 of 2): loses 0.5 × 2 × 1.5 × 2 = 3 of the maximum.
		const answers = { ...best(sample), resources: ['people-no-budget'] };
		const { points, max } = score(sample, answers);
		expect(max).toBe(2 * (3 + 1.5 * (2 + 1 + 1) + 4));
		expect(max - points).toBe(1 * 2 * 1.5);
	});

	test('N/A leaves the question out of the maximum, and out of the progress count', () => {
		const answers = { ...best(sample), customers: 'na' as const };
		expect(score(sample, answers).max).toBe(score(sample, best(sample)).max - 2 * 1.5);
		expect(score(sample, answers).percent).toBe(100);
		expect(progress(sample, answers).text).toBe('9 of 9 answered');
	});

	test('a knockout caps the verdict whatever the score', () => {
		const answers = { ...best(sample), goals: ['refused'] };
		const result = score(sample, answers);
		expect(result.scoreBand.verdict).toBe('Partner');
		expect(result.band.verdict).toBe('Pen pal');
		expect(result.knockouts.map((k) => k.question.id)).toEqual(['goals']);
	});

	test('advice for each answer that carries some, in question order, with its links', () => {
		const advice = adviceFor(sample, { ...best(sample), level: ['vaguely'], resources: ['nobody'] });
		expect(advice.map((a) => a.question.id)).toEqual(['level', 'resources']);
		expect(advice[0]!.advice.links[0]!.href).toBe('/playbooks/paper-partnerships/#ten-topics-to-cover-with-every-new-partner');
	});

	test('move up: from pen pal by a knockout, the one change is to undo the knockout', () => {
		const answers = { ...best(sample), goals: ['refused'] };
		const up = moveUp(sample, answers)!;
		expect(up.changes.map((c) => [c.question.id, c.to])).toEqual([['goals', ['numbers']]]);
		expect(up.target.verdict).toBe('Partner');
	});

	test('move up from an empty questionnaire names the fewest answers that reach promising', () => {
		const up = moveUp(sample, {})!;
		expect(up.target.verdict).toBe('Promising');
		expect(up.result.percent).toBeGreaterThanOrEqual(50);
		// The heaviest questions first: resources (2 × 1.5 = 3 of 29 points of maximum) and the other commitment questions.
		expect(up.changes.length).toBeLessThanOrEqual(7);
		expect(moveUp(sample, best(sample))).toBeUndefined();
	});
});

describe('showIf', () => {
	const q: Defined = {
		id: 't',
		title: 'T',
		summary: 'S',
		version: 1,
		sections: [{ id: 'a', title: 'A', weight: 1 }],
		bands: [
			{ id: 'low', min: 0, max: 49, verdict: 'Low', summary: 's', next: [] },
			{ id: 'high', min: 50, max: 100, verdict: 'High', summary: 's', next: [] },
		],
		questions: [
			{
				id: 'has',
				section: 'a',
				text: 'Has?',
				type: 'single',
				weight: 1,
				required: false,
				allowNA: false,
				options: [
					{ id: 'no', label: 'No', score: 0 },
					{ id: 'yes', label: 'Yes', score: 1 },
				],
			},
			{
				id: 'how',
				section: 'a',
				text: 'How?',
				type: 'single',
				weight: 1,
				required: true,
				allowNA: false,
				showIf: { question: 'has', anyOf: ['yes'] },
				options: [
					{ id: 'bad', label: 'Bad', score: 0 },
					{ id: 'good', label: 'Good', score: 1 },
				],
			},
			{
				id: 'deeper',
				section: 'a',
				text: 'Deeper?',
				type: 'single',
				weight: 1,
				required: false,
				allowNA: false,
				showIf: { question: 'how', anyOf: ['good'] },
				options: [
					{ id: 'x', label: 'X', score: 0 },
					{ id: 'y', label: 'Y', score: 1 },
				],
			},
		],
	};

	test('a hidden question is not asked, not counted in progress and leaves the maximum, even with a stale answer', () => {
		const answers: Answers = { has: ['no'], how: ['good'], deeper: ['y'] };
		expect(askedQuestions(q, answers).map((x) => x.id)).toEqual(['has']);
		expect(progress(q, answers).text).toBe('1 of 1 answered');
		expect(score(q, answers).max).toBe(1);
		// A question is hidden when the one it hangs on is hidden, whatever that one's stale answer.
		expect(isAsked(q, q.questions[2]!, { has: ['no'], how: ['good'] })).toBe(false);
		expect(progress(q, { has: ['yes'] })).toMatchObject({ text: '1 of 2 answered', missingRequired: [q.questions[1]] });
	});
});

describe('scoring properties', () => {
	test('the score always lies in 0–100, and the percentage is points over maximum', () => {
		fc.assert(
			fc.property(answered(), ({ q, answers }) => {
				const result = score(q, answers);
				expect(result.percent).toBeGreaterThanOrEqual(0);
				expect(result.percent).toBeLessThanOrEqual(100);
				expect(result.percent).toBeCloseTo(result.max > 0 ? (100 * result.points) / result.max : 0, 9);
			}),
		);
	});

	test('every reachable score falls in exactly one band', () => {
		fc.assert(
			fc.property(answered(), ({ q, answers }) => {
				const rounded = Math.round(score(q, answers).percent);
				expect(q.bands.filter((b) => rounded >= b.min && rounded <= b.max)).toHaveLength(1);
				expect(score(q, answers).scoreBand).toBe(q.bands.find((b) => rounded >= b.min && rounded <= b.max));
			}),
		);
	});

	test('raising an answer’s score never lowers the total (questions no showIf hangs on)', () => {
		fc.assert(
			fc.property(answered(), fc.nat(), fc.nat(), ({ q, answers }, pick, to) => {
				const free = q.questions.filter(
					(question) => question.type !== 'multiple' && !q.questions.some((other) => other.showIf?.question === question.id),
				);
				if (!free.length) return;
				const question = free[pick % free.length]!;
				const answer = answers[question.id];
				if (answer === 'na' || !isAsked(q, question, answers)) return;
				const option = question.options[to % question.options.length]!;
				if (answer && option.score < questionPoints(question, answer)) return;
				const before = score(q, answers);
				const after = score(q, { ...answers, [question.id]: [option.id] });
				expect(after.points).toBeGreaterThanOrEqual(before.points);
				expect(after.percent).toBeGreaterThanOrEqual(before.percent - 1e-9);
			}),
		);
	});

	test('N/A and hidden questions leave the maximum: it is the weighted best of the asked, answerable questions', () => {
		fc.assert(
			fc.property(answered(), ({ q, answers }) => {
				const expected = askedQuestions(q, answers)
					.filter((question) => answers[question.id] !== 'na')
					.reduce(
						(sum, question) =>
							sum + questionMax(question) * question.weight * q.sections.find((s) => s.id === question.section)!.weight,
						0,
					);
				expect(score(q, answers).max).toBeCloseTo(expected, 9);
			}),
		);
	});

	test('weights behave: scaling every weight keeps the percentage; a question of weight 2 counts as two of weight 1', () => {
		fc.assert(
			fc.property(answered({ showIf: false }), fc.constantFrom(0.5, 2, 3), ({ q, answers }, factor) => {
				const scaled = { ...q, questions: q.questions.map((question) => ({ ...question, weight: question.weight * factor })) };
				expect(score(scaled, answers).percent).toBeCloseTo(score(q, answers).percent, 9);
				const [first, ...rest] = q.questions;
				const doubled = { ...q, questions: [{ ...first!, weight: first!.weight * 2 }, ...rest] };
				const twice = { ...q, questions: [first!, { ...first!, id: `${first!.id}-copy` }, ...rest] };
				const copy = answers[first!.id] === undefined ? answers : { ...answers, [`${first!.id}-copy`]: answers[first!.id]! };
				expect(score(doubled, answers).percent).toBeCloseTo(score(twice, copy).percent, 9);
			}),
		);
	});

	test('a chosen knockout caps the verdict at its band', () => {
		fc.assert(
			fc.property(answered(), ({ q, answers }) => {
				const result = score(q, answers);
				for (const { option } of result.knockouts)
					expect(bandIndex(q, result.band.id)).toBeLessThanOrEqual(bandIndex(q, option.knockout!));
				if (!result.knockouts.length) expect(result.band).toBe(result.scoreBand);
			}),
		);
	});
});

/** Every answer a change may set, as the solver documents it: each option; for multiple, every non-empty set. */
function targets(question: Questionnaire['questions'][number]): string[][] {
	const ids = question.options.map((o) => o.id);
	if (question.type !== 'multiple') return ids.map((id) => [id]);
	const sets: string[][] = [];
	for (let mask = 1; mask < 1 << ids.length; mask++) sets.push(ids.filter((_, i) => mask & (1 << i)));
	return sets;
}

/** The fewest changes reaching a higher band, by trying every combination of answers. */
function bruteForce(q: Questionnaire, answers: Answers): number | undefined {
	const current = bandIndex(q, score(q, answers).band.id);
	const same = (a: Answer | undefined, b: string[]) => Array.isArray(a) && a.length === b.length && a.every((x) => b.includes(x));
	let fewest: number | undefined;
	const walk = (i: number, next: Record<string, Answer>, changed: string[]) => {
		if (i === q.questions.length) {
			if (!changed.length || (fewest !== undefined && changed.length >= fewest)) return;
			if (!changed.every((id) => isAsked(q, q.questions.find((x) => x.id === id)!, next))) return;
			if (bandIndex(q, score(q, next).band.id) > current) fewest = changed.length;
			return;
		}
		const question = q.questions[i]!;
		walk(i + 1, next, changed);
		for (const target of targets(question)) {
			if (same(answers[question.id], target)) continue;
			walk(i + 1, { ...next, [question.id]: target }, [...changed, question.id]);
		}
	};
	walk(0, { ...answers }, []);
	return fewest;
}

describe('what would move it up a band', () => {
	test('the suggested changes really reach a higher band, and no shorter way exists', () => {
		fc.assert(
			fc.property(answered({ maxQuestions: 4, maxOptions: 3 }), ({ q, answers }) => {
				const up = moveUp(q, answers);
				const fewest = bruteForce(q, answers);
				if (!up) {
					expect(fewest).toBeUndefined();
					return;
				}
				const next: Record<string, Answer> = { ...answers };
				for (const change of up.changes) next[change.question.id] = change.to;
				const reached = score(q, next);
				expect(reached).toEqual(up.result);
				expect(bandIndex(q, reached.band.id)).toBeGreaterThan(bandIndex(q, score(q, answers).band.id));
				expect(up.changes.length).toBe(fewest);
			}),
			{ numRuns: 150 },
		);
	});

	test('is undefined at the top band', () => {
		fc.assert(
			fc.property(questionnaire({ knockouts: false, showIf: false }), (q) => {
				expect(moveUp(q, best(q))).toBeUndefined();
			}),
		);
	});
});
