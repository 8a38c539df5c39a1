import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumFlags, findChromium } from '../../scripts/lib/chromium.mjs';

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
