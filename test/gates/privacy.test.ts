import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { ROOT, TMP } from '../helpers/build.ts';
import { listPages, onePerType, requestsOf, served } from '../helpers/gates.ts';
import { type StaticSite, serve } from '../helpers/server.ts';

let browser: Browser;

beforeAll(async () => {
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
});

/**
 * Opens search and types a query when the page offers it, and waits for
 * Pactbook's search panel to show its answer, so its lazily loaded files are
 * requested too: the panel's script may still be starting when the page first
 * goes idle.
 */
async function search(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: /^search/i }).first();
	if ((await button.count()) === 0 || !(await button.isVisible())) return;
	await button.click();
	await page.keyboard.type('partner');
	if ((await page.locator('pb-search').count()) === 0) return;
	await page
		.locator('pb-search:is([data-state="found"], [data-state="none"], [data-state="failed"])')
		.waitFor({ state: 'attached' });
}

describe('no request leaves the sample site', () => {
	let site: StaticSite;
	const dist = join(TMP, 'sample/dist');
	beforeAll(async () => {
		site = await serve(dist);
	});
	afterAll(async () => {
		await site?.close();
	});

	test.each([...onePerType(listPages(dist))])('on a %s page, search included', async (_, page) => {
		expect((await requestsOf(browser, served(site.url, page), search)).offOrigin).toEqual([]);
	});

	test('the search step does load the search engine, so lazy requests are covered', async () => {
		const { onOrigin } = await requestsOf(browser, site.url, search);
		expect(onOrigin.filter((url) => url.includes('/pagefind/')).length).toBeGreaterThan(2);
	});
});

test('no request leaves the site under a sub-path base, search included', async () => {
	const site = await serve(join(TMP, 'sample-base/dist'), '/newsletter/');
	try {
		expect((await requestsOf(browser, site.url, search)).offOrigin).toEqual([]);
	} finally {
		await site.close();
	}
});

describe('the privacy gate', () => {
	test('reports stylesheets, images and scripted requests to other hosts', async () => {
		const site = await serve(join(ROOT, 'test/fixtures/gate-privacy/site'));
		try {
			const { offOrigin, onOrigin } = await requestsOf(browser, site.url, search);
			expect(offOrigin.sort()).toEqual([
				'fetch https://api.example.org/search?q=x',
				'image https://tracker.example.net/pixel.gif',
				'stylesheet https://fonts.example.com/css?family=Serif',
			]);
			expect(onOrigin).toEqual([site.url, `${site.url}local.css`]);
		} finally {
			await site.close();
		}
	});
});
