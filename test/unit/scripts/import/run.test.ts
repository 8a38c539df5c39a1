import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Loss } from '../../../../scripts/lib/import/html.ts';
import { renderReport, writeReport } from '../../../../scripts/lib/import/report.ts';
import {
	type Article,
	articleProblems,
	type ImportResult,
	runImport,
	safeBody,
	settledText,
	writeInside,
} from '../../../../scripts/lib/import/run.ts';
import { issueSchema } from '../../../../src/schemas/issue.ts';
import { playbookSchema } from '../../../../src/schemas/playbook.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures');
const PNG = readFileSync(join(FIXTURES, 'import-ghost/export/content/images/2024/03/handshake.png'));
const today = new Date(2026, 10, 23);

const dirs: string[] = [];
function scratch(prefix = 'pb-import-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh content folder: the good fixture's site settings and authors, and optionally its issues. */
function content(withIssues = false): string {
	const dir = join(scratch(), 'content');
	mkdirSync(dir);
	cpSync(join(FIXTURES, 'good/content/site.yaml'), join(dir, 'site.yaml'));
	cpSync(join(FIXTURES, 'good/content/authors'), join(dir, 'authors'), { recursive: true });
	if (withIssues) cpSync(join(FIXTURES, 'good/content/issues'), join(dir, 'issues'), { recursive: true });
	return dir;
}

/** An export folder made of the given files. */
function exportOf(files: Record<string, string | Uint8Array>): string {
	const dir = join(scratch('pb-export-'), 'export');
	for (const [path, data] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), data);
	}
	return dir;
}

/** Every file under a folder, with its text, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
	if (!existsSync(dir)) return {};
	return Object.fromEntries(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name))
			.sort()
			.map((file) => [file, readFileSync(file, 'latin1')]),
	);
}

const frontmatter = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const article = (result: ImportResult, dir: string, slug: string) => {
	const file = result.written.find(
		(w) => ((w.kind === 'issue' || w.kind === 'playbook') && w.path.endsWith(`-${slug}.md`)) || w.path.endsWith(`/${slug}.md`),
	);
	if (!file) throw new Error(`no article ${slug} in ${result.written.map((w) => w.path).join(', ')}`);
	return read(dir, file.path);
};

describe('an import into a content folder', () => {
	test('every article written passes the build’s schema, numbered after the existing issues by date', async () => {
		const dir = content(true);
		const result = await runImport(join(FIXTURES, 'import-wordpress/export'), { contentDir: dir, today });
		const issues = result.written.filter((w) => w.kind === 'issue');
		// The good fixture's highest number is 99.
		expect(issues.map((w) => w.path)).toEqual([
			'issues/100-kickoff.md',
			'issues/101-mapping-territories.md',
			'issues/102-draft-joint-marketing-funds.md',
		]);
		for (const { path } of issues) {
			expect(issueSchema.safeParse(frontmatter(read(dir, path))).success, path).toBe(true);
			expect(articleProblems(path, read(dir, path), 'issues')).toEqual([]);
		}
		// A draft WordPress never gave a slug gets one from its title.
		expect(frontmatter(read(dir, 'issues/102-draft-joint-marketing-funds.md'))).toMatchObject({
			draft: true,
			date: '2023-05-30',
			slug: 'draft-joint-marketing-funds',
		});
		expect(read(dir, 'authors/lena.yaml')).toBe('name: "Lena Fischer"\n');
	});

	test('a dry run writes nothing and lists what it would write', async () => {
		const dir = content(true);
		const before = snapshot(dir);
		const result = await runImport(join(FIXTURES, 'import-substack/export'), { contentDir: dir, today, dryRun: true });
		expect(writeReport(result, '2026-11-23')).toBeUndefined();
		expect(snapshot(dir)).toEqual(before);
		expect(result.written.length).toBe(4);
		expect(renderReport(result)).toContain('# Import report (dry run: nothing was written)');
		expect(renderReport(result)).toContain('## Files it would write');
	});

	test('a second run writes nothing and says so', async () => {
		const dir = content();
		const first = await runImport(join(FIXTURES, 'import-ghost/export'), { contentDir: dir, today });
		expect(writeReport(first, '2026-11-23')).toBe('import-report.md');
		const before = snapshot(dir);
		const second = await runImport(join(FIXTURES, 'import-ghost/export'), { contentDir: dir, today });
		expect(second.written).toEqual([]);
		expect(second.already).toBe(2);
		expect(writeReport(second, '2026-11-23')).toBeUndefined();
		expect(snapshot(dir)).toEqual(before);
		expect(renderReport(second)).toContain(
			'Nothing new to import: every post of this export was imported before. Nothing was written.',
		);
	});

	test('--start-number, --tag and numbers in titles', async () => {
		const dir = content(true);
		const result = await runImport(join(FIXTURES, 'import-substack/export'), {
			contentDir: dir,
			today,
			startNumber: 98,
			tags: ['From Substack'],
		});
		const paths = result.written.map((w) => w.path);
		// "Issue #1: …" asks for number 1, which the site already uses: it is numbered by date instead, and 99 is skipped.
		// Published issues come first, then drafts.
		expect(paths).toEqual([
			'issues/098-first-partner-review.md',
			'issues/100-co-selling-basics.md',
			'issues/101-pricing-for-partners.md',
			'issues/102-notes-in-progress.md',
		]);
		expect(result.notes).toContainEqual(
			expect.objectContaining({ message: 'numbers from 98 on are partly taken by existing issues; those numbers were skipped.' }),
		);
		expect(result.losses).toContainEqual(
			expect.objectContaining({
				file: 'issues/098-first-partner-review.md',
				message: 'its number 1 is already used, so it was numbered by date.',
			}),
		);
		const first = frontmatter(read(dir, paths[0]!));
		expect(first).toMatchObject({ number: 98, title: 'The first partner review', tags: ['From Substack'] });
		const fresh = content();
		const again = await runImport(join(FIXTURES, 'import-substack/export'), { contentDir: fresh, today });
		expect(again.written[0]?.path).toBe('issues/001-first-partner-review.md');
	});

	test('paid-only and unpublished posts are drafts, with a report line', async () => {
		const dir = content();
		const result = await runImport(join(FIXTURES, 'import-substack/export'), { contentDir: dir, today });
		expect(frontmatter(article(result, dir, 'pricing-for-partners')).draft).toBe(true);
		expect(frontmatter(article(result, dir, 'notes-in-progress'))).toMatchObject({ draft: true, date: '2026-11-23' });
		expect(frontmatter(article(result, dir, 'first-partner-review')).draft).toBeUndefined();
		expect(result.losses).toContainEqual(
			expect.objectContaining({
				file: 'issues/003-pricing-for-partners.md',
				message: expect.stringContaining('only paying subscribers could read it'),
			}),
		);
	});

	test('as playbooks: category and updated from the export', async () => {
		const dir = content();
		const result = await runImport(join(FIXTURES, 'import-markdown/export'), { contentDir: dir, today, as: 'playbooks' });
		const playbooks = result.written.filter((w) => w.kind === 'playbook');
		expect(playbooks.map((w) => w.path).sort()).toEqual([
			'playbooks/onboarding.md',
			'playbooks/partner-scorecards.md',
			'playbooks/partner-week.md',
			'playbooks/referrals.md',
			'playbooks/year-in-review.md',
		]);
		for (const { path } of playbooks) expect(playbookSchema.safeParse(frontmatter(read(dir, path))).success, path).toBe(true);
		expect(frontmatter(read(dir, 'playbooks/referrals.md'))).toMatchObject({ category: 'Programmes', updated: '2021-01-15' });
		expect(frontmatter(read(dir, 'playbooks/onboarding.md'))).toMatchObject({ category: 'Archive', updated: '2021-04-02' });
		// As playbooks the title keeps its "Issue #7".
		expect(frontmatter(read(dir, 'playbooks/partner-scorecards.md')).title).toBe('Issue #7: Scorecards partners actually read');
	});

	test('authors: an existing file with the same name is used; new ones are written once', async () => {
		const dir = content();
		writeFileSync(join(dir, 'authors/sam.yaml'), 'name: Sam Ortiz\n');
		const result = await runImport(join(FIXTURES, 'import-markdown/export'), { contentDir: dir, today });
		expect(result.written.filter((w) => w.kind === 'author').map((w) => w.path)).toEqual(['authors/noor-haddad.yaml']);
		expect(frontmatter(article(result, dir, 'partner-scorecards')).author).toBe('sam');
		expect(frontmatter(article(result, dir, 'year-in-review')).author).toBe('sam');
	});
});

describe('images', () => {
	test('images in the export are copied beside the content and linked relatively', async () => {
		const dir = content();
		const result = await runImport(join(FIXTURES, 'import-ghost/export'), { contentDir: dir, today });
		expect(result.written).toContainEqual({ path: 'images/partner-tiers/handshake.png', kind: 'image' });
		expect(readFileSync(join(dir, 'images/partner-tiers/handshake.png'))).toEqual(PNG);
		expect(article(result, dir, 'partner-tiers')).toContain('![Two hands meeting](../images/partner-tiers/handshake.png)');
	});

	test('an image missing from the export is left out, keeping its description', async () => {
		const dir = content();
		const result = await runImport(join(FIXTURES, 'import-markdown/export'), { contentDir: dir, today });
		expect(article(result, dir, 'referrals')).toContain('\nA chart that is not in this export\n');
		expect(result.losses).toContainEqual(
			expect.objectContaining({ message: expect.stringContaining('the image images/missing-chart.png is not in the export') }),
		);
	});

	test('a file named like an image that is not one is not copied', async () => {
		const dir = content();
		const source = exportOf({
			'post.md': '---\ntitle: Fake image post\ndate: 2024-01-01\n---\n\nSome text for the summary here.\n\n![fake](fake.png)\n',
			'fake.png': '<html>not an image</html>',
		});
		const result = await runImport(source, { contentDir: dir, today });
		expect(result.written.some((w) => w.kind === 'image')).toBe(false);
		expect(result.losses).toContainEqual(
			expect.objectContaining({ message: expect.stringContaining('is not a PNG, JPEG, GIF, WebP, AVIF or SVG file') }),
		);
	});

	describe('remote images', () => {
		let server: Server;
		let origin: string;
		const requests: string[] = [];
		beforeAll(async () => {
			server = createServer((request, response) => {
				requests.push(request.url ?? '');
				if (request.url === '/ok.png') response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
				else if (request.url === '/page.png') response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
				else response.writeHead(404).end();
			});
			await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
			origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
		});
		afterAll(() => new Promise<void>((done) => server.close(() => done())));

		const post = () =>
			exportOf({
				'remote-images.md': `---\ntitle: Remote images\ndate: 2024-01-01\n---\n\nA post with three remote images in it.\n\n![ok](${origin}/ok.png)\n\n![gone](${origin}/gone.png)\n\n![page](${origin}/page.png)\n`,
			});

		test('without --download-images they are listed and nothing is fetched', async () => {
			requests.length = 0;
			const dir = content();
			const result = await runImport(post(), { contentDir: dir, today });
			expect(requests).toEqual([]);
			expect(result.remote.map((r) => r.message)).toEqual([`${origin}/ok.png`, `${origin}/gone.png`, `${origin}/page.png`]);
			expect(result.remote[0]?.fix).toContain('--download-images');
		});

		test('with --download-images they are fetched into the site; failures are listed', async () => {
			requests.length = 0;
			const dir = content();
			const result = await runImport(post(), { contentDir: dir, today, downloadImages: true });
			expect(requests.sort()).toEqual(['/gone.png', '/ok.png', '/page.png']);
			expect(readFileSync(join(dir, 'images/remote-images/ok.png'))).toEqual(PNG);
			const text = article(result, dir, 'remote-images');
			expect(text).toContain('![ok](../images/remote-images/ok.png)');
			expect(result.remote.map((r) => r.message)).toEqual([
				expect.stringContaining(`${origin}/gone.png was not downloaded: the server answered 404`),
				expect.stringContaining(`${origin}/page.png was not downloaded: it is not a PNG`),
			]);
		});

		test('a dry run with --download-images fetches nothing', async () => {
			requests.length = 0;
			const dir = content();
			const result = await runImport(post(), { contentDir: dir, today, downloadImages: true, dryRun: true });
			expect(requests).toEqual([]);
			expect(result.remote[0]?.message).toBe(`${origin}/ok.png would be downloaded.`);
			expect(existsSync(join(dir, 'images'))).toBe(false);
		});
	});
});

describe('hostile input', () => {
	test('a zip entry with ../ is refused, and nothing lands outside the content folder', async () => {
		const work = scratch();
		const dir = join(work, 'site', 'content');
		mkdirSync(dir, { recursive: true });
		cpSync(join(FIXTURES, 'good/content/site.yaml'), join(dir, 'site.yaml'));
		const enc = (text: string) => new TextEncoder().encode(text);
		const zip = join(work, 'export.zip');
		writeFileSync(
			zip,
			zipSync({
				'export/posts.csv': enc(
					'post_id,post_date,is_published,type,audience,title,subtitle\n1.hello,2024-01-01,true,newsletter,everyone,Hello there,A first post.\n',
				),
				'export/posts/1.hello.html': enc('<p>Hello, partners.</p>'),
				'export/../../evil.txt': enc('escaped'),
				'/etc/evil.txt': enc('absolute'),
			}),
		);
		const before = readdirSync(work).sort();
		const result = await runImport(zip, { contentDir: dir, today });
		expect(readdirSync(work).sort()).toEqual(before);
		expect(existsSync(join(work, '..', 'evil.txt'))).toBe(false);
		expect(result.skipped.filter((s) => s.message.includes('points outside the export')).map((s) => s.file)).toEqual([
			expect.stringContaining('export/../../evil.txt'),
			expect.stringContaining('/etc/evil.txt'),
		]);
		expect(result.written.map((w) => w.path)).toEqual(['issues/001-hello.md']);
	});

	test('a file that is not a zip is a clear error', async () => {
		const zip = join(scratch(), 'export.zip');
		writeFileSync(zip, 'not a zip');
		await expect(runImport(zip, { contentDir: content(), today })).rejects.toThrow(
			/export\.zip is not a zip file that can be read/,
		);
	});

	test('a <script> in an HTML body is removed with a report line', async () => {
		const dir = content();
		const result = await runImport(join(FIXTURES, 'import-substack/export'), { contentDir: dir, today });
		const text = article(result, dir, 'co-selling-basics');
		expect(text).not.toMatch(/<script|tracking/);
		expect(result.losses).toContainEqual({
			file: 'issues/002-co-selling-basics.md',
			message: 'a <script> element was removed; scripts never run in Pactbook articles.',
		});
	});

	test('a title of 500 characters is cut at a word; duplicate slugs get their own', async () => {
		const dir = content(true);
		const long = `${'Partner reviews that turn paperwork into plans '.repeat(11)}end`.slice(0, 500);
		const source = exportOf({
			'a.md': `---\ntitle: "${long}"\ndate: 2024-01-01\nslug: alpha\n---\n\nThe first of two posts that share a slug.\n`,
			'b.md': `---\ntitle: Second\ndate: 2024-01-02\nslug: alpha\n---\n\nThe second of two posts that share a slug.\n`,
			'12345.md': `---\ntitle: "12345"\ndate: 2024-01-03\n---\n\nA post whose title is a number.\n`,
		});
		const result = await runImport(source, { contentDir: dir, today });
		const bySlug = (slug: string) => result.written.map((w) => frontmatter(read(dir, w.path))).find((data) => data.slug === slug);
		const [a, b, c] = [bySlug('alpha'), bySlug('alpha-2'), bySlug('issue-12345')];
		expect(a.summary).toBe('The first of two posts that share a slug.');
		expect(b.title).toBe('Second');
		expect(c.title).toBe('12345');
		expect([...a.title].length).toBeLessThanOrEqual(120);
		expect(long.startsWith(a.title.slice(0, -1))).toBe(true);
		// The good fixture's 01-alpha.mdx already has the address "01-alpha", not "alpha"; "alpha" is free once.
		expect([a.slug, b.slug, c.slug]).toEqual(['alpha', 'alpha-2', 'issue-12345']);
		expect(result.losses.map((l) => l.message)).toEqual(
			expect.arrayContaining([
				'its title had 500 characters; it was cut to 120 at a word.',
				'its slug "alpha" is already used, so it was given "alpha-2".',
			]),
		);
	});

	test('an undated or untitled post becomes a valid draft with a report line', async () => {
		const dir = content();
		const source = exportOf({ 'a.md': '---\ndate: sometime\n---\n\n' });
		const result = await runImport(source, { contentDir: dir, today });
		const data = frontmatter(read(dir, result.written[0]!.path));
		expect(data).toMatchObject({ title: 'Untitled post 1', date: '2026-11-23', draft: true, summary: 'Untitled post 1' });
		expect(issueSchema.safeParse(data).success).toBe(true);
		expect(result.losses.map((l) => l.message)).toEqual(
			expect.arrayContaining([
				'had no title; it was given a placeholder and kept as a draft.',
				'its date "sometime" could not be read; today\'s date was used and it is kept as a draft.',
			]),
		);
	});

	test('links no reader could follow and stray ::: lines cannot stop the build', async () => {
		const dir = content();
		const source = exportOf({
			'a.md':
				'---\ntitle: Links\ndate: 2024-01-01\n---\n\nA [dead link](http://) and a [port](https://x.com:99999/).\n\n:::\n\n:::wild\nno lesson\n:::\n',
		});
		const result = await runImport(source, { contentDir: dir, today });
		const text = read(dir, result.written[0]!.path);
		expect(text).toContain('A dead link and a port.');
		expect(text).toContain('\n\\:::\n');
		expect(text).toContain('\n\\:::wild\n');
	});

	test('links no reader could follow become their text as the parser reads them, and code keeps them as written', () => {
		const losses: Loss[] = [];
		const code = '```html\n<a>[click](javascript:alert(1))</a>\n```\n\nInline `[x](javascript:void(0))` stays.';
		const body = [
			'Ünï 🎉 [dead](javascript:alert(1)) and [fine](https://e.example/a_(b)).',
			'[**Bold** text](javascript:y "A title"), [a reference][ref], ![a chart](data:image/png;base64,AA) and [![a badge](data:x)](http://).',
			code,
			'[ref]: javascript:void(0)',
		].join('\n\n');
		expect(safeBody(body, losses)).toBe(
			['Ünï 🎉 dead and [fine](https://e.example/a_(b)).', '**Bold** text, a reference, a chart and a badge.', code, ''].join(
				'\n\n',
			),
		);
		expect(losses.map((loss) => loss.message)).toEqual(['6 links no reader could follow became plain text.']);
		const empty: Loss[] = [];
		expect(safeBody('An [empty link]() and [another](<>) lead nowhere.', empty)).toBe('An empty link and another lead nowhere.');
		expect(empty.map((loss) => loss.message)).toEqual(['2 links no reader could follow became plain text.']);
		const kept: Loss[] = [];
		expect(safeBody(code, kept)).toBe(code);
		expect(kept).toEqual([]);
	});

	test('headings start at ## when the body has a # of its own, written with # or underlined, and code keeps its lines', () => {
		const code = '```md\n# Not a heading\n```\n\n    # Nor this';
		const body = [
			'# Top',
			'Text.',
			'## Sub',
			'###### Six',
			code,
			'Underlined\n===',
			'Two\nlines\n---',
			'> # Quoted',
			'## Closed ##',
		];
		const losses: Loss[] = [];
		expect(safeBody(body.join('\n\n'), losses)).toBe(
			['## Top', 'Text.', '### Sub', '###### Six', code, 'Underlined\n---', '### Two lines', '> ## Quoted', '### Closed ##'].join(
				'\n\n',
			),
		);
		expect(losses).toEqual([]);
		// Without a # heading of its own, nothing moves.
		const second = '## Already second\n\nUnderlined\n---\n';
		expect(safeBody(second, [])).toBe(second);
		expect(safeBody(`${code}\n\n## Sub\n`, [])).toBe(`${code}\n\n## Sub\n`);
	});

	test('::: lines are escaped outside code and HTML only, where the build reads them as text too', () => {
		const losses: Loss[] = [];
		const kept = '```\n:::\n```\n\n    :::tip\n\n<div>\n:::\n</div>';
		expect(safeBody(`:::\n\n${kept}\n\n  :::wild\nno lesson\n:::\n`, losses)).toBe(
			`\\:::\n\n${kept}\n\n  \\:::wild\nno lesson\n\\:::\n`,
		);
		expect(losses.map((loss) => loss.message)).toEqual(['::: lines that would not make a Pactbook block were kept as text.']);
	});

	test('nothing is written outside the content folder, through a path or a linked folder', () => {
		const dir = content();
		expect(() => writeInside(dir, '../outside.md', 'x')).toThrow(
			/Refused to write \.\.\/outside\.md: it is outside the content folder/,
		);
		expect(() => writeInside(dir, '/tmp/outside.md', 'x')).toThrow(/outside the content folder/);
		const elsewhere = scratch();
		symlinkSync(elsewhere, join(dir, 'images'));
		expect(() => writeInside(dir, 'images/a.png', 'x')).toThrow(/its folder leads outside the content folder/);
		expect(() => writeInside(dir, 'images/post/a.png', 'x')).toThrow(/its folder leads outside the content folder/);
		// Not even a folder was made there.
		expect(readdirSync(elsewhere)).toEqual([]);
		symlinkSync(join(elsewhere, 'target.md'), join(dir, 'dangling.md'));
		expect(() => writeInside(dir, 'dangling.md', 'x')).toThrow(/dangling\.md already exists; it was not overwritten/);
		expect(existsSync(join(elsewhere, 'target.md'))).toBe(false);
		writeFileSync(join(dir, 'taken.md'), 'mine');
		expect(() => writeInside(dir, 'taken.md', 'x')).toThrow(/taken\.md already exists; it was not overwritten/);
		expect(read(dir, 'taken.md')).toBe('mine');
	});

	test('the build’s own messages name what the schema refuses', () => {
		expect(articleProblems('issues/x.md', '---\nnumber: 1\ntitle: ""\ndate: 2024-01-01\nsummary: s\n---\n', 'issues')).toEqual([
			'issues/x.md: title: is empty. Write some text. For example: title: "Perseverance is a partnership skill"',
		]);
		expect(
			articleProblems('issues/x.md', '---\nnumber: 1\ntitle: t\ndate: 2024-02-30\nsummary: s\n---\n', 'issues')[0],
		).toContain('2024-02-30 is not a day on the calendar');
	});
});

describe('links between imported posts', () => {
	test('Substack’s and WordPress’s links to their own posts lead to the new pages', async () => {
		const dir = content();
		const substack = await runImport(join(FIXTURES, 'import-substack/export'), { contentDir: dir, today });
		expect(article(substack, dir, 'co-selling-basics')).toContain(
			'(more in [the first partner review](/issues/first-partner-review/))',
		);
		const wordpress = await runImport(join(FIXTURES, 'import-wordpress/export'), { contentDir: dir, today });
		expect(article(wordpress, dir, 'kickoff')).toContain('[map the territories](/issues/mapping-territories/)');
		// Links elsewhere are left alone.
		expect(article(wordpress, dir, 'mapping-territories')).toContain(
			'[Copy the map template](https://fieldnotes.example.com/map-template/)',
		);
	});

	test('Ghost’s links to its own posts lead to their new pages', async () => {
		const dir = content();
		const ghost = {
			db: [
				{
					data: {
						posts: [
							{
								id: '1',
								title: 'First post here',
								slug: 'first',
								html: '<p>See <a href="__GHOST_URL__/second/">the second</a> and <a href="__GHOST_URL__/tag/x/">a tag</a>.</p>',
								status: 'published',
								type: 'post',
								published_at: '2024-01-01T00:00:00.000Z',
							},
							{
								id: '2',
								title: 'Second post here',
								slug: 'second',
								html: '<p>The second post.</p>',
								status: 'published',
								type: 'post',
								published_at: '2024-01-02T00:00:00.000Z',
							},
						],
					},
				},
			],
		};
		const result = await runImport(exportOf({ 'site.ghost.json': JSON.stringify(ghost) }), { contentDir: dir, today });
		expect(article(result, dir, 'first')).toContain('See [the second](/issues/second/) and [a tag](/tag/x/).');
		expect(result.losses).toContainEqual(
			expect.objectContaining({ message: 'a link to /tag/x/ on the old site now points to /tag/x/ on this one.' }),
		);
	});
});

describe('links between posts of other generators', () => {
	test('Hugo’s and Jekyll’s addresses, links to the other file, post_url and ref lead to the new pages; code keeps its links', async () => {
		const dir = content();
		const source = exportOf({
			'content/posts/first-post.md': [
				'---\ntitle: First post\ndate: 2024-05-01\n---\n',
				'See [the second](/posts/second-post/), [up](../second-post/ "Its title"), [the file](second-post.md#part), [ref]({{< ref "second-post.md" >}}), [Jekyll’s](/jekyll/update/2024/05/01/welcome-to-jekyll.html) and [pretty](/2024/05/01/welcome-to-jekyll/).',
				'[By reference][second], [home](/), [top](#top), [elsewhere](https://example.com/posts/second-post/) and ![a chart](/posts/second-post/chart.png).',
				'[second]: /posts/second-post',
				'```md\n[in code](/posts/second-post/)\n```\n\nInline `[x](/posts/second-post/)`.',
				'[gone](/posts/nothing/) and [missing file](../missing.md).',
			].join('\n\n'),
			'content/posts/second-post.md': '---\ntitle: Second post\ndate: 2024-05-02\n---\n\nThe second post.\n',
			'_posts/2024-05-01-welcome-to-jekyll.md':
				'---\ntitle: Welcome\ncategories: jekyll update\n---\n\nRead [my other post]({% post_url 2024-05-03-other %}) and [a missing one]({% post_url 2024-01-01-nope %}).\n',
			'_posts/2024-05-03-other.md': '---\ntitle: Other\n---\n\nBack to [the first](/posts/first-post).\n',
		});
		const result = await runImport(source, { contentDir: dir, today });
		const first = article(result, dir, 'first-post');
		expect(first).toContain(
			'See [the second](/issues/second-post/), [up](/issues/second-post/ "Its title"), [the file](/issues/second-post/#part), [ref](/issues/second-post/), [Jekyll’s](/issues/welcome-to-jekyll/) and [pretty](/issues/welcome-to-jekyll/).',
		);
		expect(first).toContain(
			'[By reference][second], [home](/), [top](#top), [elsewhere](https://example.com/posts/second-post/) and a chart.',
		);
		expect(first).toContain('[second]: /issues/second-post/');
		expect(first).toContain('```md\n[in code](/posts/second-post/)\n```\n\nInline `[x](/posts/second-post/)`.');
		expect(first).toContain('[gone](/posts/nothing/) and [missing file](../missing.md).');
		expect(article(result, dir, 'welcome-to-jekyll')).toContain('Read [my other post](/issues/other/) and a missing one.');
		expect(article(result, dir, 'other')).toContain('Back to [the first](/issues/first-post/).');
		const messages = result.losses.map((loss) => `${loss.file}: ${loss.message}`);
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/-first-post\.md: a link to \/posts\/nothing\/ leads to no post of this import/),
				expect.stringMatching(/-first-post\.md: a link to \.\.\/missing\.md leads to no post of this import/),
				expect.stringMatching(/-welcome-to-jekyll\.md: `\{% post_url 2024-01-01-nope %\}` names no post of this export/),
			]),
		);
		// Only those: home, anchors, other sites and images are not listed.
		expect(messages.filter((m) => m.includes('leads to no post'))).toHaveLength(2);
		expect(result.losses.find((loss) => loss.message.includes('image'))?.message).toContain('/posts/second-post/chart.png');
	});

	test('an inline {% highlight %} leaves the rest of the post, and its summary, as prose', async () => {
		const dir = content();
		const source = exportOf({
			'_posts/2024-05-01-setup.md':
				'---\ntitle: Setup\n---\n\nYou will find it in your directory. {% highlight ruby %}def x; end{% endhighlight %} Then run it.\n\n## Next\n\nMore.\n',
		});
		const result = await runImport(source, { contentDir: dir, today });
		const text = article(result, dir, 'setup');
		expect(frontmatter(text).summary).toBe('You will find it in your directory. def x; end Then run it.');
		expect(text).toContain('\nYou will find it in your directory. `def x; end` Then run it.\n\n## Next\n\nMore.\n');
		expect(text).not.toContain('```');
	});
});

describe('zip limits', () => {
	test('a zip entry too large to read is refused with a report line', async () => {
		const { ZIP_LIMITS } = await import('../../../../scripts/lib/import/source.ts');
		const saved = { ...ZIP_LIMITS };
		ZIP_LIMITS.entry = 200;
		try {
			const zip = join(scratch(), 'export.zip');
			const enc = (text: string) => new TextEncoder().encode(text);
			writeFileSync(
				zip,
				zipSync({
					'small.md': enc('---\ntitle: Small\ndate: 2024-01-01\n---\n\nThis post fits within the limit.\n'),
					'big.md': enc(`---\ntitle: Big\ndate: 2024-01-02\n---\n\n${'A post far longer than the limit. '.repeat(20)}\n`),
				}),
			);
			const result = await runImport(zip, { contentDir: content(), today });
			expect(result.written.map((w) => w.path)).toEqual(['issues/001-small.md']);
			expect(result.skipped).toEqual([
				expect.objectContaining({
					file: expect.stringContaining('export.zip: big.md'),
					message: expect.stringContaining('too large to read'),
				}),
			]);
		} finally {
			Object.assign(ZIP_LIMITS, saved);
		}
	});
});

describe('folders and names', () => {
	test('a content folder not made yet is made; an image already there is kept and the new one named apart', async () => {
		const dir = join(scratch(), 'new-site', 'content');
		const result = await runImport(join(FIXTURES, 'import-ghost/export'), { contentDir: dir, today });
		expect(result.written.length).toBeGreaterThan(0);
		expect(result.notes).toContainEqual(
			expect.objectContaining({ file: 'site.yaml', message: expect.stringContaining('has no site.yaml') }),
		);
		const other = content();
		mkdirSync(join(other, 'images/partner-tiers'), { recursive: true });
		writeFileSync(join(other, 'images/partner-tiers/handshake.png'), 'mine');
		// The image name is taken, so the import picks another: nothing is in the way.
		const again = await runImport(join(FIXTURES, 'import-ghost/export'), { contentDir: other, today });
		expect(again.written).toContainEqual({ path: 'images/partner-tiers/handshake-2.png', kind: 'image' });
		expect(read(other, 'images/partner-tiers/handshake.png')).toBe('mine');
	});
});

describe('what the schema refuses', () => {
	const made = (changes: Partial<Article>): Article => ({
		post: { key: 'markdown a.md', source: 'a.md', tags: [], authors: [], draft: false },
		order: 0,
		title: 'A title',
		date: '2024-01-01',
		summary: 'A summary.',
		slug: 'a-title',
		tags: [],
		draft: false,
		number: 1,
		body: 'Text.\n',
		losses: [],
		path: 'issues/001-a-title.md',
		...changes,
	});

	test('fields the build would refuse make a draft without them, with the build’s message', () => {
		const article = made({ tags: ['x'.repeat(41)], author: 'ana' });
		const text = settledText(article, 'issues')!;
		expect(frontmatter(text)).toMatchObject({ draft: true, tags: [] });
		expect(frontmatter(text).author).toBeUndefined();
		expect(articleProblems(article.path, text, 'issues')).toEqual([]);
		expect(article.losses[0]?.message).toBe(
			'it was kept as a draft because the build would refuse it: issues/001-a-title.md: tags.0: is longer than 40 characters (it has 41). Shorten it. For example: tags: [activation, goals]',
		);
	});

	test('an article that cannot be made valid is not written', () => {
		expect(settledText(made({ title: '' }), 'issues')).toBeUndefined();
	});

	test('a valid article is left as it is', () => {
		const article = made({ tags: ['Pipeline'] });
		expect(frontmatter(settledText(article, 'issues')!)).toMatchObject({ tags: ['Pipeline'] });
		expect(article.losses).toEqual([]);
	});
});
