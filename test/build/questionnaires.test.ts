import { readFileSync, writeFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { SEARCHED_PAGES } from '../../src/build/search-index.ts';
import { moveUp, progress, score } from '../../src/tools/questionnaire/scoring.ts';
import { type BuildResult, buildSite, copyFixture, problemsIn, readPage } from '../helpers/build.ts';
import { page, text } from '../helpers/html.ts';

let site: BuildResult;

beforeAll(async () => {
	site = await buildSite('questionnaire-shapes');
	expect(site.code, site.output).toBe(0);
});

/** The definition a built page hands to the browser. */
const definition = (dist: string, path: string) =>
	JSON.parse(page(dist, path).querySelector('script.pb-q-definition')!.textContent);

describe('a questionnaire of another shape, with no code change', () => {
	test('gets its page at /tools/<id>/ with the whole form, indexed by search as a tool', () => {
		const tool = page(site.dist, '/tools/program-readiness/');
		expect(text(tool, 'h1')).toBe('Is your program ready for partners?');
		const body = tool.querySelector('[data-pagefind-body]')!;
		expect(body.getAttribute('data-pagefind-filter')).toBe('type:Tool');
		expect(body.querySelectorAll('section.pb-q-section h2').map((h) => h.text)).toEqual(['The basics', 'Extras']);
		expect(body.querySelectorAll('fieldset legend').map((l) => l.text)).toEqual([
			'Does someone own the partner program? (required)',
			'Is there a budget?',
			'Does the budget cover one joint event a quarter?',
			'Which assets can partners use today?',
			'Do partners get a portal login?',
		]);
		const assets = body.querySelector('fieldset[data-q=assets]')!;
		expect(assets.querySelectorAll('input[type=checkbox]').map((i) => i.getAttribute('value'))).toEqual([
			'demo',
			'cards',
			'slides',
		]);
		for (const input of body.querySelectorAll('input[type=radio], input[type=checkbox], textarea')) {
			expect(body.querySelector(`label[for="${input.getAttribute('id')}"]`), input.getAttribute('id')!).not.toBeNull();
		}
		expect(body.querySelector('fieldset[data-q=portal] input[value=na]')).not.toBeNull();
		expect(body.querySelector('fieldset[data-q=budget-size]')!.getAttribute('data-show-if')).toBe('budget');
		expect(text(body, 'fieldset[data-q=budget-size] .pb-q-when')).toBe('Asked when the answer to “Is there a budget?” is “Yes”.');
		// Search reads it (and the type filter above files it under "Tool").
		expect(matchesGlob('tools/program-readiness/index.html', SEARCHED_PAGES)).toBe(true);
	});

	test('scores as its file says: weights, showIf, N/A, multiple choice and a knockout', () => {
		const q = definition(site.dist, '/tools/program-readiness/');
		expect(q.version).toBe(3);
		// Owner part-time (1 of 3, ×2), budget yes (2 of 2, ×2×2), budget size asked and no (0 of 1, ×2),
		// assets demo + slides (3 of 4), portal N/A: (2 + 8 + 0 + 3) / (6 + 8 + 2 + 4) = 65%.
		const answers = {
			owner: ['part-time'],
			budget: ['yes'],
			'budget-size': ['no'],
			assets: ['demo', 'slides'],
			portal: 'na' as const,
		};
		const result = score(q, answers);
		expect(result.points).toBe(13);
		expect(result.max).toBe(20);
		expect(result.band.verdict).toBe('Almost');
		expect(progress(q, answers).text).toBe('4 of 4 answered');
		// Without a budget, the follow-up is not asked and leaves the maximum.
		expect(score(q, { ...answers, budget: ['no'] }).max).toBe(18);
		expect(progress(q, { budget: ['no'] }).text).toBe('1 of 4 answered');
		// Nobody owning the program caps the verdict, whatever else is true.
		const capped = score(q, { ...answers, owner: ['nobody'], assets: ['demo', 'cards', 'slides'], 'budget-size': ['yes'] });
		expect(capped.scoreBand.verdict).toBe('Almost');
		expect(capped.band.verdict).toBe('Not yet');
		const up = moveUp(q, answers)!;
		expect(up.target.verdict).toBe('Ready');
		expect(up.changes.map((c) => [c.question.id, c.to])).toEqual([['owner', ['full-time']]]);
	});

	test('the Markdown block and the MDX component render the same form, linked to the tool page', () => {
		const form = (path: string) => page(site.dist, path).querySelector('pb-questionnaire')!.outerHTML;
		expect(form('/playbooks/guide/')).toBe(form('/playbooks/twin/'));
		const embedded = page(site.dist, '/playbooks/guide/');
		expect(embedded.querySelectorAll('pb-questionnaire section.pb-q-section h3').map((h) => h.text)).toEqual([
			'The basics',
			'Extras',
		]);
		expect(embedded.querySelector('.pb-q-title a')!.getAttribute('href')).toBe('/tools/program-readiness/');
		expect(embedded.querySelectorAll('script[type=module][src*="QuestionnaireScript"]')).toHaveLength(1);
		expect(page(site.dist, '/playbooks/twin/').querySelectorAll('script[type=module][src*="QuestionnaireScript"]')).toHaveLength(
			1,
		);
	});

	test('the home page and /tools/ list it', () => {
		for (const path of ['/', '/tools/']) {
			const links = page(site.dist, path)
				.querySelectorAll('a')
				.map((a) => a.getAttribute('href'));
			expect(links, path).toContain('/tools/program-readiness/');
		}
	});

	test('feeds and email editions show its questions and a link to answer them on the web', () => {
		const email = readPage(site.dist, '/issues/01-ready/email.html');
		expect(email).not.toContain('pb-questionnaire');
		expect(email).not.toContain('<input');
		expect(email).toContain('<li>Does someone own the partner program?</li>');
		expect(email).toMatch(
			/href="https:\/\/fixture\.example\.com\/issues\/01-ready\/#pb-q-program-readiness-tool"[^>]*>Answer this questionnaire on the web<\/a>/,
		);
		const feed = readFileSync(join(site.dist, 'playbooks/feed.xml'), 'utf8');
		expect(feed).toContain('Answer this questionnaire on the web');
		expect(feed).not.toContain('pb-q-definition');
	});
});

describe('a revised questionnaire', () => {
	test('reaches the Markdown articles that embed it on the next build, though they did not change', async () => {
		const content = copyFixture('questionnaire-shapes', 'questionnaire-revised-content');
		const first = await buildSite(content, { out: 'questionnaire-revised' });
		expect(first.code, first.output).toBe(0);
		const file = join(content, 'questionnaires/program-readiness.yaml');
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace('Is there a budget?', 'Is there a yearly budget?').replace('version: 3', 'version: 4'),
		);
		const second = await buildSite(content, { out: 'questionnaire-revised' });
		expect(second.code, second.output).toBe(0);
		for (const path of ['/playbooks/guide/', '/issues/01-ready/', '/tools/program-readiness/']) {
			const legends = page(second.dist, path)
				.querySelectorAll('fieldset legend')
				.map((l) => l.text);
			expect(legends, path).toContain('Is there a yearly budget?');
			expect(definition(second.dist, path).version, path).toBe(4);
		}
	});
});

describe('broken questionnaires stop the build', () => {
	test('with the file, the field and the fix for every problem', async () => {
		const result = await buildSite('questionnaire-errors');
		expect(result.code).not.toBe(0);
		const file = (name: string) => `test/fixtures/questionnaire-errors/content/questionnaires/${name}.yaml`;
		expect(problemsIn(result.output)).toBe(
			[
				'Pactbook found 19 problems in your content:',
				`${file('cross')}: bands.1.min: is 45 but the band before ends at 40. Set it to 41 so no score is left out or counted twice.`,
				`${file('cross')}: bands.2.max: is 90; the last band must end at 100.`,
				`${file('cross')}: bands.2.min: is 60 but the band before ends at 70. Set it to 71 so no score is left out or counted twice.`,
				`${file('cross')}: questions.0.options.0.knockout: "nowhere" is not a band of this questionnaire. Use one of: low, mid, high.`,
				`${file('cross')}: questions.0.showIf.question: "q2" is asked after this question. Name a question asked earlier, or move this one after it.`,
				`${file('cross')}: questions.1.options: has 1 answer. Give the question at least two, such as "No" and "Yes".`,
				`${file('cross')}: questions.1.section: "two" is not a section of this questionnaire. Use one of: one.`,
				`${file('cross')}: questions.2.id: "q2" is also the id of question 2. Give each question its own id.`,
				`${file('cross')}: questions.2.options.1.id: "no" is also the id of answer 1. An answer’s id is its label in lower case with hyphens unless it sets id:. Give each answer its own label or id.`,
				`${file('cross')}: questions.2.showIf.anyOf.0: "maybe" is not an answer of question q1. Use one of: no, yes.`,
				`${file('cross')}: questions.3.showIf.question: "q9" is not a question of this questionnaire. Name an earlier question's id.`,
				`${file('cross')}: sections.1.id: "one" is also the id of section 1. Give each section its own id.`,
				`${file('links')}: bands.0.next.0.link.href: "/issues/missing" is not a page of this site. Link to an existing page, such as /playbooks/<slug>/, or fix the typo.`,
				`${file('links')}: questions.0.options.0.advice.links.0.href: "/playbooks/no-such-guide/#part" is not a page of this site. Link to an existing page, such as /playbooks/<slug>/, or fix the typo.`,
				`${file('shape')}: questions.0.options.0.score: is required. Add it. For example: score: 2`,
				`${file('shape')}: questions.0.options.0.scroe: is not a known field. Did you mean "score"? Rename it.`,
				`${file('shape')}: questions.0.type: should be single, scale or multiple. For example: type: scale`,
				`${file('shape')}: titel: is not a known field. Did you mean "title"? Rename it.`,
				`${file('shape')}: title: is required. Add it. For example: title: "Partner or pen pal?"`,
			].join('\n'),
		);
	});

	test('a questionnaire block naming no questionnaire, or with an unknown attribute, names the line and the fix', async () => {
		const result = await buildSite('questionnaire-block');
		expect(result.code).not.toBe(0);
		const file = 'test/fixtures/questionnaire-block/content/issues/01-blocks.md';
		expect(problemsIn(result.output)).toBe(
			[
				'Pactbook found 3 problems in your content:',
				`${file}: :::questionnaire (line 10): "program-readyness" is not a questionnaire. Did you mean program-readiness? Use one of: program-readiness.`,
				`${file}: :::questionnaire (line 13): needs id="…", the file name of a questionnaire in content/questionnaires/ without .yaml (one of: program-readiness).`,
				`${file}: :::questionnaire (line 16): size is not an attribute of this block. It takes id, as in :::questionnaire{id="partner-or-pen-pal"}.`,
			].join('\n'),
		);
	});

	test('an MDX component naming no questionnaire names the file and the line', async () => {
		const result = await buildSite('questionnaire-mdx');
		expect(result.code).not.toBe(0);
		expect(problemsIn(result.output)).toBe(
			[
				'Pactbook found 1 problem in your content:',
				'test/fixtures/questionnaire-mdx/content/playbooks/typo.mdx: <Questionnaire id="program-readyness"> (line 10): "program-readyness" is not a questionnaire. Did you mean program-readiness? Use one of: program-readiness.',
			].join('\n'),
		);
	});
});
