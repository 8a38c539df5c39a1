import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumFlags, findChromium } from '../../scripts/lib/chromium.mjs';
import { TMP } from './build.ts';
import { type StaticSite, serve } from './server.ts';

/**
 * Starts headless Chromium (CHROMIUM_PATH, else the system's, else the one
 * `npm install` brings; see scripts/lib/chromium.mjs) with no background
 * networking, so the only requests it makes are the ones pages make.
 */
export async function launch(): Promise<Browser> {
	const found = await findChromium();
	return chromium.launch({
		executablePath: found.executablePath,
		env: { ...process.env, ...found.env },
		headless: true,
		args: chromiumFlags(found),
	});
}

/**
 * Resolves once the page's main thread has gone idle twice in a row (after any
 * navigation the page starts by itself): by then
 * anything the page starts on load or on idle (a lazy import, a prefetch) has
 * been started, so a check that "nothing was requested" cannot pass merely
 * because the machine was slow to get there.
 */
export async function pageIdle(page: Page): Promise<void> {
	for (let navigations = 0; ; navigations++) {
		try {
			return await page.evaluate(
				() =>
					new Promise<void>((done) =>
						requestIdleCallback(() => requestIdleCallback(() => done(), { timeout: 5000 }), { timeout: 5000 }),
					),
			);
		} catch (error) {
			// A page that forwards the reader elsewhere: wait for the next one instead.
			if (navigations > 5 || !String(error).includes('Execution context was destroyed')) throw error;
			await page.waitForLoadState('load');
		}
	}
}

/** The shared sample build, served, and a browser to open it in. */
export interface SampleSite {
	/** Address of the served site, ending in `/`. */
	readonly url: string;
	/**
	 * A fresh browser profile (its own storage) with reduced motion and
	 * downloads allowed, unless `options` say otherwise; closed after the file's tests.
	 */
	newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Serves the sample site the global setup built and starts Chromium before a
 * test file's tests, and closes both, with every context made, after them.
 */
export function useSampleSite(): SampleSite {
	let browser: Browser | undefined;
	let site: StaticSite | undefined;
	const contexts: BrowserContext[] = [];
	beforeAll(async () => {
		[site, browser] = await Promise.all([serve(join(TMP, 'sample/dist')), launch()]);
	});
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await site?.close();
	});
	return {
		get url() {
			if (!site) throw new Error('The sample site is served only once the tests start.');
			return site.url;
		},
		async newContext(options = {}) {
			if (!browser) throw new Error('The browser starts only once the tests start.');
			const context = await browser.newContext({ reducedMotion: 'reduce', acceptDownloads: true, ...options });
			contexts.push(context);
			return context;
		},
	};
}

/**
 * Writes `text` under `key` in the context's local storage once, before its
 * first page loads: later reloads and pages see what the page itself saved.
 */
export async function seedStorage(context: BrowserContext, key: string, text: string): Promise<void> {
	await context.addInitScript(
		([key, text]) => {
			if (!sessionStorage.getItem('seeded')) {
				localStorage.setItem(key, text);
				sessionStorage.setItem('seeded', '1');
			}
		},
		[key, text] as const,
	);
}
