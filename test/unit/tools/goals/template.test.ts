import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { microSchema } from '../../../../src/tools/goals/schema.ts';
import { fill, fromTemplate, type GoalTemplate } from '../../../../src/tools/goals/template.ts';
import { goalTemplateSchema } from '../../../../src/tools/goals/template-schema.ts';

const template: GoalTemplate = {
	id: 'joint-webinar',
	title: 'Joint webinar',
	summary: 'Reach their customers.',
	action: 'Co-host a webinar with {partner}',
	measure: 'registrations',
	target: 60,
	dueInDays: 45,
	owner: 'Partner marketing',
	notes: 'Ask {partner} for a date.',
	tactics: [{ what: 'Invite through {partner}', expected: '40 registrations' }],
};

describe('goal templates', () => {
	test('adding one fills the action, the measure and a due date', () => {
		const m = fromTemplate(template, 'Acme', '2026-03-10');
		expect(m).toMatchObject({
			action: 'Co-host a webinar with Acme',
			due: '2026-04-24',
			measure: 'registrations',
			measureTarget: 60,
			measureActual: 0,
			owner: 'Partner marketing',
			notes: 'Ask Acme for a date.',
			status: 'planned',
			source: 'template:joint-webinar',
		});
		expect(m.tactics).toMatchObject([{ what: 'Invite through Acme', expected: '40 registrations', verdict: '' }]);
		expect(microSchema.safeParse(m).success).toBe(true);
	});
	test('a partner name with $ or braces is put in as written', () => {
		expect(fill('With {partner}', '$& {partner} Co')).toBe('With $& {partner} Co');
	});
	test('every sample template is valid', () => {
		const dir = join(import.meta.dirname, '../../../../content/goal-templates');
		const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
		expect(files.length).toBeGreaterThanOrEqual(6);
		for (const file of files) {
			const result = goalTemplateSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
			expect(result.success, `${file}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
		}
	});
});
