/** Arbitrary valid goal-builder data, for property tests. */
import fc from 'fast-check';
import type { MacroGoal } from '../../../../src/tools/goals/model.ts';

const day = fc.integer({ min: 19_000, max: 22_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const words = fc.string({ unit: 'grapheme', maxLength: 30 });
const name = words.filter((s) => s.trim() !== '' && s.length <= 100);
// JSON has no −0: it reads back as 0, which is the same number to the builder.
const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((n) => n + 0);
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const tactic = fc.record({
	id,
	what: name,
	expected: words,
	when: fc.oneof(day, fc.constant('')),
	happened: words,
	verdict: fc.constantFrom('keep', 'tweak', 'drop', '') as fc.Arbitrary<'keep' | 'tweak' | 'drop' | ''>,
	lesson: words,
});
const microGoal = fc.record({
	id,
	action: name,
	owner: words,
	due: fc.oneof(day, fc.constant('')),
	measure: words,
	measureTarget: fc.option(num, { nil: null }),
	measureActual: fc.option(num, { nil: null }),
	contribution: fc.option(num, { nil: null }),
	status: fc.constantFrom('planned', 'in-progress', 'done', 'blocked', 'dropped') as fc.Arbitrary<
		MacroGoal['micro'][number]['status']
	>,
	doneOn: fc.oneof(day, fc.constant('')),
	notes: words,
	source: words,
	tactics: fc.array(tactic, { maxLength: 3 }),
});
export const macroGoal: fc.Arbitrary<MacroGoal> = fc
	.record({
		id,
		title: name,
		partner: name,
		metric: name,
		unit: fc.string({ maxLength: 5 }),
		increase: fc.boolean(),
		start: num,
		span: fc.double({ noNaN: true, min: 0, max: 1e6 }),
		stretch: fc.option(fc.double({ noNaN: true, min: 0, max: 1e6 }), { nil: null }),
		startDay: fc.integer({ min: 19_000, max: 21_000 }),
		length: fc.integer({ min: 4, max: 800 }),
		percents: fc.array(fc.double({ noNaN: true, min: 0, max: 100 }), { maxLength: 3 }),
		checkIns: fc.array(fc.record({ id, date: day, value: num, confidence: fc.integer({ min: 0, max: 10 }), note: words }), {
			maxLength: 4,
		}),
		micro: fc.array(microGoal, { maxLength: 4 }),
		updated: fc
			.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2030-01-01') })
			.map((d) => d.toISOString()),
	})
	.map((r) => {
		const sign = r.increase ? 1 : -1;
		const plus = (a: number, b: number) => a + b + 0;
		const target = plus(r.start, sign * r.span);
		const toDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
		const percents = [...r.percents].sort((a, b) => a - b);
		return {
			id: r.id,
			title: r.title,
			partner: r.partner,
			metric: r.metric,
			unit: r.unit,
			direction: r.increase ? 'increase' : 'decrease',
			start: r.start,
			target,
			stretch: r.stretch === null ? null : plus(target, sign * r.stretch),
			startDate: toDay(r.startDay),
			dueDate: toDay(r.startDay + r.length),
			phases: percents.map((percent, i) => ({ date: toDay(r.startDay + i + 1), percent })),
			checkIns: r.checkIns,
			micro: r.micro,
			lastExport: null,
			updated: r.updated,
		} satisfies MacroGoal;
	});
export const goals = fc
	.array(macroGoal, { maxLength: 3 })
	.map((list) =>
		list.filter(
			(g, i) =>
				list.findIndex(
					(o) =>
						o.id === g.id ||
						o.partner.trim().replace(/\s+/g, ' ').toLowerCase() === g.partner.trim().replace(/\s+/g, ' ').toLowerCase(),
				) === i,
		),
	);
