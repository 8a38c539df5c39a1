import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe } from '../helpers/axe.ts';
import { launch } from '../helpers/browser.ts';
import { ROOT, TMP } from '../helpers/build.ts';
import { isRedirect, listPages, onePerType, type SitePage, served, structureProblems } from '../helpers/gates.ts';
import { type StaticSite, serve } from '../helpers/server.ts';

const dist = join(TMP, 'sample/dist');
const pages = listPages(dist);
let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
});

/** Each axe violation on the given pages, as `page: rule (impact): help → targets`. */
async function violations(site: StaticSite, list: SitePage[], colorScheme: 'light' | 'dark' = 'light'): Promise<string[]> {
	const context: BrowserContext = await browser.newContext({ colorScheme, reducedMotion: 'reduce' });
	const found: string[] = [];
	try {
		const page = await context.newPage();
		for (const item of list) {
			await page.goto(served(site.url, item));
			for (const v of await axe(page)) found.push(`${item.path}: ${v.id} (${v.impact}): ${v.help} → ${v.targets.join(', ')}`);
		}
	} finally {
		await context.close();
	}
	return found;
}

describe('every page of the sample site', () => {
	test('has one h1, a lang, a title and a description', () => {
		const problems = pages.flatMap((page) => structureProblems(readFileSync(page.file, 'utf8')).map((p) => `${page.path} ${p}`));
		expect(problems).toEqual([]);
	});

	describe('passes axe (WCAG 2.2 AA) in Chromium', () => {
		let site: StaticSite;
		beforeAll(async () => {
			site = await serve(dist);
		});
		afterAll(async () => {
			await site?.close();
		});

		// Redirect pages forward at once (a meta refresh), so readers never see them.
		const shown = pages.filter((page) => !isRedirect(readFileSync(page.file, 'utf8')));

		test('covers the site', () => {
			expect(shown.length).toBeGreaterThan(10);
		});

		test.each(shown.map((page) => [page.path, page] as const))('%s in the light theme', async (_, page) => {
			expect(await violations(site, [page])).toEqual([]);
		});

		test('one page of each kind in the dark theme', async () => {
			expect(await violations(site, [...onePerType(shown).values()], 'dark')).toEqual([]);
		});
	});
});

describe('the accessibility gate', () => {
	test('reports structure problems and axe violations on a broken page', async () => {
		const fixture = join(ROOT, 'test/fixtures/gate-a11y/site');
		const [page] = listPages(fixture);
		expect(structureProblems(readFileSync(page!.file, 'utf8'))).toEqual([
			'has 2 h1 elements instead of one',
			'has no lang on <html>',
			'has no meta description',
		]);
		const site = await serve(fixture);
		try {
			const rules = (await violations(site, [page!])).map((v) => v.split(' ')[1]);
			expect(rules).toEqual(expect.arrayContaining(['button-name', 'color-contrast', 'html-has-lang', 'image-alt']));
		} finally {
			await site.close();
		}
	});
});
