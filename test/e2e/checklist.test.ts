import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe } from '../helpers/axe.ts';
import { launch } from '../helpers/browser.ts';
import { buildSite, TMP } from '../helpers/build.ts';
import { type StaticSite, serve } from '../helpers/server.ts';

const PATH = 'playbooks/eight-habits-to-drop/';
const KEY = 'pb-checklist:playbooks/eight-habits-to-drop#self-assessment';
let browser: Browser;
let site: StaticSite;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	site = await serve(join(TMP, 'sample/dist'));
	browser = await launch();
});

afterAll(async () => {
	for (const context of contexts) await context.close();
	await browser?.close();
	await site?.close();
});

async function newContext(): Promise<BrowserContext> {
	const context = await browser.newContext({ reducedMotion: 'reduce', acceptDownloads: true });
	contexts.push(context);
	return context;
}

async function open(context?: BrowserContext): Promise<Page> {
	const page = await (context ?? (await newContext())).newPage();
	await page.goto(site.url + PATH);
	await page.locator('pb-checklist .pb-progress-text').first().waitFor();
	return page;
}

const checklist = (page: Page) => page.locator('pb-checklist').first();
const box = (page: Page, name: RegExp) => checklist(page).getByRole('checkbox', { name });
const progress = (page: Page) => checklist(page).locator('.pb-progress-text').textContent();
const ticked = (page: Page) =>
	checklist(page)
		.locator('input:checked')
		.evaluateAll((inputs) => inputs.map((i) => i.closest('li')!.dataset.id));

describe('self-assessment checklist', () => {
	test('ticks persist across a reload, with progress, verdict and advice', async () => {
		const page = await open();
		expect(await progress(page)).toBe('0 of 8 done');
		await expect(checklist(page).locator('.pb-verdict-title').textContent()).resolves.toBe('At risk (0 of 8)');
		await box(page, /one channel per topic/).check();
		await box(page, /something they value/).check();
		expect(await progress(page)).toBe('2 of 8 done');
		await expect(checklist(page).locator('li[data-id=channels] .pb-advice').isVisible()).resolves.toBe(false);
		await expect(checklist(page).locator('li[data-id=trust] .pb-advice').isVisible()).resolves.toBe(true);
		await page.reload();
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		expect(await ticked(page)).toEqual(['channels', 'value']);
		expect(await progress(page)).toBe('2 of 8 done');
	});

	test('a second tab updates live', async () => {
		const context = await newContext();
		const first = await open(context);
		const second = await open(context);
		await box(first, /verify their credibility/).check();
		await expect.poll(() => ticked(second)).toEqual(['due-diligence']);
		await expect
			.poll(() => second.locator('pb-checklist [data-announce]').first().textContent())
			.toContain('Updated from another tab');
	});

	test('corrupt saved data shows a recovery notice and keeps a backup', async () => {
		const context = await newContext();
		await context.addInitScript(
			([key]) => {
				if (!sessionStorage.getItem('seeded')) {
					localStorage.setItem(key!, '{"v":1,"data":{"ticked":');
					sessionStorage.setItem('seeded', '1');
				}
			},
			[KEY],
		);
		const page = await open(context);
		const notice = checklist(page).getByRole('alert');
		await expect(notice.textContent()).resolves.toMatch(
			/could not be read \(it is not valid JSON\).*A copy was kept in this browser under “pb-checklist:playbooks\/eight-habits-to-drop#self-assessment:backup:/,
		);
		const backups = await page.evaluate(() =>
			Object.keys(localStorage)
				.filter((k) => k.includes(':backup:'))
				.map((k) => localStorage.getItem(k)),
		);
		expect(backups).toEqual(['{"v":1,"data":{"ticked":']);
		await box(page, /regular check-ins/).check();
		await page.reload();
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		expect(await ticked(page)).toEqual(['relationship']);
	});

	test('export to JSON, then import it in a fresh browser, restores the ticks; a bad file changes nothing', async () => {
		const page = await open();
		await box(page, /deliver what we promise/).check();
		await box(page, /adapt our plans/).check();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			checklist(page).getByRole('button', { name: 'Export JSON' }).click(),
		]);
		const file = await download.path();
		expect(download.suggestedFilename()).toBe('eight-habits-self-assessment.json');
		const [markdown] = await Promise.all([
			page.waitForEvent('download'),
			checklist(page).getByRole('button', { name: 'Export Markdown' }).click(),
		]);
		const md = readFileSync(await markdown.path(), 'utf8');
		expect(md).toContain('- [x] We deliver what we promise partners');
		expect(md).toContain('Score: 2 of 8 done (At risk)');

		const fresh = await open();
		await box(fresh, /regular check-ins/).check();
		const input = checklist(fresh).locator('input[type=file]');
		await input.setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"format":"pactbook-checklist"'),
		});
		await expect(checklist(fresh).getByRole('alert').locator('p').textContent()).resolves.toBe(
			'That file is not a checklist export: it is not valid JSON. Nothing was changed.',
		);
		expect(await ticked(fresh)).toEqual(['relationship']);
		await input.setInputFiles(file);
		await expect.poll(() => ticked(fresh)).toEqual(['trust', 'adapt']);
		await fresh.reload();
		await fresh.locator('pb-checklist .pb-progress-text').first().waitFor();
		expect(await ticked(fresh)).toEqual(['trust', 'adapt']);
	});

	test('reset clears the ticks and undo brings them back', async () => {
		const page = await open();
		await box(page, /one channel per topic/).check();
		await box(page, /lasting value/).check();
		await checklist(page).getByRole('button', { name: 'Reset' }).click();
		expect(await ticked(page)).toEqual([]);
		expect(await progress(page)).toBe('0 of 8 done');
		await checklist(page).getByRole('button', { name: 'Undo' }).click();
		expect(await ticked(page)).toEqual(['channels', 'long-term']);
		await page.reload();
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		expect(await ticked(page)).toEqual(['channels', 'long-term']);
	});

	test('undo is offered only while it can bring back what was there', async () => {
		const page = await open();
		const undo = checklist(page).getByRole('button', { name: 'Undo' });
		await box(page, /one channel per topic/).check();
		await checklist(page).getByRole('button', { name: 'Reset' }).click();
		expect(await undo.isVisible()).toBe(true);
		// A new tick is a new answer: undo would throw it away, so it goes.
		await box(page, /something they value/).check();
		expect(await undo.isVisible()).toBe(false);
		expect(await checklist(page).locator('.pb-notice').isVisible()).toBe(false);
		// A file that cannot be imported changes nothing and offers nothing to undo.
		await checklist(page)
			.locator('input[type=file]')
			.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('hello') });
		await expect(checklist(page).getByRole('alert').locator('p').textContent()).resolves.toBe(
			'That file is not a checklist export: it is not valid JSON. Nothing was changed.',
		);
		expect(await undo.isVisible()).toBe(false);
		expect(await ticked(page)).toEqual(['value']);
	});

	test('import and undo keep the ticks saved for items no longer on the page, and the keyboard stays in the actions', async () => {
		const context = await newContext();
		await context.addInitScript(
			([key]) => {
				if (!sessionStorage.getItem('seeded')) {
					const ticked = { channels: 'We agree on one channel per topic', gone: 'An item the author has since removed' };
					localStorage.setItem(key!, JSON.stringify({ v: 1, saved: '', data: { ticked } }));
					sessionStorage.setItem('seeded', '1');
				}
			},
			[KEY],
		);
		const page = await open(context);
		const saved = () => page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key)!).data.ticked).sort(), KEY);
		expect(await ticked(page)).toEqual(['channels']);
		const file = {
			format: 'pactbook-checklist',
			version: 1,
			checklist: 'playbooks/eight-habits-to-drop#self-assessment',
			items: [{ id: 'trust', text: 'We deliver what we promise partners', done: true }],
		};
		await checklist(page)
			.locator('input[type=file]')
			.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
		await expect.poll(() => ticked(page)).toEqual(['trust']);
		expect(await saved()).toEqual(['gone', 'trust']);
		const undo = checklist(page).getByRole('button', { name: 'Undo' });
		await undo.focus();
		await page.keyboard.press('Enter');
		expect(await ticked(page)).toEqual(['channels']);
		expect(await saved()).toEqual(['channels', 'gone']);
		expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.reset)).toBe('');
	});

	test('with storage full, reset and undo say the change was not saved', async () => {
		const page = await open();
		await box(page, /one channel per topic/).check();
		await page.evaluate(() => {
			Storage.prototype.setItem = () => {
				throw new DOMException('full', 'QuotaExceededError');
			};
		});
		const message = checklist(page).getByRole('alert').locator('p');
		const full =
			'Your browser’s storage for this site is full, so this change was not saved. Export to keep a copy, or clear older data.';
		await checklist(page).getByRole('button', { name: 'Reset' }).click();
		await expect(message.textContent()).resolves.toBe(full);
		await checklist(page).getByRole('button', { name: 'Undo' }).click();
		expect(await ticked(page)).toEqual(['channels']);
		await expect(message.textContent()).resolves.toBe(full);
		expect(await message.isVisible()).toBe(true);
	});

	test('works with the keyboard alone and announces progress politely', async () => {
		const page = await open();
		await box(page, /one channel per topic/).focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('Tab');
		// The advice link of the unticked items sits between boxes: skip to the next checkbox.
		while (!(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox')))
			await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		expect(await ticked(page)).toEqual(['channels', 'due-diligence']);
		const status = checklist(page).locator('[data-announce]');
		expect(await status.getAttribute('aria-live')).toBe('polite');
		expect(await status.textContent()).toBe('2 of 8 done. At risk.');
		const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
		expect(ring).not.toBe('none');
	});

	test('prints with the ticks and the verdict, without the buttons', async () => {
		const page = await open();
		await box(page, /one channel per topic/).check();
		await page.emulateMedia({ media: 'print' });
		await expect(checklist(page).locator('.pb-verdict').isVisible()).resolves.toBe(true);
		await expect(checklist(page).getByRole('group', { name: 'Checklist actions' }).isVisible()).resolves.toBe(false);
		await expect(box(page, /one channel per topic/).isChecked()).resolves.toBe(true);
		await expect(page.locator('header nav').isVisible()).resolves.toBe(false);
	});

	test('axe finds no violations when empty, partly filled and complete', async () => {
		const page = await open();
		expect(await axe(page)).toEqual([]);
		await box(page, /one channel per topic/).check();
		await box(page, /something they value/).check();
		expect(await axe(page)).toEqual([]);
		for (const input of await checklist(page).locator('input[type=checkbox]').all()) await input.check();
		expect(await progress(page)).toBe('8 of 8 done');
		await expect(checklist(page).locator('.pb-verdict-title').textContent()).resolves.toBe('Strong (8 of 8)');
		expect(await axe(page)).toEqual([]);
	});
});

describe('a checklist with items ticked by default', () => {
	let fixture: StaticSite;
	beforeAll(async () => {
		const built = await buildSite('checklist', { out: 'checklist-defaults' });
		expect(built.code, built.output).toBe(0);
		fixture = await serve(built.dist);
	}, 120_000);
	afterAll(async () => {
		await fixture?.close();
	});

	test('reset, reset again and undo bring the default tick back, and keep it', async () => {
		const page = await (await newContext()).newPage();
		await page.goto(`${fixture.url}playbooks/habits/`);
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		expect(await ticked(page)).toEqual(['both-sides-get-something-they-value']);
		const reset = checklist(page).getByRole('button', { name: 'Reset' });
		await reset.click();
		await reset.click();
		expect(await ticked(page)).toEqual([]);
		await checklist(page).getByRole('button', { name: 'Undo' }).click();
		expect(await ticked(page)).toEqual(['both-sides-get-something-they-value']);
		await page.reload();
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		expect(await ticked(page)).toEqual(['both-sides-get-something-they-value']);
	});
});
