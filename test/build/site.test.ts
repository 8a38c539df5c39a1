import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, buildSite, copyFixture, pageAt, until, withDevServer } from '../helpers/build.ts';
import { hrefs, page, text } from '../helpers/html.ts';

let site: BuildResult;

beforeAll(async () => {
	site = await buildSite('good');
	expect(site.code, site.output).toBe(0);
});

/** Every built page, as URL paths. */
function pages(dist: string): string[] {
	return readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html') && !file.endsWith('email.html'))
		.map(
			(file) =>
				`/${file
					.replace(/index\.html$/, '')
					.split('\\')
					.join('/')}`,
		)
		.sort();
}

describe('a good site', () => {
	test('builds exactly the expected pages', () => {
		expect(pages(site.dist)).toEqual(
			[
				'/',
				'/404.html',
				'/about/',
				'/authors/ana/',
				'/authors/ana/page/2/',
				'/authors/ben/',
				...['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'].flatMap((s, i) => [`/issues/0${i + 1}-${s}/`, `/tags/${s}/`]),
				'/issues/',
				...[1, 2, 3, 4, 5, 6].map((n) => `/issues/${n}/`),
				'/issues/page/2/',
				'/playbooks/',
				'/playbooks/custom-slug/',
				'/playbooks/guide/',
				'/tags/',
				'/tags/shared/',
				'/tags/shared/page/2/',
				'/search/',
				'/self-assessments/',
				'/tools/',
				'/tools/micro-goals/',
			].sort(),
		);
	});

	test('the sitemap lists every built page but the 404 page and the pages at issue numbers, once each', () => {
		const sitemap = readFileSync(join(site.dist, 'sitemap-0.xml'), 'utf8');
		const listed = [...sitemap.matchAll(/<loc>https:\/\/fixture\.example\.com(\/[^<]*)<\/loc>/g)].map((m) => m[1]!);
		expect(listed).toHaveLength(new Set(listed).size);
		expect(listed.sort()).toEqual(pages(site.dist).filter((path) => path !== '/404.html' && !/^\/issues\/\d+\/$/.test(path)));
		expect(listed).toContain('/issues/page/2/');
		expect(readFileSync(join(site.dist, 'sitemap-index.xml'), 'utf8')).toContain(
			'<loc>https://fixture.example.com/sitemap-0.xml</loc>',
		);
	});

	test('drafts and _-prefixed files are not published anywhere', () => {
		const everything = pages(site.dist)
			.map((p) => readFileSync(join(site.dist, p.endsWith('/') ? `${p}index.html` : p), 'utf8'))
			.join('\n');
		expect(everything).not.toContain('secretplan');
		expect(everything).not.toContain('Skipped file');
	});

	test('the archive lists issues newest first, grouped by year, paginated', () => {
		const first = page(site.dist, '/issues/');
		expect(first.querySelectorAll('section h2').map((h) => h.text)).toEqual(['2026', '2025']);
		expect(first.querySelectorAll('.pb-list h3').map((h) => h.text.trim())).toEqual(
			['zeta', 'epsilon', 'delta', 'gamma', 'beta'].map((s) => `Issue ${s}`),
		);
		expect(hrefs(first, '.pb-pagination a[rel=next]')).toEqual(['/issues/page/2/']);
		const second = page(site.dist, '/issues/page/2/');
		expect(second.querySelectorAll('.pb-list h3').map((h) => h.text.trim())).toEqual(['Issue alpha']);
		expect(text(second, 'h1')).toBe('All issues, page 2 of 2');
		expect(hrefs(second, '.pb-pagination a[rel=prev]')).toEqual(['/issues/']);
	});

	test('tag and author pages are paginated like the archive', () => {
		const tag = page(site.dist, '/tags/shared/');
		expect(tag.querySelectorAll('.pb-list > li')).toHaveLength(5);
		expect(text(tag, '.pb-pagination')).toContain('Next page');
		expect(tag.querySelector('.pb-pagination')?.getAttribute('aria-label')).toBe('Pages tagged “shared”');
		expect(hrefs(tag, '.pb-pagination a[rel=next]')).toEqual(['/tags/shared/page/2/']);
		const tagEnd = page(site.dist, '/tags/shared/page/2/');
		expect(text(tagEnd, 'h1')).toBe('Tagged “shared”, page 2 of 2');
		expect(tagEnd.querySelectorAll('.pb-list > li').length).toBeGreaterThan(0);
		expect(hrefs(tagEnd, '.pb-pagination a[rel=prev]')).toEqual(['/tags/shared/']);
		const listed = (p: ReturnType<typeof page>) => hrefs(p, '.pb-list h3 a');
		const author = [...listed(page(site.dist, '/authors/ana/')), ...listed(page(site.dist, '/authors/ana/page/2/'))];
		expect(author).toHaveLength(new Set(author).size);
		expect(author).toHaveLength(7);
		expect(text(page(site.dist, '/authors/ana/page/2/'), 'h1')).toBe('Ana Test, page 2 of 2');
	});

	test('an issue page shows its metadata, contents, anchors and neighbours', () => {
		const gamma = page(site.dist, '/issues/03-gamma/');
		expect(text(gamma, 'h1')).toBe('Issue gamma');
		expect(gamma.querySelectorAll('.pb-meta li').map((li) => li.text.trim())).toEqual([
			'Issue #3',
			'January 5, 2026',
			'By Ana Test',
			'1 min read',
		]);
		expect(gamma.querySelector('time')?.getAttribute('datetime')).toBe('2026-01-05');
		expect(hrefs(gamma, '.pb-toc a')).toEqual(['#first-part', '#a-detail', '#second-part']);
		expect(gamma.querySelector('h2#first-part')).not.toBeNull();
		expect(hrefs(gamma, '.pb-heading a.pb-anchor')).toEqual(['#first-part', '#a-detail', '#second-part']);
		expect(hrefs(gamma, 'a[rel=prev]')).toEqual(['/issues/02-beta/']);
		expect(hrefs(gamma, 'a[rel=next]')).toEqual(['/issues/04-delta/']);
		expect(hrefs(gamma, '.pb-article-head .pb-tags a')).toEqual(['/tags/shared/', '/tags/gamma/']);
		const related = hrefs(gamma, '.pb-related a');
		expect(related).toHaveLength(3);
		expect(related).not.toContain('/issues/03-gamma/');
	});

	test('the newest and oldest issues link only one way', () => {
		expect(hrefs(page(site.dist, '/issues/06-zeta/'), 'a[rel=next]')).toEqual([]);
		expect(hrefs(page(site.dist, '/issues/01-alpha/'), 'a[rel=prev]')).toEqual([]);
	});

	test('playbooks are grouped by category; slugs can be set', () => {
		const list = page(site.dist, '/playbooks/');
		expect(list.querySelectorAll('section h2').map((h) => h.text)).toEqual(['Activation', 'Goals']);
		expect(hrefs(list, '.pb-list a')).toEqual(['/playbooks/guide/', '/playbooks/custom-slug/']);
		const guide = page(site.dist, '/playbooks/guide/');
		expect(guide.querySelectorAll('.pb-meta li').map((li) => li.text.trim())).toEqual([
			'Updated March 1, 2026',
			'By Ben Test',
			'1 min read',
		]);
		expect(text(guide, '.pb-callout-tip .pb-callout-title')).toBe('Try this');
		expect(text(guide, '.pb-wild-lesson')).toBe('The lesson: Fixtures teach.');
		expect(guide.querySelector('a[rel=prev]')).toBeNull();
	});

	test('Markdown blocks render exactly as the MDX components do', () => {
		const blocks = (path: string) =>
			page(site.dist, path)
				.querySelectorAll('main :is(.pb-callout, .pb-wild)')
				.map((el) => el.outerHTML.replace(/>\s+</g, '><'));
		// guide.mdx has the two components and a ::: block, which MDX files may use too.
		const mdx = blocks('/playbooks/guide/');
		const md = blocks('/playbooks/custom-slug/');
		expect(mdx).toHaveLength(3);
		expect(md).toEqual(mdx);
		// Colons inside text are not blocks and stay as written.
		expect(text(page(site.dist, '/playbooks/custom-slug/'), '.pb-prose')).toContain(
			'Meet at 10:30am; keep a 3:1 ratio, plan Q3:revenue, write to mailto:ana@example.com and read a:b. ::leaf{a="1"}',
		);
		expect(md[2]).toBe(
			'<aside class="pb-callout pb-callout-warning" aria-label="Watch out"><p class="pb-callout-title">Watch out</p><p>Careful.</p></aside>',
		);
	});

	test('tag, author and about pages', () => {
		const shared = page(site.dist, '/tags/shared/');
		expect(text(shared, '.pb-muted')).toBe('7 articles.');
		expect(text(page(site.dist, '/tags/'), 'main a[href="/tags/shared/"]')).toBe('shared (7)');
		const ana = page(site.dist, '/authors/ana/');
		expect(text(ana, 'h1')).toBe('Ana Test');
		expect(ana.querySelectorAll('.pb-list > li')).toHaveLength(5);
		expect(text(page(site.dist, '/about/'), 'h1')).toBe('About Fixture Weekly');
	});

	test('article pages load no JavaScript file and one stylesheet', () => {
		const gamma = page(site.dist, '/issues/03-gamma/');
		expect(gamma.querySelectorAll('script[src]')).toHaveLength(0);
		expect(gamma.querySelectorAll('link[rel=stylesheet]')).toHaveLength(1);
		expect(gamma.getAttribute('lang') ?? gamma.querySelector('html')?.getAttribute('lang')).toBe('en');
	});
});

test('under a sub-path, every link and asset starts with the base', async () => {
	const based = await buildSite('good', { base: '/newsletter/', out: 'good-base' });
	expect(based.code, based.output).toBe(0);
	for (const path of pages(based.dist)) {
		const root = page(based.dist, path);
		const urls = [
			...hrefs(root, 'a[href], link[href]'),
			...root.querySelectorAll('script[src], img[src]').map((e) => e.getAttribute('src') ?? ''),
		].filter((u) => u.startsWith('/'));
		for (const url of urls) expect(`${path} → ${url}`).toMatch(/ → \/newsletter\//);
	}
	// The content's own root-relative link is rewritten too.
	expect(hrefs(page(based.dist, '/issues/03-gamma/'), '.pb-prose a')).toContain('/newsletter/playbooks/guide/');
});

test('a new issue file gives a page, an archive entry and prev/next links after a rebuild', async () => {
	const work = copyFixture('good', 'grow-content');
	const before = await buildSite(work, { out: 'grow' });
	expect(before.code, before.output).toBe(0);
	expect(existsSync(join(before.dist, 'issues/08-eta/index.html'))).toBe(false);

	writeFileSync(
		join(work, 'issues/08-eta.mdx'),
		'---\nnumber: 8\ntitle: Issue eta\ndate: 2026-05-04\nsummary: The newest.\ntags: [shared]\n---\n\nFresh words.\n',
	);
	const after = await buildSite(work, { out: 'grow' });
	expect(after.code, after.output).toBe(0);
	expect(text(page(after.dist, '/issues/08-eta/'), 'h1')).toBe('Issue eta');
	expect(page(after.dist, '/issues/').querySelectorAll('.pb-list h3')[0]?.text.trim()).toBe('Issue eta');
	expect(hrefs(page(after.dist, '/issues/08-eta/'), 'a[rel=prev]')).toEqual(['/issues/06-zeta/']);
	expect(hrefs(page(after.dist, '/issues/06-zeta/'), 'a[rel=next]')).toEqual(['/issues/08-eta/']);

	// An edited article is measured again; the content store keeps no article source.
	const readTime = (dist: string) => page(dist, '/issues/08-eta/').querySelectorAll('.pb-meta li').at(-1)?.text.trim();
	expect(readTime(after.dist)).toBe('1 min read');
	writeFileSync(
		join(work, 'issues/08-eta.mdx'),
		`${readFileSync(join(work, 'issues/08-eta.mdx'), 'utf8')}\n${'word '.repeat(1_150)}\n`,
	);
	const longer = await buildSite(work, { out: 'grow' });
	expect(longer.code, longer.output).toBe(0);
	expect(readTime(longer.dist)).toBe('5 min read');
	const store = readFileSync(join(longer.dist, '../cache/data-store.json'), 'utf8');
	expect(store).toContain('Issue eta');
	expect(store).not.toContain('Fresh words.');
});

test('a site of issues alone builds without a warning, and a folder deleted since the last build leaves nothing behind', async () => {
	// Issues and authors only: no playbooks, pages, questionnaires or goal templates.
	const work = copyFixture('email-editions', 'issues-only-content');
	const warnings = (output: string) => output.split('\n').filter((line) => /\[WARN\]/.test(line));
	mkdirSync(join(work, 'playbooks'));
	writeFileSync(
		join(work, 'playbooks/kept.md'),
		'---\ntitle: A playbook for now\nsummary: Removed later.\ncategory: Goals\nupdated: 2026-03-01\n---\n\nSteps.\n',
	);
	const first = await buildSite(work, { out: 'issues-only' });
	expect(first.code, first.output).toBe(0);
	expect(existsSync(join(first.dist, 'playbooks/kept/index.html'))).toBe(true);
	expect(warnings(first.output)).toEqual([]);

	// The folder goes: the build from the same cache has no trace of its playbook.
	rmSync(join(work, 'playbooks'), { recursive: true });
	const deleted = await buildSite(work, { out: 'issues-only' });
	expect(deleted.code, deleted.output).toBe(0);
	expect(existsSync(join(deleted.dist, 'playbooks/kept/index.html'))).toBe(false);
	expect(readFileSync(join(deleted.dist, 'index.html'), 'utf8')).not.toContain('A playbook for now');
	expect(readFileSync(join(deleted.dist, 'playbooks/feed.xml'), 'utf8')).not.toContain('A playbook for now');
	expect(warnings(deleted.output)).toEqual([]);

	// A folder holding only files the collection does not read is as empty.
	mkdirSync(join(work, 'playbooks'));
	writeFileSync(join(work, 'playbooks/_ideas.md'), 'Notes for later.\n');
	const empty = await buildSite(work, { out: 'issues-only' });
	expect(empty.code, empty.output).toBe(0);
	expect(warnings(empty.output)).toEqual([]);
	expect(readdirSync(join(empty.dist, 'issues')).length).toBeGreaterThan(3);
});

test('astro dev on a site of issues alone warns of nothing, and serves the first playbook and page once they are written', async () => {
	const work = copyFixture('email-editions', 'issues-only-dev-content');
	// No playbooks folder at all, and an empty pages folder.
	mkdirSync(join(work, 'pages'));
	const problems = (output: string) => output.split('\n').filter((line) => /\[WARN\]|\[ERROR\]/.test(line));
	await withDevServer(work, async (origin, output) => {
		await pageAt(`${origin}/issues/`, 200);
		expect(problems(output())).toEqual([]);
		mkdirSync(join(work, 'playbooks'));
		writeFileSync(join(work, 'playbooks/_draft.md'), 'Notes, not a playbook.\n');
		writeFileSync(
			join(work, 'playbooks/first.md'),
			'---\ntitle: A first playbook\nsummary: Written while the server runs.\ncategory: Goals\nupdated: 2026-03-01\n---\n\nSteps.\n',
		);
		await pageAt(`${origin}/playbooks/first/`, 200, 'A first playbook');
		expect(await pageAt(`${origin}/playbooks/`, 200)).toContain('A first playbook');
		// A first file with a mistake is reported as at start-up, and served once it is fixed.
		writeFileSync(join(work, 'pages/about.md'), '---\ntitle: About this letter\n---\n\nA page.\n');
		await until(async () => (/pages\/about\.md: summary: is required/.test(output()) ? true : undefined));
		writeFileSync(join(work, 'pages/about.md'), '---\ntitle: About this letter\nsummary: Who writes it.\n---\n\nA page.\n');
		await pageAt(`${origin}/about/`, 200, 'About this letter');
		// Each collection's glob loader watches once it has loaded: a second playbook arrives as usual.
		writeFileSync(
			join(work, 'playbooks/second.md'),
			'---\ntitle: A second playbook\nsummary: Also written while the server runs.\ncategory: Goals\nupdated: 2026-03-02\n---\n\nSteps.\n',
		);
		await pageAt(`${origin}/playbooks/second/`, 200, 'A second playbook');
		// Polling a page before its file is loaded is answered with a 404 and a router warning, and while
		// the only page is broken Astro finds its collection empty; nothing else warns.
		const expected = /\[router\].*no matching static path|The collection "pages" does not exist or is empty/;
		expect(problems(output()).filter((line) => !expected.test(line))).toEqual([
			expect.stringContaining('[ERROR] [pactbook] Pactbook found 1 problem in your content:'),
		]);
	});
});
