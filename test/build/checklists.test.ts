import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, buildSite, copyFixture, problemsIn, withDevServer } from '../helpers/build.ts';
import { page } from '../helpers/html.ts';

let site: BuildResult;

beforeAll(async () => {
	site = await buildSite('checklist');
	expect(site.code, site.output).toBe(0);
});

const ids = (dist: string) =>
	page(dist, '/playbooks/habits/')
		.querySelectorAll('pb-checklist')
		.map((list) => [list.getAttribute('data-key'), list.querySelectorAll('li.pb-check').map((li) => li.getAttribute('data-id'))]);

describe('task lists become checklists', () => {
	test('every list gets a key from its page and heading, every item a stable id', () => {
		expect(ids(site.dist)).toEqual([
			[
				'playbooks/habits#self-check',
				['channels', 'we-verify-a-partners-credibility-before', 'both-sides-get-something-they-value'],
			],
			['playbooks/habits#due-diligence', ['checked-references', 'checked-references-2']],
		]);
	});

	test('each item is a labelled checkbox; advice and scoring travel with the list', () => {
		const html = page(site.dist, '/playbooks/habits/');
		const first = html.querySelector('li[data-id=channels]')!;
		const box = first.querySelector('input[type=checkbox]')!;
		expect(first.querySelector(`label[for="${box.id}"]`)?.text).toBe('We agree on one channel per topic');
		expect(first.querySelector('.pb-advice a')?.getAttribute('href')).toBe('#first-habit');
		expect(html.querySelector('li[data-id=both-sides-get-something-they-value] input')?.getAttribute('data-default')).toBe(
			'checked',
		);
		const list = html.querySelector('pb-checklist')!;
		expect(list.getAttribute('data-title')).toBe('Habits self-check');
		expect(JSON.parse(list.getAttribute('data-bands')!).map((b: { verdict: string }) => b.verdict)).toEqual([
			'At risk',
			'Getting there',
			'Strong',
		]);
		expect(html.querySelectorAll('pb-checklist')[1]?.getAttribute('data-title')).toBe('Due diligence');
		expect(html.querySelectorAll('ol.pb-checklist-items')).toHaveLength(1);
		expect(html.querySelectorAll('script[type=module][src*="ChecklistScript"]')).toHaveLength(1);
	});

	test('without JavaScript the list reads as boxes and text, and no {#id} shows', () => {
		const lists = page(site.dist, '/playbooks/habits/').querySelectorAll('pb-checklist');
		for (const list of lists) expect(list.outerHTML).not.toContain('{#');
		expect(page(site.dist, '/playbooks/habits/').querySelectorAll('pb-checklist input[disabled]')).toHaveLength(5);
	});

	test('ids are stable across builds, and editing one item keeps its neighbours’ ids', async () => {
		const work = copyFixture('checklist', 'checklist-edit-content');
		const again = await buildSite(work, { out: 'checklist-edit' });
		expect(again.code, again.output).toBe(0);
		expect(ids(again.dist)).toEqual(ids(site.dist));

		const file = join(work, 'playbooks/habits.mdx');
		const source = readFileSync(file, 'utf8')
			.replace("We verify a partner's credibility before investing", 'We check references before we sign')
			.replace('1. [ ] Checked references\n', '1. [ ] A new first item\n1. [ ] Checked references\n');
		writeFileSync(file, source);
		const edited = await buildSite(work, { out: 'checklist-edit' });
		expect(edited.code, edited.output).toBe(0);
		expect(ids(edited.dist)).toEqual([
			['playbooks/habits#self-check', ['channels', 'we-check-references-before-we-sign', 'both-sides-get-something-they-value']],
			['playbooks/habits#due-diligence', ['a-new-first-item', 'checked-references', 'checked-references-2']],
		]);
	});

	test('a pinned list id survives a reworded heading and a renamed file; two lists cannot share one', async () => {
		const work = copyFixture('checklist', 'checklist-pinned-content');
		const file = join(work, 'playbooks/habits.mdx');
		writeFileSync(
			file,
			readFileSync(file, 'utf8')
				.replace('  self-check:\n', '  our-routine:\n    id: habits-check\n')
				.replace('## Self check', '## Our routine'),
		);
		renameSync(file, join(work, 'playbooks/routines.mdx'));
		const pinned = await buildSite(work, { out: 'checklist-pinned' });
		expect(pinned.code, pinned.output).toBe(0);
		const keys = page(pinned.dist, '/playbooks/routines/')
			.querySelectorAll('pb-checklist')
			.map((list) => list.getAttribute('data-key'));
		expect(keys).toEqual(['habits-check', 'playbooks/routines#due-diligence']);

		const routines = join(work, 'playbooks/routines.mdx');
		writeFileSync(
			routines,
			readFileSync(routines, 'utf8').replace('checklists:\n', 'checklists:\n  due-diligence:\n    id: habits-check\n'),
		);
		const shared = await buildSite(work, { out: 'checklist-pinned' });
		expect(shared.code).not.toBe(0);
		// The copy lives under the test scratch folder, which PACTBOOK_TEST_TMP may move: pin the line from the file name on.
		expect(problemsIn(shared.output)).toMatch(
			/^Pactbook found 1 problem in your content:\n.*\/playbooks\/routines\.mdx: checklists\.due-diligence\.id: is also the id of the list under “Our routine”, so the two lists would share their ticks\. Give each list its own id\.$/,
		);
	});

	test('export and import code is a file of its own, loaded on first use (also in astro dev)', async () => {
		const html = page(site.dist, '/playbooks/habits/');
		const script = html.querySelector('script[type=module][src*="ChecklistScript"]')!.getAttribute('src')!;
		const files = readdirSync(join(site.dist, '_astro')).filter((name) => /^checklist-files\.[\w-]+\.js$/.test(name));
		expect(files).toHaveLength(1);
		const code = readFileSync(join(site.dist, script), 'utf8');
		expect(code).toContain(files[0]);
		expect(code).not.toMatch(new RegExp(`import[^()]*["']\\./${files[0]!.replace('.', '\\.')}`));
		expect(readFileSync(join(site.dist, '_astro', files[0]!), 'utf8')).toContain('pactbook-checklist');

		await withDevServer('checklist', async (origin) => {
			const text = async (path: string) => {
				const response = await fetch(origin + path);
				expect(response.status, path).toBe(200);
				return response.text();
			};
			const entry = await text(
				(await text('/playbooks/habits/')).match(/<script type="module" src="([^"]*ChecklistScript[^"]*)"/)![1]!,
			);
			const element = await text(entry.match(/import\s+"([^"]*\/elements\/checklist\.ts[^"]*)"/)![1]!);
			const address = await text(element.match(/from\s+"([^"]*checklist-files\.ts\?first-use)"/)![1]!);
			expect(await text(JSON.parse(address.match(/export default (".*?");/)![1]!))).toContain('export function exportFile');
		});
	});

	test('pages without task lists load no checklist script', () => {
		expect(page(site.dist, '/').querySelectorAll('script[src]')).toHaveLength(0);
	});
});

describe('broken checklist scoring stops the build', () => {
	test('bands that do not end at the number of items', async () => {
		const result = await buildSite('checklist-bands');
		expect(result.code).not.toBe(0);
		expect(problemsIn(result.output)).toMatchInlineSnapshot(`
			"Pactbook found 1 problem in your content:
			test/fixtures/checklist-bands/content/playbooks/bands.mdx: checklists.check.bands: end at 5 but the list has 3 items. Make the last band's max 3."
		`);
	});
	test('scoring for a list that does not exist, and one id on two items (in .md files, rendered by the content loader)', async () => {
		const result = await buildSite('checklist-unknown');
		expect(result.code).not.toBe(0);
		expect(problemsIn(result.output)).toMatchInlineSnapshot(`
			"Pactbook found 2 problems in your content:
			test/fixtures/checklist-unknown/content/playbooks/repeated.md: {#review} (line 10, 11): is written on more than one item of the list under “Review”, so they would share one tick. Give each item its own id.
			test/fixtures/checklist-unknown/content/playbooks/unknown.md: checklists.self-assesment: matches no task list. Use the id of the heading above the list (self-assessment)."
		`);
	});
	test('one id on two items of an .mdx file names their lines, counted from the top of the file', async () => {
		const result = await buildSite('checklist-repeated-mdx');
		expect(result.code).not.toBe(0);
		expect(problemsIn(result.output)).toMatchInlineSnapshot(`
			"Pactbook found 1 problem in your content:
			test/fixtures/checklist-repeated-mdx/content/playbooks/repeated.mdx: {#review} (line 12, 14): is written on more than one item of the list under “Review”, so they would share one tick. Give each item its own id."
		`);
	});
	test('bands with a gap or upside down', async () => {
		const result = await buildSite('checklist-band-gap');
		expect(result.code).not.toBe(0);
		expect(problemsIn(result.output)).toMatchInlineSnapshot(`
			"Pactbook found 3 problems in your content:
			test/fixtures/checklist-band-gap/content/playbooks/gap.mdx: checklists.check.bands.0.min: is 1; the first band must start at 0.
			test/fixtures/checklist-band-gap/content/playbooks/gap.mdx: checklists.check.bands.1: goes from 4 down to 3. Swap min and max.
			test/fixtures/checklist-band-gap/content/playbooks/gap.mdx: checklists.check.bands.1.min: is 4 but the band before ends at 2. Set it to 3 so no score is left out or counted twice."
		`);
	});
});
