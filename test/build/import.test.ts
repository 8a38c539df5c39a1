import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { writeReport } from '../../scripts/lib/import/report.ts';
import { type ImportResult, runImport } from '../../scripts/lib/import/run.ts';
import { type BuildResult, buildSite, ROOT, readPage, TMP } from '../helpers/build.ts';

const FIXTURES = join(ROOT, 'test/fixtures');
const PNG = readFileSync(join(FIXTURES, 'import-ghost/export/content/images/2024/03/handshake.png'));
const work = join(TMP, 'import-site');
const contentDir = join(work, 'content');
const results: ImportResult[] = [];
let site: BuildResult;

/** The Substack fixture as the .zip Substack sends, wrapped in one folder. */
function substackZip(): string {
	const folder = join(FIXTURES, 'import-substack/export');
	const entries: Record<string, Uint8Array> = {};
	for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
		const path = join(folder, file);
		if (file.endsWith('.csv') || file.endsWith('.html')) entries[`export-2024-03-01/${file}`] = readFileSync(path);
	}
	const zip = join(work, 'substack-export.zip');
	writeFileSync(zip, zipSync(entries));
	return zip;
}

/** Remote images "downloaded" from a stand-in for the old platform: every address answers with a small PNG. */
const images: typeof fetch = async () => new Response(PNG, { headers: { 'content-type': 'image/png' } });

beforeAll(async () => {
	rmSync(work, { recursive: true, force: true });
	mkdirSync(contentDir, { recursive: true });
	// A new site: settings and authors only, as after removing the sample issues.
	cpSync(join(FIXTURES, 'good/content/site.yaml'), join(contentDir, 'site.yaml'));
	cpSync(join(FIXTURES, 'good/content/authors'), join(contentDir, 'authors'), { recursive: true });
	const today = new Date(2026, 10, 23);
	const run = async (path: string, options: Partial<Parameters<typeof runImport>[1]> = {}) => {
		const result = await runImport(path, { contentDir, today, ...options });
		writeReport(result, '2026-11-23');
		results.push(result);
	};
	await run(substackZip(), { downloadImages: true, fetch: images });
	await run(join(FIXTURES, 'import-ghost/export'));
	await run(join(FIXTURES, 'import-wordpress/export'), { downloadImages: true, fetch: images });
	await run(join(FIXTURES, 'import-markdown/export'));
	await run(join(FIXTURES, 'import-markdown/export'), { as: 'playbooks', tags: ['Imported'] });
	site = await buildSite(contentDir, { out: 'import-site' });
});

describe('an imported site builds on the first try', () => {
	test('the build passes with no content problem', () => {
		expect(site.code, site.output).toBe(0);
		expect(site.output).not.toContain('Pactbook found');
	});

	test('each format’s posts are pages of the site', () => {
		for (const path of [
			'/issues/first-partner-review/',
			'/issues/co-selling-basics/',
			'/issues/partner-tiers/',
			'/issues/mapping-territories/',
			'/issues/kickoff/',
			'/issues/partner-scorecards/',
			'/issues/onboarding/',
			'/issues/year-in-review/',
			'/issues/partner-week/',
			'/playbooks/onboarding/',
		]) {
			expect(existsSync(join(site.dist, path, 'index.html')), path).toBe(true);
		}
		const page = parse(readPage(site.dist, '/issues/first-partner-review/'));
		expect(page.querySelector('h1')?.text.trim()).toBe('The first partner review');
		expect(page.querySelector('table')).not.toBeNull();
		expect(page.querySelector('.pb-callout')).toBeNull();
		expect(parse(readPage(site.dist, '/issues/partner-tiers/')).querySelector('.pb-callout-note')?.text).toContain(
			'shared customer win',
		);
	});

	test('drafts (unpublished and paid-only posts) are held back', () => {
		for (const slug of [
			'notes-in-progress',
			'pricing-for-partners',
			'partner-councils',
			'draft-joint-marketing-funds',
			'referrals',
		]) {
			expect(existsSync(join(site.dist, 'issues', slug)), slug).toBe(false);
		}
		expect(site.output).toContain('Held back');
	});

	test('images are served by the site itself: no page of an imported issue loads one from elsewhere', () => {
		for (const path of [
			'/issues/first-partner-review/',
			'/issues/partner-tiers/',
			'/issues/mapping-territories/',
			'/issues/kickoff/',
			'/issues/partner-scorecards/',
		]) {
			const sources = parse(readPage(site.dist, path))
				.querySelectorAll('main img')
				.map((img) => img.getAttribute('src') ?? '');
			expect(sources.length, path).toBeGreaterThan(0);
			for (const src of sources) expect(src, path).toMatch(/^\/_astro\//);
		}
	});

	test('posts of other generators keep their prose and link to each other’s new pages', () => {
		const page = (path: string) => parse(readPage(site.dist, path));
		const week = page('/issues/partner-week/');
		const hrefs = (root: ReturnType<typeof page>) => root.querySelectorAll('main a').map((a) => a.getAttribute('href'));
		// The title is the only # heading, and an inline {% highlight %} stays in its paragraph.
		expect(week.querySelectorAll('h1').map((h) => h.text.trim())).toEqual(['Partner week, day by day']);
		expect(week.querySelector('main pre')).toBeNull();
		expect(week.querySelector('main p code')?.text).toBe('Signup.open!');
		expect(week.querySelector('main')?.text).not.toMatch(/\{\{|\{%|ruby/);
		expect(hrefs(week)).toEqual(expect.arrayContaining(['/issues/year-in-review/', '/issues/partner-scorecards/', '/archive/']));
		expect(hrefs(week)).not.toContain('');
		expect(week.querySelector('main')?.text).toContain('and so is this draft.');
		const scorecards = page('/issues/partner-scorecards/');
		expect(scorecards.querySelectorAll('h1').map((h) => h.text.trim())).toEqual(['Scorecards partners actually read']);
		expect(hrefs(scorecards)).toEqual(expect.arrayContaining(['/issues/onboarding/', '/issues/partner-week/']));
		expect(hrefs(page('/playbooks/partner-scorecards/'))).toEqual(
			expect.arrayContaining(['/playbooks/onboarding/', '/playbooks/partner-week/']),
		);
		// Jekyll's `categories: partners news` is two tags.
		for (const tag of ['partners', 'news']) expect(existsSync(join(site.dist, `tags/${tag}/index.html`)), tag).toBe(true);
		const file = readdirSync(join(contentDir, 'issues')).find((name) => name.endsWith('-partner-week.md'))!;
		expect(readFileSync(join(contentDir, 'issues', file), 'utf8')).toContain(
			'summary: "Sign-ups open on Monday from the scripts directory. Signup.open! Partners get the link by email."',
		);
		const report = readFileSync(join(contentDir, 'import-report-4.md'), 'utf8');
		expect(report).toContain('a link to /archive/ leads to no post of this import');
		expect(report).toContain('`{% post_url 2019-01-01-never-written %}` names no post of this export');
		expect(report).toContain('a Liquid or Hugo template value ({{ … }}) was removed');
	});

	test('tags that share an address became one tag page', () => {
		expect(existsSync(join(site.dist, 'tags/partner-programs/index.html'))).toBe(true);
		expect(existsSync(join(site.dist, 'tags/partner-metrics/index.html'))).toBe(true);
	});

	test('each import wrote its report beside the content', () => {
		expect(
			readdirSync(contentDir)
				.filter((f) => f.startsWith('import-report'))
				.sort(),
		).toEqual(['import-report-2.md', 'import-report-3.md', 'import-report-4.md', 'import-report-5.md', 'import-report.md']);
		expect(results.every((r) => r.written.length > 0)).toBe(true);
	});
});
