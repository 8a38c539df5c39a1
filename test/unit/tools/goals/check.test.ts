import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkState } from '../../../../src/tools/goals/check.ts';
import { stateSchema } from '../../../../src/tools/goals/schema.ts';
import { goals } from './arbitraries.ts';
import { goal } from './fixtures.ts';

type Json = unknown;

/** Every place in a JSON value: the path to it. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
	const here = [at];
	if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => paths(v, [...at, i])));
	if (typeof value === 'object' && value !== null)
		return here.concat(Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k])));
	return here;
}

/** `value` with the thing at `path` replaced by `junk`, removed, or given an extra field. */
function mutate(value: Json, path: (string | number)[], how: 'replace' | 'remove' | 'extra', junk: Json): Json {
	const copy = structuredClone(value) as Record<string | number, Json>;
	if (path.length === 0) return how === 'replace' ? junk : copy;
	let parent = copy;
	for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
	const last = path.at(-1)!;
	if (how === 'replace') parent[last] = junk;
	else if (how === 'remove') {
		if (Array.isArray(parent)) parent.splice(Number(last), 1);
		else delete parent[last];
	} else {
		const target = parent[last];
		if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, Json>).extra = junk;
		else parent[last] = junk;
	}
	return copy;
}

const junk = fc.oneof(
	fc.jsonValue(),
	fc.constantFrom('', ' ', '2026-02-30', '2026-01-01', 'planned', 'drop', -1, 0, 11, 100.5, 1e300, null),
	fc.string({ minLength: 2001, maxLength: 2100 }),
);

describe('the saved-state check agrees with the zod schema', () => {
	test('on valid states', () => {
		fc.assert(
			fc.property(goals, (list) => {
				const state = { goals: list, open: '', deleted: [] };
				expect(checkState(state)).toBe(state);
			}),
		);
	});
	test('on states with one thing changed, removed or added', () => {
		fc.assert(
			fc.property(goals, fc.nat(), fc.constantFrom('replace', 'remove', 'extra'), junk, (list, pick, how, value) => {
				const state = JSON.parse(JSON.stringify({ goals: list, open: '', deleted: [] }));
				const all = paths(state);
				const bad = mutate(state, all[pick % all.length]!, how as 'replace', value);
				expect(checkState(bad) !== undefined).toBe(stateSchema.safeParse(bad).success);
			}),
			{ numRuns: 2000 },
		);
	});
	test('on cross-field rules', () => {
		const cases = [
			goal({ dueDate: '2025-12-31' }),
			goal({ target: -1 }),
			goal({ stretch: 50 }),
			goal({ phases: [{ date: '2027-01-01', percent: 10 }] }),
			goal({
				phases: [
					{ date: '2026-03-01', percent: 30 },
					{ date: '2026-04-01', percent: 20 },
				],
			}),
		];
		for (const g of cases) {
			const state = { goals: [g], open: '', deleted: [] };
			expect([checkState(state), stateSchema.safeParse(state).success]).toEqual([undefined, false]);
		}
		const twice = { goals: [goal(), goal({ id: 'other', partner: ' ACME ' })], open: '', deleted: [] };
		expect([checkState(twice), stateSchema.safeParse(twice).success]).toEqual([undefined, false]);
	});
});
