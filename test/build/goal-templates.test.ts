import { describe, expect, test } from 'vitest';
import { buildSite, problemsIn } from '../helpers/build.ts';

describe('goal templates', () => {
	test('a broken template stops the build, naming the file, the field and the fix', async () => {
		const result = await buildSite('bad-goal-template');
		expect(result.code, result.output).not.toBe(0);
		expect(problemsIn(result.output)).toMatchInlineSnapshot(`
			"Pactbook found 8 problems in your content:
			test/fixtures/bad-goal-template/content/goal-templates/again.yaml: title: "Joint webinar" is also used by test/fixtures/bad-goal-template/content/goal-templates/copy.yaml. Give each goal template its own title, so readers can tell them apart.
			test/fixtures/bad-goal-template/content/goal-templates/broken.yaml: action: uses a placeholder other than {partner}. Write {partner} where the partner's name goes, or remove the braces. For example: action: "Co-host a webinar with {partner}"
			test/fixtures/bad-goal-template/content/goal-templates/broken.yaml: dueInDays: should be at most 366 days: split a longer step into smaller ones. For example: dueInDays: 45
			test/fixtures/bad-goal-template/content/goal-templates/broken.yaml: measur: is not a known field. Did you mean "measure"? Rename it.
			test/fixtures/bad-goal-template/content/goal-templates/broken.yaml: measure: is required. Add it. For example: measure: "registrations"
			test/fixtures/bad-goal-template/content/goal-templates/broken.yaml: tactics.0.expected: is required. Add it. For example: expected: "30 registrations"
			test/fixtures/bad-goal-template/content/goal-templates/broken.yaml: target: should be more than 0. For example: target: 50
			test/fixtures/bad-goal-template/content/goal-templates/copy.yaml: title: "Joint webinar" is also used by test/fixtures/bad-goal-template/content/goal-templates/again.yaml. Give each goal template its own title, so readers can tell them apart."
		`);
	});
	test('a :::goal-builder block with an attribute stops the build with its line and the fix', async () => {
		const result = await buildSite('bad-goal-block');
		expect(result.code, result.output).not.toBe(0);
		expect(problemsIn(result.output)).toMatchInlineSnapshot(`
			"Pactbook found 1 problem in your content:
			test/fixtures/bad-goal-block/content/playbooks/embed.md: :::goal-builder (line 10): takes no attributes, but has "partner". Write the line as \`:::goal-builder\` and close it with \`:::\`."
		`);
	});
});
