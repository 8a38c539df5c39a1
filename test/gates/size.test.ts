import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { TOOLS } from '../../src/tools/index.ts';
import { buildSite, ROOT, TMP } from '../helpers/build.ts';
import { type Budget, listPages, overBudget, type PageType, pageType, pageWeight, type SitePage } from '../helpers/gates.ts';

/**
 * Gzip bytes a page may load before any interaction. Article pages get 1 kB of
 * JavaScript (theme, search button); a page holding a tool gets that plus the
 * tool's declared budget (`src/tools/index.ts`: 5.2 kB for the checklist, 12 kB for the
 * questionnaire, 15.5 kB for the goal builder), and
 * every page 10 kB of CSS and 7 kB of HTML around its content ("chrome": the
 * page minus its `[data-pagefind-body]` elements' content).
 */
const PAGE: Budget = { js: 1_000, css: 10_000, chrome: 7_000 };
export const BUDGETS: Record<PageType, Budget> = {
	home: PAGE,
	archive: PAGE,
	issue: PAGE,
	playbook: PAGE,
	page: PAGE,
	playbooks: PAGE,
	tags: PAGE,
	tag: PAGE,
	author: PAGE,
	'not-found': PAGE,
	redirect: PAGE,
	tools: PAGE,
	...(Object.fromEntries(TOOLS.map((tool) => [tool.id, { ...PAGE, js: PAGE.js + tool.budget }])) as Record<
		(typeof TOOLS)[number]['id'],
		Budget
	>),
	// The search page's own code; Pagefind's engine, UI and index (under
	// /pagefind/) are fetched at run time and measured by the search issue.
	search: { ...PAGE, js: 6_000 },
};

/** A page's budget: its type's, and on a page holding several tools, the base plus each tool's budget. */
function budgetOf(page: SitePage, type: PageType): Budget {
	const html = readFileSync(page.file, 'utf8');
	const held = TOOLS.filter((tool) => new RegExp(`<${tool.element}[\\s>]`).test(html));
	return held.length > 1 ? { ...BUDGETS[type], js: PAGE.js + held.reduce((sum, tool) => sum + tool.budget, 0) } : BUDGETS[type];
}

/** Pagefind's files: loaded on demand (when search opens, or by the search page's script). */
const lazy = (url: string) => /\/pagefind\//.test(url);

for (const [name, base] of [
	['sample', '/'],
	['sample-base', '/newsletter/'],
] as const) {
	describe(`page weight of the ${name} site (gzip, before interaction)`, () => {
		const dist = join(TMP, name, 'dist');
		const pages = listPages(dist, base);

		test('has every kind of page the budgets cover', () => {
			const types = new Set(pages.map((page) => pageType(page, base)));
			// Every sample playbook holds a tool, so plain playbook pages are checked only when a site has them.
			for (const type of ['home', 'archive', 'issue', 'checklist', 'questionnaire', 'goals', 'tools', 'tag', 'author'] as const)
				expect(types).toContain(type);
		});

		test.each(pages.map((page) => [page.path, page] as const))('%s is within its budget', (_, page) => {
			const type = pageType(page, base);
			expect(overBudget(pageWeight(dist, page, base, lazy), budgetOf(page, type), type)).toEqual([]);
		});
	});
}

/**
 * Pages whose length is meant to be bounded (the home page, and the archive,
 * tag and author pages, which page through their articles) must not grow with
 * the archive. Built from 300 generated articles, about six years of weekly
 * issues and their playbooks. The playbook index lists every playbook by
 * category by design, so it grows with them and is not checked here.
 */
describe('page weight of a generated 300-article site', () => {
	const work = join(TMP, 'generated-300');
	let dist = '';
	beforeAll(async () => {
		execFileSync(process.execPath, [
			join(ROOT, 'scripts/generate-content.mjs'),
			'--count',
			'300',
			'--seed',
			'1',
			'--out',
			join(work, 'content'),
		]);
		const result = await buildSite(join(work, 'content'), { out: 'generated-300' });
		expect(result.code, result.output).toBe(0);
		dist = result.dist;
	}, 300_000);

	test('the home page and every archive, tag and author page are within their budgets', () => {
		const listings = listPages(dist).filter((page) => ['home', 'archive', 'tag', 'author'].includes(pageType(page)));
		expect(listings.filter((page) => /\/(tags|authors)\/[^/]+\/page\/\d+\/$/.test(page.path)).length).toBeGreaterThan(5);
		expect(
			listings.flatMap((page) => overBudget(pageWeight(dist, page, '/', lazy), BUDGETS[pageType(page)], pageType(page))),
		).toEqual([]);
	});
});

describe('the budget check', () => {
	// Random text barely compresses, so gzip sizes stay close to these lengths.
	let seed = 7;
	const noise = (length: number) =>
		Array.from({ length }, () => {
			// xorshift32: fast, deterministic and with no visible pattern for gzip to find.
			seed ^= seed << 13;
			seed ^= seed >>> 17;
			seed ^= seed << 5;
			return 'abcdefghijklmnopqrstuvwxyz0123456789'[(seed >>> 0) % 36];
		}).join('');
	const dist = join(TMP, 'gate-size');

	test('names the page, the bytes and what they are made of', () => {
		rmSync(dist, { recursive: true, force: true });
		mkdirSync(join(dist, '_astro'), { recursive: true });
		mkdirSync(join(dist, 'pagefind'), { recursive: true });
		writeFileSync(
			join(dist, '_astro/app.js'),
			`import"./chunk.js";const later=()=>import("./lazy.js");console.log("${noise(1000)}");`,
		);
		writeFileSync(join(dist, '_astro/chunk.js'), `export const a="${noise(1000)}";`);
		writeFileSync(join(dist, '_astro/lazy.js'), `export const b="${noise(5000)}";`);
		writeFileSync(join(dist, '_astro/site.css'), `@import "./more.css";body{--x:"${noise(9000)}"}`);
		writeFileSync(join(dist, '_astro/more.css'), `p{--y:"${noise(9000)}"}`);
		writeFileSync(join(dist, 'pagefind/pagefind-ui.js'), noise(9000));
		writeFileSync(
			join(dist, 'index.html'),
			`<!doctype html><html lang="en"><head><title>Heavy</title><link rel="stylesheet" href="/_astro/site.css">
<script>var inline="${noise(200)}"</script><script type="application/ld+json">{"data":"${noise(3000)}"}</script>
<script type="module" src="/_astro/app.js"></script><script src="/pagefind/pagefind-ui.js"></script></head>
<body><nav>${noise(12000)}</nav><main data-pagefind-body>${noise(20000)}</main></body></html>`,
		);
		const [page] = listPages(dist);
		const weight = pageWeight(dist, page!, '/', lazy);
		expect(weight.files.js.map((f) => f.url)).toEqual(['inline', '/_astro/app.js', '/_astro/chunk.js']);
		expect(weight.files.css.map((f) => f.url)).toEqual(['/_astro/site.css', '/_astro/more.css']);
		const problems = overBudget(weight, BUDGETS.issue, 'issue');
		expect(problems).toHaveLength(3);
		expect(problems[0]).toMatch(
			/^\/ \(issue\): JavaScript is \d+ B gzip, over its 1000 B budget \(inline \d+ B, \/_astro\/app.js \d+ B, \/_astro\/chunk.js \d+ B\)$/,
		);
		expect(problems[1]).toMatch(
			/^\/ \(issue\): CSS is \d+ B gzip, over its 10000 B budget \(\/_astro\/site.css \d+ B, \/_astro\/more.css \d+ B\)$/,
		);
		expect(problems[2]).toMatch(/^\/ \(issue\): page chrome is \d+ B gzip of HTML, over its 7000 B budget \(whole page \d+ B\)$/);
		expect(overBudget(weight, { js: 1e6, css: 1e6, chrome: 1e6 })).toEqual([]);
	});

	test('a page that loads a file missing from the site is an error, not zero bytes', () => {
		writeFileSync(join(dist, 'index.html'), '<!doctype html><script src="/_astro/gone.js"></script>');
		const [page] = listPages(dist);
		expect(() => pageWeight(dist, page!)).toThrow('/ loads /_astro/gone.js, which is not in the built site.');
	});
});
