import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, pageIdle } from '../helpers/browser.ts';
import { TMP } from '../helpers/build.ts';
import { type StaticSite, serve } from '../helpers/server.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
	site = await serve(join(TMP, 'sample/dist'));
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

async function open(path: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
	const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', reducedMotion: 'reduce' });
	const page = await context.newPage();
	await page.goto(new URL(path.replace(/^\//, ''), site.url).href);
	return page;
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('theme', () => {
	test('the toggle switches theme and the choice persists across pages', async () => {
		const page = await open('/');
		const toggle = page.getByRole('button', { name: 'Dark theme' });
		await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
		const light = await background(page);
		await toggle.click();
		await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
		await expect.poll(() => background(page)).not.toBe(light);
		const dark = await background(page);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbooks' }).click();
		await page.waitForURL(/\/playbooks\/$/);
		// Set by the head script, before the body is painted.
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await background(page)).toBe(dark);
		await expect(page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
		await page.context().close();
	});

	test('follows the system theme until the reader chooses', async () => {
		const page = await open('/', { colorScheme: 'dark' });
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
		await expect(page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
		await page.getByRole('button', { name: 'Dark theme' }).click();
		expect(await page.evaluate(() => localStorage.getItem('pb-theme'))).toBe('light');
		await page.context().close();
	});
});

describe('without JavaScript', () => {
	test('controls that need a script stay out of sight, and the article and checklist read as text', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(new URL('playbooks/eight-habits-to-drop/', site.url).href);
		expect(await page.locator('.pb-theme-toggle').count()).toBe(1);
		expect(await page.locator('.pb-theme-toggle').isVisible()).toBe(false);
		expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
		expect(await page.locator('li.pb-check label').first().isVisible()).toBe(true);
		await context.close();
	});
});

describe('table of contents', () => {
	test('each link moves to its heading', async () => {
		const page = await open('/issues/020-perseverance/');
		const toc = page.getByRole('navigation', { name: 'On this page' });
		const links = await toc.getByRole('link').all();
		expect(links.length).toBeGreaterThanOrEqual(4);
		for (const link of [links.at(-1)!, links[1]!]) {
			const target = (await link.getAttribute('href'))!;
			await link.click();
			await page.waitForURL(`**${target}`);
			const top = await page.locator(target).evaluate((h) => h.getBoundingClientRect().top);
			expect(top).toBeGreaterThanOrEqual(0);
			expect(top).toBeLessThan(120);
		}
		await page.context().close();
	});
});

describe('keyboard', () => {
	test('the skip link moves focus to the main content', async () => {
		const page = await open('/issues/020-perseverance/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		expect(await skip.evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		await page.context().close();
	});

	for (const path of ['/', '/issues/020-perseverance/', '/playbooks/', '/issues/']) {
		test(`Tab reaches every link and button on ${path}, each with a visible focus ring`, async () => {
			const page = await open(path);
			// Number every element that should take focus, in document order.
			const count = await page.evaluate(() => {
				const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')].filter(
					(el) => el.classList.contains('pb-skip') || (!el.closest('[hidden]') && el.getClientRects().length > 0),
				);
				for (const [i, el] of focusable.entries()) el.dataset.pbOrder = String(i);
				return focusable.length;
			});
			const reached: number[] = [];
			// A date field takes several presses (one per part of the date) before focus moves on.
			for (let i = 0; i < 4 * count + 5; i++) {
				await page.keyboard.press('Tab');
				const focus = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					if (!el || el === document.body) return null;
					const style = getComputedStyle(el);
					return {
						order: Number(el.dataset.pbOrder),
						html: el.outerHTML,
						ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
					};
				});
				if (focus && focus.order === reached.at(-1)) continue;
				if (!focus || reached.includes(focus.order)) break;
				expect(focus.ring, `focus ring on ${focus.html}`).toBe(true);
				reached.push(focus.order);
			}
			expect(reached).toEqual(Array.from({ length: count }, (_, i) => i));
			await page.context().close();
		});
	}
});

describe('layout stability', () => {
	// Scripts show the theme button and start the tools after the first paint; the page keeps their room from the start.
	// The first paint waits for the whole header bar, whose buttons would otherwise arrive one by one.
	const pages = [
		'/',
		'/issues/020-perseverance/',
		'/playbooks/eight-habits-to-drop/',
		'/tools/partner-or-pen-pal/',
		'/tools/micro-goals/',
	];

	async function shifts(path: string, width: number): Promise<number> {
		const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
		const page = await context.newPage();
		// A CPU six times slower makes the browser paint pages it has only partly read, as a slow phone does.
		await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 6 });
		await page.addInitScript(() => {
			const found = { total: 0 };
			(window as unknown as { shifts: typeof found }).shifts = found;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
					if (!entry.hadRecentInput) found.total += entry.value;
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(new URL(path.replace(/^\//, ''), site.url).href);
		await page.locator('.pb-theme-toggle:not([hidden])').waitFor();
		await pageIdle(page);
		const total = await page.evaluate(() => (window as unknown as { shifts: { total: number } }).shifts.total);
		await context.close();
		return total;
	}

	for (const width of [390, 1350]) {
		test(`nothing moves while the page starts, ${width} px wide`, async () => {
			for (const path of pages) expect({ path, shift: await shifts(path, width) }).toEqual({ path, shift: 0 });
		});
	}

	test('without scripts, the advice and the builder’s note show, and no room is kept for the theme button', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(new URL('tools/partner-or-pen-pal/', site.url).href);
		await expect(page.locator('.pb-q-advice').first().isVisible()).resolves.toBe(true);
		await expect(page.locator('.pb-theme-toggle').boundingBox()).resolves.toBeNull();
		await page.goto(new URL('tools/micro-goals/', site.url).href);
		await expect(page.locator('.pb-goals-fallback').isVisible()).resolves.toBe(true);
		await context.close();
	});
});
