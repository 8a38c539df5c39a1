import { describe, expect, test } from 'vitest';
import { checklistScoringSchema } from '../../../src/schemas/checklist.ts';

const issues = (value: unknown) =>
	checklistScoringSchema.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('checklist settings', () => {
	test('a pinned id alone is valid: scoring is optional', () => {
		expect(checklistScoringSchema.parse({ id: 'eight-habits' })).toEqual({ id: 'eight-habits' });
	});
	test.each([
		['Eight Habits', 'id: should be lower-case letters, digits and single hyphens, e.g. "eight-habits".'],
		['eight--habits', 'id: should be lower-case letters, digits and single hyphens, e.g. "eight-habits".'],
		['habits#self', 'id: should be lower-case letters, digits and single hyphens, e.g. "eight-habits".'],
		['a'.repeat(61), 'id: should be at most 60 characters.'],
	])('a pinned id like %j says how to write one', (id, message) => {
		expect(issues({ id })).toEqual([message]);
	});
	test('bands, when given, are still checked', () => {
		expect(issues({ id: 'x', bands: [] })).toEqual(['bands: needs at least one band.']);
	});
});
