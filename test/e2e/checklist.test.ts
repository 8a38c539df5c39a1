import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe } from '../helpers/axe.ts';
import { seedStorage, useSampleSite } from '../helpers/browser.ts';
import { buildSite, copyFixture } from '../helpers/build.ts';
import { type StaticSite, serve } from '../helpers/server.ts';

const PATH = 'playbooks/eight-habits-to-drop/';
const KEY = 'pb-checklist:playbooks/eight-habits-to-drop#self-assessment';
const site = useSampleSite();

const newContext = () => site.newContext();

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
		await seedStorage(context, KEY, '{"v":1,"data":{"ticked":');
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
		await seed(context, KEY, { channels: 'We agree on one channel per topic', gone: 'An item the author has since removed' });
		const page = await open(context);
		const saved = () => page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key)!).data.ticked).sort(), KEY);
		expect(await ticked(page)).toEqual(['channels']);
		await importTrustTicked(page);
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

/** Writes ticks under `key` once, before the first page of the context loads. */
/** Imports an export of this checklist in which only the "trust" item is ticked. */
async function importTrustTicked(page: Page): Promise<void> {
	const file = {
		format: 'pactbook-checklist',
		version: 1,
		checklist: 'playbooks/eight-habits-to-drop#self-assessment',
		items: [{ id: 'trust', text: 'We deliver what we promise partners', done: true }],
	};
	await checklist(page)
		.locator('input[type=file]')
		.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
}

function seed(context: BrowserContext, key: string, ticked: Record<string, string>) {
	return seedStorage(context, key, JSON.stringify({ v: 1, saved: '', data: { ticked } }));
}

const alert = (page: Page) => checklist(page).getByRole('alert').locator('p');

describe('saved ticks are never hidden or lost', () => {
	test('with storage full, the saved ticks still show and only saving is refused', async () => {
		const context = await newContext();
		await seed(context, KEY, { channels: 'We agree on one channel per topic', value: 'Both sides get something they value' });
		const page = await open(context);
		expect(await ticked(page)).toEqual(['channels', 'value']);
		// Fill the site's storage to the last character.
		await page.evaluate(() => {
			let size = 1 << 20;
			for (let i = 0; size >= 1; i++) {
				try {
					localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
				} catch {
					size = Math.floor(size / 2);
				}
			}
		});
		await page.reload();
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		expect(await ticked(page)).toEqual(['channels', 'value']);
		expect(await progress(page)).toBe('2 of 8 done');
		expect(await checklist(page).locator('.pb-notice').isVisible()).toBe(false);
		await box(page, /regular check-ins/).check();
		await expect(alert(page).textContent()).resolves.toBe(
			'Your browser’s storage for this site is full, so this change was not saved. Export to keep a copy, or clear older data.',
		);
		expect(await axe(page)).toEqual([]);
		await page.reload();
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		expect(await ticked(page)).toEqual(['channels', 'value']);
	});

	test('an import that cannot be saved is not taken, so ticks after it save as before', async () => {
		const context = await newContext();
		await seed(context, KEY, { channels: 'We agree on one channel per topic' });
		const page = await open(context);
		await page.evaluate(() => {
			const setItem = Storage.prototype.setItem;
			Object.assign(window, { setItem });
			Storage.prototype.setItem = () => {
				throw new DOMException('full', 'QuotaExceededError');
			};
		});
		await importTrustTicked(page);
		await expect
			.poll(() => checklist(page).locator('.pb-notice p').textContent())
			.toBe(
				'Your browser’s storage for this site is full, so this change was not saved. Export to keep a copy, or clear older data. mine.json was not imported; nothing was changed.',
			);
		expect(await checklist(page).getByRole('button', { name: 'Undo' }).isVisible()).toBe(false);
		expect(await ticked(page)).toEqual(['channels']);
		// Room again: the next tick saves what the page shows, without the file's ticks.
		await page.evaluate(() => {
			Storage.prototype.setItem = (window as unknown as { setItem: Storage['setItem'] }).setItem;
		});
		await box(page, /regular check-ins/).check();
		expect(await checklist(page).locator('.pb-notice').isVisible()).toBe(false);
		const saved = await page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key)!).data.ticked).sort(), KEY);
		expect(saved).toEqual(['channels', 'relationship']);
	});

	test('data saved by a newer version in another tab is left untouched, with a notice, and nothing more is saved', async () => {
		const context = await newContext();
		const page = await open(context);
		await box(page, /one channel per topic/).check();
		const newer = JSON.stringify({ v: 2, saved: '2027-01-01T00:00:00.000Z', data: { answers: { channels: true } } });
		const other = await context.newPage();
		await other.goto(site.url);
		await other.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, newer]);
		const message =
			'Your answers here were saved by a newer version of this site — reload the page to see them. Nothing you change here will be saved until then.';
		await expect.poll(() => alert(page).textContent()).toBe(message);
		const stored = () => page.evaluate(() => ({ ...localStorage }));
		expect(await stored()).toEqual({ [KEY]: newer });
		// The list can no longer be changed here: nothing would be kept.
		expect(await box(page, /something they value/).isDisabled()).toBe(true);
		expect(await checklist(page).getByRole('button', { name: 'Reset' }).isDisabled()).toBe(true);
		expect(await checklist(page).locator('input[type=file]').isDisabled()).toBe(true);
		expect(await axe(page)).toEqual([]);
		await page.reload();
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		await expect(alert(page).textContent()).resolves.toBe(message);
		expect(await stored()).toEqual({ [KEY]: newer });
	});

	test('ticks made at the same moment in two tabs are both kept', async () => {
		const context = await newContext();
		// Each tab hears of the other's save only when told to: both tick before either knows of the other's tick.
		await context.addInitScript(() => {
			const held: StorageEvent[] = [];
			const w = window as unknown as { holding: boolean; release(): void };
			w.holding = false;
			addEventListener(
				'storage',
				(event) => {
					if (!w.holding || !event.isTrusted) return;
					event.stopImmediatePropagation();
					held.push(event);
				},
				true,
			);
			w.release = () => {
				w.holding = false;
				for (const { key, oldValue, newValue, url } of held.splice(0))
					dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue, url, storageArea: localStorage }));
			};
		});
		const first = await open(context);
		const second = await open(context);
		const hold = (page: Page) => page.evaluate(() => ((window as unknown as { holding: boolean }).holding = true));
		const release = (page: Page) => page.evaluate(() => (window as unknown as { release(): void }).release());
		await Promise.all([hold(first), hold(second)]);
		await Promise.all([box(first, /one channel per topic/).check(), box(second, /something they value/).check()]);
		await Promise.all([release(first), release(second)]);
		await expect.poll(() => ticked(first)).toEqual(['channels', 'value']);
		await expect.poll(() => ticked(second)).toEqual(['channels', 'value']);
		const fresh = await open(context);
		expect(await ticked(fresh)).toEqual(['channels', 'value']);
	});
});

describe('a list whose heading was reworded, then whose file was renamed', () => {
	let work: string;
	let moved: StaticSite;
	const rebuild = async () => {
		const built = await buildSite(work, { out: 'checklist-moves' });
		expect(built.code, built.output).toBe(0);
		return built;
	};
	beforeAll(async () => {
		work = copyFixture('checklist', 'checklist-moves-content');
		moved = await serve((await rebuild()).dist);
	}, 120_000);
	afterAll(async () => {
		await moved?.close();
	});

	test('keeps its ticks: brought back at once for the same page, offered after a rename; old exports still import', async () => {
		const context = await newContext();
		const page = await context.newPage();
		const visit = async (path: string) => {
			await page.goto(`${moved.url}${path}`);
			await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		};
		await visit('playbooks/habits/');
		expect(await ticked(page)).toEqual(['both-sides-get-something-they-value']);
		await box(page, /one channel per topic/).check();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			checklist(page).getByRole('button', { name: 'Export JSON' }).click(),
		]);
		const exported = await download.path();
		expect(download.suggestedFilename()).toBe('habits-self-check.json');

		// The author rewords the heading (and the frontmatter key that follows it).
		const file = `${work}/playbooks/habits.mdx`;
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace('  self-check:\n', '  our-self-check:\n').replace('## Self check', '## Our self check'),
		);
		await rebuild();
		await visit('playbooks/habits/');
		expect(await checklist(page).getAttribute('data-key')).toBe('playbooks/habits#our-self-check');
		expect(await ticked(page)).toEqual(['channels', 'both-sides-get-something-they-value']);
		await expect(checklist(page).locator('[data-announce]').textContent()).resolves.toContain(
			'Ticks saved under this list’s earlier heading were brought back.',
		);

		// Then renames the file: another page, so the reader is asked.
		renameSync(file, `${work}/playbooks/routines.mdx`);
		await rebuild();
		await visit('playbooks/routines/');
		// Only the tick the author set for new readers shows.
		expect(await ticked(page)).toEqual(['both-sides-get-something-they-value']);
		await expect(alert(page).textContent()).resolves.toBe(
			'We found ticks saved for this list under its old name — bring them back?',
		);
		expect(await axe(page)).toEqual([]);
		await checklist(page).getByRole('button', { name: 'Bring them back' }).click();
		expect(await ticked(page)).toEqual(['channels', 'both-sides-get-something-they-value']);
		expect(await checklist(page).locator('.pb-notice').isVisible()).toBe(false);
		await page.reload();
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		expect(await ticked(page)).toEqual(['channels', 'both-sides-get-something-they-value']);

		// An export made before both changes imports into the renamed list.
		const fresh = await (await newContext()).newPage();
		await fresh.goto(`${moved.url}playbooks/routines/`);
		await fresh.locator('pb-checklist .pb-progress-text').first().waitFor();
		await box(fresh, /something they value/).uncheck();
		await checklist(fresh)
			.locator('input[type=file]')
			.setInputFiles({ name: 'habits-self-check.json', mimeType: 'application/json', buffer: readFileSync(exported) });
		await expect.poll(() => ticked(fresh)).toEqual(['channels', 'both-sides-get-something-they-value']);
		await expect(alert(fresh).textContent()).resolves.toBe(
			'Imported habits-self-check.json. It was saved under an earlier name of this list; its items match this one.',
		);
	}, 300_000);

	test('exports are named after the list or the page in any alphabet, never "-"', async () => {
		const file = `${work}/playbooks/${existsSync(`${work}/playbooks/routines.mdx`) ? 'routines' : 'habits'}.mdx`;
		writeFileSync(
			file,
			readFileSync(file, 'utf8')
				.replace('title: Habits\n', 'title: הרגלים טובים\n')
				.replace('title: Habits self-check', 'title: "🎉"'),
		);
		await rebuild();
		const page = await (await newContext()).newPage();
		await page.goto(`${moved.url}playbooks/${file.endsWith('routines.mdx') ? 'routines' : 'habits'}/`);
		await page.locator('pb-checklist .pb-progress-text').first().waitFor();
		const name = async (list: number, button: string) => {
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.locator('pb-checklist').nth(list).getByRole('button', { name: button }).click(),
			]);
			return download.suggestedFilename();
		};
		// The first list's title has no letters: the page's title names it.
		expect(await name(0, 'Export JSON')).toBe('הרגלים-טובים.json');
		expect(await name(0, 'Export Markdown')).toBe('הרגלים-טובים.md');
		expect(await name(1, 'Export JSON')).toBe('due-diligence.json');
	}, 120_000);
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
