import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture, pageAt, problemsIn, until, withDevServer } from '../helpers/build.ts';

/** Waits until the dev server has printed `line` since `from` characters of its output. */
function printed(output: () => string, line: string, from = 0): Promise<true> {
	return until(async () => (output().slice(from).includes(line) ? true : undefined));
}

/** Builds a broken fixture and returns the problem list the author sees. */
async function problems(fixture: string): Promise<string> {
	const result = await buildSite(fixture);
	expect(result.code, result.output).not.toBe(0);
	return problemsIn(result.output);
}

describe('broken content stops the build with one line per problem', () => {
	test('a typo in a frontmatter key', async () => {
		expect(await problems('unknown-key')).toMatchInlineSnapshot(`
			"Pactbook found 2 problems in your content:
			test/fixtures/unknown-key/content/issues/first.mdx: titel: is not a known field. Did you mean "title"? Rename it.
			test/fixtures/unknown-key/content/issues/first.mdx: title: is required. Add it. For example: title: "Perseverance is a partnership skill""
		`);
	});

	test('a file without frontmatter, or with TOML frontmatter, is one problem each', async () => {
		const dir = copyFixture('email-editions', 'no-frontmatter-content');
		writeFileSync(join(dir, 'issues/090-plain.md'), 'A note written without any fields.\n');
		writeFileSync(join(dir, 'issues/091-hugo.md'), '+++\ntitle = "From Hugo"\n+++\n\nWords.\n');
		const result = await buildSite(dir, { out: 'no-frontmatter' });
		expect(result.code, result.output).not.toBe(0);
		const shown = relative(process.cwd(), dir).split(sep).join('/');
		expect(problemsIn(result.output).replaceAll(shown, '<content>')).toMatchInlineSnapshot(`
			"Pactbook found 2 problems in your content:
			<content>/issues/090-plain.md: frontmatter: is missing, so none of the file's fields are read. Start the file with a line of ---, then its fields (for example title: "Perseverance is a partnership skill"), then another line of ---.
			<content>/issues/091-hugo.md: frontmatter: is written in TOML between +++ lines, which Pactbook does not read. Write the fields as YAML between two lines of --- (for example title: "Perseverance is a partnership skill"), or bring the file in with npm run import."
		`);
	});

	test('two issues with the same number', async () => {
		expect(await problems('duplicate-number')).toMatchInlineSnapshot(`
			"Pactbook found 2 problems in your content:
			test/fixtures/duplicate-number/content/issues/one.mdx: number: 4 is also used by test/fixtures/duplicate-number/content/issues/two.mdx. Give each issue its own number.
			test/fixtures/duplicate-number/content/issues/two.mdx: number: 4 is also used by test/fixtures/duplicate-number/content/issues/one.mdx. Give each issue its own number."
		`);
	});

	test('two issues with the same slug, and a slug of digits only', async () => {
		expect(await problems('duplicate-slug')).toMatchInlineSnapshot(`
			"Pactbook found 3 problems in your content:
			test/fixtures/duplicate-slug/content/issues/one.mdx: slug: "same" is also used by test/fixtures/duplicate-slug/content/issues/two.mdx. Give each one its own slug (set \`slug:\` or rename the file).
			test/fixtures/duplicate-slug/content/issues/three.mdx: slug: "2026" is only digits, and /issues/<number>/ is kept for issue numbers. Add a word to it.
			test/fixtures/duplicate-slug/content/issues/two.mdx: slug: "same" is also used by test/fixtures/duplicate-slug/content/issues/one.mdx. Give each one its own slug (set \`slug:\` or rename the file)."
		`);
	});

	test('an author with no author file', async () => {
		expect(await problems('missing-author')).toMatchInlineSnapshot(`
			"Pactbook found 1 problem in your content:
			test/fixtures/missing-author/content/issues/one.mdx: author: "zoe" has no file in test/fixtures/missing-author/content/authors/. Use one of: ana, or add zoe.yaml there."
		`);
	});

	test('values of the wrong type, dates that name no day, frontmatter never closed', async () => {
		expect(await problems('wrong-types')).toMatchInlineSnapshot(`
			"Pactbook found 7 problems in your content:
			test/fixtures/wrong-types/content/issues/one.mdx: date: should be a date written as YYYY-MM-DD, not "next week". For example: date: 2026-10-05
			test/fixtures/wrong-types/content/issues/one.mdx: draft: should be true or false, not "maybe". For example: draft: true
			test/fixtures/wrong-types/content/issues/one.mdx: number: should be a number, not "twenty". For example: number: 21
			test/fixtures/wrong-types/content/issues/one.mdx: tags: should be a list, not "partners". For example: tags: [activation, goals]
			test/fixtures/wrong-types/content/issues/three.md: frontmatter: opens with --- on line 1 but is never closed, so none of its fields are read. Add a line with only --- after the last field.
			test/fixtures/wrong-types/content/issues/two.md: date: 2025-13-01 is not a day on the calendar (there is no month 13). For example: date: 2026-10-05
			test/fixtures/wrong-types/content/issues/two.md: updated: 2026-02-30 is not a day on the calendar (February 2026 has 28 days). For example: updated: 2026-10-12"
		`);
	});

	test('a broken site.yaml', async () => {
		expect(await problems('bad-site')).toMatchInlineSnapshot(`
			"Pactbook found 4 problems in your content:
			test/fixtures/bad-site/content/site.yaml: description: is required. Add it. For example: description: "Weekly notes for partner managers."
			test/fixtures/bad-site/content/site.yaml: url: should be a full address starting with https://. For example: url: https://news.example.com
			test/fixtures/bad-site/content/site.yaml: language: should be text, not 42. For example: language: en
			test/fixtures/bad-site/content/site.yaml: navigaton: is not a known field. Did you mean "navigation"? Rename it."
		`);
	});

	test('an author file with invalid fields', async () => {
		expect(await problems('bad-author-file')).toMatchInlineSnapshot(`
			"Pactbook found 2 problems in your content:
			test/fixtures/bad-author-file/content/authors/ana.yaml: email: is not a known field. Remove it, or use one of: name, role, bio, links.
			test/fixtures/bad-author-file/content/authors/ana.yaml: links.0.url: should be a full address starting with https://. For example: url: https://example.com/maya"
		`);
	});

	test('a YAML syntax error in a data file', async () => {
		expect(await problems('bad-yaml')).toMatchInlineSnapshot(`
			"Pactbook found 1 problem in your content:
			test/fixtures/bad-yaml/content/authors/ana.yaml: is not valid YAML at line 3: Flow sequence in block collection must be sufficiently indented and end with a ]. Check the indentation, colons and quotes on that line."
		`);
	});

	test('a YAML syntax error in frontmatter', async () => {
		expect(await problems('bad-frontmatter')).toMatchInlineSnapshot(`
			"Pactbook found 1 problem in your content:
			test/fixtures/bad-frontmatter/content/issues/one.mdx: is not valid YAML at line 3: Nested mappings are not allowed in compact mappings. Check the indentation, colons and quotes on that line."
		`);
	});

	test('Markdown blocks Pactbook does not know or that miss what they need', async () => {
		expect(await problems('bad-blocks')).toMatchInlineSnapshot(`
			"Pactbook found 7 problems in your content:
			test/fixtures/bad-blocks/content/issues/one.md: :::tip (line 18): title is not an attribute of this block. It takes no attributes; write its title as :::tip[Your title].
			test/fixtures/bad-blocks/content/issues/one.md: :::wild (line 10): needs lesson="…", the one-sentence lesson for partner managers. For example: :::wild{source="Sports marketing, 2022" lesson="The side that adapts fastest keeps the spotlight."}
			test/fixtures/bad-blocks/content/issues/one.md: :::wild (line 22): lessons is not an attribute of this block. Did you mean lesson? It takes source and lesson.
			test/fixtures/bad-blocks/content/issues/one.md: :::wlid (line 14): is not a Pactbook block. Did you mean wild? Use one of :::wild, :::note, :::tip, :::warning, and close it with a line of :::.
			test/fixtures/bad-blocks/content/issues/three.md: ::: (line 16): closes no block. Remove it, or, to put one block inside another, give the outer one more colons (::::note … ::::).
			test/fixtures/bad-blocks/content/issues/three.md: :::tip (line 18): is never closed, so it takes in the rest of the article. End it with a line of :::.
			test/fixtures/bad-blocks/content/issues/two.md: :::callout (line 8): is not a Pactbook block. Use one of :::wild, :::note, :::tip, :::warning, and close it with a line of :::."
		`);
	});

	test('a lone ::: line, ::: tip with a space, and text inside a tool block, in files with no other block', async () => {
		const file = (name: string) => `test/fixtures/lone-block-lines/content/issues/${name}.md`;
		const inside =
			'takes nothing between its opening line and `:::`, but has text inside (line %), which would not be shown. Move the text before or after the block, so that `:::` comes on the line after the opening line.';
		expect(await problems('lone-block-lines')).toBe(
			[
				'Pactbook found 5 problems in your content:',
				`${file('01-spaced')}: ::: tip (line 8): has a space after the colons, so it is shown as text, not read as a block. Write \`:::tip\`, with no space.`,
				`${file('02-stray')}: ::: (line 10): closes no block. Remove it, or, to put one block inside another, give the outer one more colons (::::note … ::::).`,
				`${file('03-goals')}: :::goal-builder (line 10): ${inside.replace('%', '11')}`,
				`${file('03-goals')}: :::goal-builder (line 14): takes no title, but has [My plan]. Remove it from the line, and put a heading above the block if it needs one.`,
				`${file('04-ready')}: :::questionnaire (line 10): ${inside.replace('%', '12')}`,
			].join('\n'),
		);
	});

	test('<InTheWild> in MDX without its lesson, or with a prop it does not take, names the file and the line', async () => {
		const file = 'test/fixtures/bad-wild-mdx/content/issues/01-wild.mdx';
		expect(await problems('bad-wild-mdx')).toBe(
			[
				'Pactbook found 2 problems in your content:',
				`${file}: <InTheWild> (line 10): needs lesson="…", the one-sentence lesson for partner managers. For example: <InTheWild source="Sports marketing, 2022" lesson="The side that adapts fastest keeps the spotlight.">`,
				`${file}: <InTheWild> (line 16): lessons is not a prop of <InTheWild>. Did you mean lesson? It takes source, lesson and title.`,
			].join('\n'),
		);
	});

	test('in files with Windows line endings (CRLF), blocks get the same line numbers', async () => {
		const dir = copyFixture('bad-blocks', 'bad-blocks-crlf');
		for (const name of readdirSync(join(dir, 'issues'))) {
			const file = join(dir, 'issues', name);
			writeFileSync(file, readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n'));
		}
		const list = await problems(dir);
		// The copy lives under the test scratch folder, which PACTBOOK_TEST_TMP may move: compare from the folder on.
		const fields = list
			.split('\n')
			.slice(1)
			.map((line) => line.slice(line.indexOf('issues/')).replace(/\): .*$/, ')'));
		expect(fields).toEqual([
			'issues/one.md: :::tip (line 18)',
			'issues/one.md: :::wild (line 10)',
			'issues/one.md: :::wild (line 22)',
			'issues/one.md: :::wlid (line 14)',
			'issues/three.md: ::: (line 16)',
			'issues/three.md: :::tip (line 18)',
			'issues/two.md: :::callout (line 8)',
		]);
	});

	test('a .markdown file, where the build reads .md, stops it, whether or not the folder has other articles', async () => {
		const message =
			'issues/2026/002-jekyll.markdown: file name: ends in .markdown, which the build does not read, so this article would be left out. Rename it to 002-jekyll.md.';
		expect(await problems('markdown-extension')).toBe(
			`Pactbook found 1 problem in your content:\ntest/fixtures/markdown-extension/content/${message}`,
		);
		const dir = copyFixture('markdown-extension', 'markdown-extension-alone');
		rmSync(join(dir, 'issues/001-read.md'));
		const alone = await problems(dir);
		expect(alone.startsWith('Pactbook found 1 problem in your content:\n')).toBe(true);
		expect(alone.endsWith(`/${message}`)).toBe(true);
	});

	test('a standalone page at an address the site already uses', async () => {
		expect(await problems('reserved-slug')).toMatchInlineSnapshot(`
			"Pactbook found 2 problems in your content:
			test/fixtures/reserved-slug/content/pages/tags.md: slug: "tags" is taken by Pactbook's own /tags/, so this page would never be shown. Set \`slug:\` to another word (or rename the file); taken: 404, _astro, authors, issues, pagefind, playbooks, search, self-assessments, series, tags, tools.
			test/fixtures/reserved-slug/content/pages/tips.md: slug: "search" is taken by Pactbook's own /search/, so this page would never be shown. Set \`slug:\` to another word (or rename the file); taken: 404, _astro, authors, issues, pagefind, playbooks, search, self-assessments, series, tags, tools."
		`);
	});

	test('links and images no reader could follow, in Markdown, HTML and MDX', async () => {
		const fix =
			'is not an address a reader can follow. Write a full address such as https://example.com/page, or a path on this site such as /playbooks/due-diligence/.';
		expect(await problems('bad-links')).toBe(
			[
				'Pactbook found 3 problems in your content:',
				`test/fixtures/bad-links/content/issues/one.md: link "http://" (line 8): ${fix}`,
				`test/fixtures/bad-links/content/issues/one.md: link "https://999.1.1.1/" (line 12): ${fix}`,
				`test/fixtures/bad-links/content/issues/one.md: link "https://charts.example.com:99999/pipeline.png" (line 10): ${fix}`,
			].join('\n'),
		);
		// An MDX element is checked where its address is made absolute, for the feeds and the email edition.
		// Astro logs the error of a page that fails before it stops, so the list shows twice.
		const mdx = await problems('bad-links-mdx');
		expect(mdx.startsWith('Pactbook found 1 problem in your content:\n')).toBe(true);
		expect(mdx).toContain(`test/fixtures/bad-links-mdx/content/issues/one.mdx: link "http://" (line 8): ${fix}`);
	});

	test('in astro dev, saving broken frontmatter shows the problem instead of a stale or broken page, until it is fixed', async () => {
		const dir = copyFixture('good', 'dev-frontmatter');
		const file = join(dir, 'playbooks/second.md');
		const original = readFileSync(file, 'utf8');
		await withDevServer(dir, async (origin, output) => {
			const url = `${origin}/playbooks/custom-slug/`;
			const page = (status: number, text = '') => pageAt(url, status, text);
			expect((await fetch(url)).status).toBe(200);
			let from = output().length;
			writeFileSync(file, original.replace('title: Second guide', 'titel: Second guide'));
			expect(await page(500)).toContain('<title>ContentError</title>');
			await printed(output, 'playbooks/second.md: titel: is not a known field. Did you mean "title"? Rename it.', from);
			// Putting back exactly the text that last worked brings the page back.
			writeFileSync(file, original);
			expect(await page(200, 'Second guide')).toContain('<h1');
			// Broken YAML gets Pactbook's line with its line number, on the page too.
			from = output().length;
			writeFileSync(file, original.replace('summary: Another guide.', 'summary: "Another guide.'));
			await printed(output, 'playbooks/second.md: is not valid YAML at line 3', from);
			expect(await page(500)).toContain('<title>ContentError</title>');
			writeFileSync(file, original);
			expect(await page(200, 'Second guide')).toContain('<h1');
			// An author file may be added next: the terminal warns, the page stays.
			from = output().length;
			writeFileSync(file, original.replace('slug: custom-slug', 'slug: custom-slug\nauthor: nobody'));
			await printed(output, 'playbooks/second.md: author: "nobody" has no file in', from);
			expect(output().slice(from)).toMatch(/\[WARN\] \[pactbook\] \S*playbooks\/second\.md: author: "nobody"/);
			expect(await page(200, 'Second guide')).toContain('<h1');
			writeFileSync(file, original.replace('title: Second guide', 'title: Second guide, revised'));
			expect(await page(200, 'Second guide, revised')).toContain('<h1');
			// Two saves 20 ms apart, as a formatter that saves again: the file watcher drops the second
			// change, and the page still shows the text the file has at the end.
			writeFileSync(file, original.replace('title: Second guide', 'title: Second guide, saved twice'));
			await new Promise((wait) => setTimeout(wait, 20));
			writeFileSync(file, original.replace('title: Second guide', 'title: Second guide, formatted'));
			expect(await page(200, 'Second guide, formatted')).toContain('<h1');
			// The listing follows too, and a playbook added and then removed.
			const listing = `${origin}/playbooks/`;
			await pageAt(listing, 200, 'Second guide, formatted');
			const added = join(dir, 'playbooks/third.md');
			writeFileSync(
				added,
				'---\ntitle: A third guide\nsummary: Added while the server runs.\ncategory: Goals\nupdated: 2026-03-02\n---\n\nSteps.\n',
			);
			await pageAt(listing, 200, 'A third guide');
			rmSync(added);
			await until(async () => ((await (await fetch(listing)).text()).includes('A third guide') ? undefined : true));
			await pageAt(`${origin}/playbooks/third/`, 404);
		});
	}, 120_000);

	test('in astro dev, saving a broken block shows the problem instead of an empty page, until it is fixed', async () => {
		const dir = copyFixture('good', 'dev-blocks');
		const file = join(dir, 'playbooks/second.md');
		const original = readFileSync(file, 'utf8');
		await withDevServer(dir, async (origin, output) => {
			const url = `${origin}/playbooks/custom-slug/`;
			expect((await fetch(url)).status).toBe(200);
			writeFileSync(file, original.replace('lesson="Fixtures teach."', 'lessn="Fixtures teach."'));
			expect(await pageAt(url, 500)).toContain('<title>ContentError</title>');
			await printed(
				output,
				':::wild (line 15): lessn is not an attribute of this block. Did you mean lesson? It takes source and lesson.',
			);
			writeFileSync(file, original);
			expect(await pageAt(url, 200)).toContain('<p class="pb-wild-lesson"><strong>The lesson:</strong> Fixtures teach.</p>');
		});
	}, 120_000);
});
