import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkLinks, defineQuestionnaire, questionnaireSchema } from '../../../../src/tools/questionnaire/schema.ts';
import { moveUp, score } from '../../../../src/tools/questionnaire/scoring.ts';
import { sitePaths } from '../../../../src/tools/questionnaire/site-paths.ts';

const ROOT = join(import.meta.dirname, '../../../..');

describe('the README’s questionnaire reference', () => {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('### Questionnaires'));
	const example = /A worked example[^\n]*\n\n```yaml\n([\s\S]*?)```/.exec(section)![1]!;

	test('its worked example is a valid questionnaire whose links lead to pages of the sample site', () => {
		const parsed = questionnaireSchema.safeParse(parse(example));
		expect(parsed.error?.issues).toBeUndefined();
		expect(checkLinks('README.md', parsed.data!, sitePaths(join(ROOT, 'content')))).toEqual([]);
	});

	test('scores the way the README says', () => {
		const q = defineQuestionnaire('readiness', questionnaireSchema.parse(parse(example)));
		const answers = {
			owner: ['part-time'],
			budget: ['yes'],
			'budget-size': ['no'],
			assets: ['demo', 'slides'],
			portal: 'na' as const,
		};
		expect(section).toContain('(2 + 8 + 0 + 3) / (6 + 8 + 2 + 4) = 65%: "Almost"');
		expect(score(q, answers)).toMatchObject({ points: 13, max: 20, percent: 65, band: { verdict: 'Almost' } });
		const up = moveUp(q, answers)!;
		expect(up.changes.map((c) => [c.question.id, c.to])).toEqual([['owner', ['full-time']]]);
		expect(up.target.verdict).toBe('Ready');
	});

	test('documents every field of the schema', () => {
		const fields = [
			...Object.keys(questionnaireSchema.shape),
			'weight',
			'help',
			'type',
			'required',
			'allowNA',
			'showIf',
			'label',
			'score',
			'advice',
			'knockout',
			'verdict',
			'next',
		];
		for (const field of fields) expect(section, field).toContain(`\`${field}\``);
	});
});
