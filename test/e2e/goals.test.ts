import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { importJson } from '../../src/tools/goals/transfer.ts';
import { axe } from '../helpers/axe.ts';
import { useSampleSite } from '../helpers/browser.ts';
import { TMP } from '../helpers/build.ts';

const PATH = 'tools/micro-goals/';
const KEY = 'pb-goals:plan';
/** Halfway through 2026 (day 182 of 364): half of a year-long goal is expected by now. */
const NOW = new Date('2026-07-02T12:00:00');
const XSS = '<img src=x onerror=alert(1)>';
const site = useSampleSite();

async function newContext(motion: 'reduce' | 'no-preference' = 'reduce'): Promise<BrowserContext> {
	const context = await site.newContext({ reducedMotion: motion });
	await context.clock.setFixedTime(NOW);
	return context;
}

async function open(context?: BrowserContext, path = PATH): Promise<Page> {
	const page = await (context ?? (await newContext())).newPage();
	await page.goto(site.url + path);
	await page.locator('pb-goal-builder .pb-goals-app > *').first().waitFor();
	return page;
}

const builder = (page: Page) => page.locator('pb-goal-builder').first();
const live = (page: Page) => builder(page).locator('[aria-live=polite]');
const status = (page: Page) => builder(page).locator('.pb-goal-verdict strong').textContent();
const micro = (page: Page) => builder(page).locator('.pb-micro');
const actions = (page: Page) => micro(page).locator('.pb-micro-title strong').allTextContents();

async function expectAxeClean(page: Page, state: string) {
	expect(await axe(page), state).toEqual([]);
}

async function createGoal(page: Page, fields: { title?: string; partner?: string } = {}) {
	const b = builder(page);
	await b.getByLabel('Goal', { exact: true }).fill(fields.title ?? 'Partner-sourced revenue from Northwind');
	await b.getByLabel('Partner', { exact: true }).fill(fields.partner ?? 'Northwind');
	await b.getByLabel('Unit or currency').fill('USD');
	await b.getByLabel('Target', { exact: true }).fill('100000');
	await b.getByLabel('Start date').fill('2026-01-01');
	await b.getByLabel('Due date').fill('2026-12-31');
	await b.getByRole('button', { name: 'Create the goal' }).click();
	await b.locator('.pb-goal-verdict').waitFor();
}

async function addTemplate(page: Page, title: string) {
	const before = await micro(page).count();
	await builder(page).getByLabel('Template', { exact: true }).selectOption({ label: title });
	await builder(page).getByRole('button', { name: 'Add from the template' }).click();
	await expect.poll(() => micro(page).count()).toBe(before + 1);
}

async function checkIn(page: Page, date: string, value: string, confidence: string, note = '') {
	const b = builder(page);
	await b.getByLabel('Check-in date').fill(date);
	await b.getByLabel('Value (USD)').fill(value);
	await b.getByLabel('Confidence (0–10)').fill(confidence);
	await b.getByLabel('Note', { exact: true }).fill(note);
	const rows = await b.locator('.pb-goal-table tbody tr th').count();
	await b.getByRole('button', { name: 'Add the check-in' }).click();
	await expect.poll(() => b.locator('.pb-goal-table tbody tr th').count()).toBe(rows + 1);
}

/** The focused control's text, and the micro goal it belongs to. */
function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		return { text: el?.textContent ?? '', item: el?.closest('.pb-micro')?.querySelector('.pb-micro-title strong')?.textContent };
	});
}

/** Makes every write to localStorage fail as a full storage does, until `fillStorage(page, false)`. */
async function fillStorage(page: Page, full = true) {
	await page.evaluate((full) => {
		const w = window as unknown as { realSetItem?: Storage['setItem'] };
		w.realSetItem ??= Storage.prototype.setItem;
		Storage.prototype.setItem = full
			? () => {
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				}
			: w.realSetItem;
	}, full);
}

const FULL =
	'Your browser’s storage for this site is full, so this change was not saved. Export to keep a copy, or clear older data.';

async function stored(page: Page) {
	return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
}

async function download(page: Page, button: string) {
	const [file] = await Promise.all([page.waitForEvent('download'), builder(page).getByRole('button', { name: button }).click()]);
	return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** A planned goal: three micro goals from templates and two check-ins. */
async function plannedPage(context?: BrowserContext) {
	const page = await open(context);
	await createGoal(page);
	for (const title of ["Enablement session for the partner's sales team", 'Joint webinar', 'Internal battle card'])
		await addTemplate(page, title);
	await checkIn(page, '2026-04-01', '20000', '6', 'First deals registered');
	await checkIn(page, '2026-07-01', '48000', '8', 'Webinar pipeline landed');
	return page;
}

describe('micro-goal builder', () => {
	test('create a macro goal, add three micro goals from templates, check in twice and see the status change', async () => {
		const page = await open();
		await expectAxeClean(page, 'empty');
		await createGoal(page);
		// No check-in yet, half the year gone: far behind the pace.
		expect(await status(page)).toBe('Off track');
		await addTemplate(page, "Enablement session for the partner's sales team");
		await addTemplate(page, 'Joint webinar');
		await addTemplate(page, 'Internal battle card');
		expect(await actions(page)).toEqual([
			'Run an enablement session for the Northwind sales team',
			'Co-host a webinar with Northwind for their customers',
			'Write an internal battle card about Northwind and share it with the sales team',
		]);
		// Templates fill a measure and a due date counted from today.
		await expect(micro(page).first().locator('.pb-muted').first().textContent()).resolves.toBe(
			'Owner: Partner manager · Due 2026-08-01 · sales reps trained: 0 of 15',
		);
		await checkIn(page, '2026-04-01', '20000', '6');
		expect(await status(page)).toBe('Off track');
		await checkIn(page, '2026-07-01', '40000', '7');
		expect(await status(page)).toBe('At risk');
		await expect(live(page).textContent()).resolves.toMatch(/^Check-in saved\. At risk: 40% of the way to the target\.$/);
		await checkIn(page, '2026-07-02', '48000', '8');
		expect(await status(page)).toBe('On track');
		const text = await builder(page).locator('.pb-goal-status').textContent();
		expect(text).toContain('2 points behind pace: 50% was expected by 2026-07-02.');
		expect(text).toContain('At the pace so far, the target is reached on 2027-01-16, after the due date 2026-12-31.');
		// The chart has its actual line, pace line and today; the table is its text equivalent.
		await expect(builder(page).locator('svg[role=img] .pb-chart-actual').getAttribute('points')).resolves.toMatch(/ .* .* /);
		await expect(builder(page).locator('svg .pb-chart-pace, svg .pb-chart-today').count()).resolves.toBe(2);
		await expect(builder(page).locator('.pb-goal-table tbody tr').count()).resolves.toBe(3);
		await expectAxeClean(page, 'a goal with micro goals and check-ins');
	});

	test('overdue micro goals are flagged', async () => {
		const page = await plannedPage();
		const first = micro(page).first();
		await first.getByRole('button', { name: 'Edit' }).click();
		await first.getByLabel('Due date').fill('2026-06-15');
		await first.getByRole('button', { name: 'Save' }).click();
		await expect(micro(page).first().locator('.pb-overdue').textContent()).resolves.toBe('Overdue');
		await expect(builder(page).locator('.pb-goal-status .pb-overdue').textContent()).resolves.toBe(
			'Overdue: Run an enablement session for the Northwind sales team.',
		);
	});

	test('marking a micro goal done celebrates it and adds it to the wins timeline; a dropped tactic stays in the log; a reload keeps it all', async () => {
		const page = await plannedPage(await newContext('no-preference'));
		await micro(page).nth(1).getByLabel('Status', { exact: true }).selectOption('done');
		await expect(live(page).textContent()).resolves.toBe(
			'Well done: “Co-host a webinar with Northwind for their customers” is done. It is on your wins timeline, win 1 for this goal.',
		);
		await expect(micro(page).nth(1).locator('.pb-win').textContent()).resolves.toBe('Win!');
		await expect(
			micro(page)
				.nth(1)
				.evaluate((li) => getComputedStyle(li).animationName),
		).resolves.toBe('pb-celebrate');
		await expect(builder(page).locator('.pb-wins li').allTextContents()).resolves.toEqual([
			'2026-07-02 Co-host a webinar with Northwind for their customers',
		]);
		// The tactic log: a tactic that did not work is dropped and stays visible.
		const item = micro(page).first();
		await item.getByText(/^Tactic log/).click();
		const log = item.locator('.pb-tactics');
		await log.getByLabel('Tactic tried').fill('Cold email to every Northwind rep');
		await log.getByLabel('Expected result').fill('10 replies');
		await log.getByLabel('When').fill('2026-06-01');
		await log.getByLabel('What happened').fill('One reply');
		await log.getByLabel('Keep, tweak or drop').selectOption('drop');
		await log.getByLabel('Lesson').fill('Reps answer their manager, not us');
		await log.getByRole('button', { name: 'Log the tactic' }).click();
		await expect(item.locator('.pb-tactic-list li[data-verdict=drop]').textContent()).resolves.toContain(
			'Cold email to every Northwind rep',
		);
		await expectAxeClean(page, 'tactic log open, a win celebrated');
		const before = await stored(page);
		await page.reload();
		await page.locator('.pb-micro').first().waitFor();
		expect(await actions(page)).toHaveLength(3);
		expect(await status(page)).toBe('On track');
		await expect(builder(page).locator('.pb-wins li').count()).resolves.toBe(1);
		await expect(page.locator('.pb-tactic-list li[data-verdict=drop]').count()).resolves.toBe(1);
		await expect(builder(page).locator('.pb-goal-table tbody tr').count()).resolves.toBe(2);
		expect(await stored(page)).toEqual(before);
	});

	test('with reduced motion a done micro goal is announced without animation', async () => {
		const page = await plannedPage();
		await micro(page).first().getByLabel('Status', { exact: true }).selectOption('done');
		await expect(live(page).textContent()).resolves.toMatch(/^Well done: /);
		await expect(
			micro(page)
				.first()
				.evaluate((li) => getComputedStyle(li).animationName),
		).resolves.toBe('none');
	});

	test('delete with undo, and reorder', async () => {
		const page = await plannedPage();
		await micro(page).nth(1).getByRole('button', { name: 'Delete' }).click();
		expect(await actions(page)).toHaveLength(2);
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Undo');
		await builder(page).getByRole('button', { name: 'Undo' }).click();
		expect(await actions(page)).toEqual([
			'Run an enablement session for the Northwind sales team',
			'Co-host a webinar with Northwind for their customers',
			'Write an internal battle card about Northwind and share it with the sales team',
		]);
		// Focus goes back to the restored micro goal, where the reader was.
		await expect(focused(page)).resolves.toEqual({
			text: 'Delete',
			item: 'Co-host a webinar with Northwind for their customers',
		});
		await micro(page).first().getByRole('button', { name: 'Move down' }).click();
		expect((await actions(page))[1]).toBe('Run an enablement session for the Northwind sales team');
		await page.reload();
		await page.locator('.pb-micro').first().waitFor();
		expect((await actions(page))[1]).toBe('Run an enablement session for the Northwind sales team');
	});

	test('exports each format, and the files parse', async () => {
		const page = await plannedPage();
		await micro(page).first().getByLabel('Status', { exact: true }).selectOption('done');
		const md = await download(page, 'Status update (Markdown)');
		expect(md.name).toBe('status-northwind-2026-07-02.md');
		const sections = ['## Wins', '## Pace', '## Since the last update', '## Micro goals'].map((h) => md.text.indexOf(h));
		expect(sections).toEqual([...sections].sort((a, b) => a - b));
		expect(md.text).toContain('- 2026-07-02: Run an enablement session for the Northwind sales team');
		expect(md.text).toContain('This is the first status update for this goal.');
		// The next update says what changed since this one.
		await micro(page).nth(1).getByLabel('Status', { exact: true }).selectOption('in-progress');
		expect((await download(page, 'Status update (Markdown)')).text).toContain(
			'- Co-host a webinar with Northwind for their customers: planned → in progress.',
		);

		const csv = await download(page, 'Micro goals (CSV)');
		const rows = Papa.parse<string[]>(csv.text.trim()).data;
		expect(rows[0]!.slice(0, 3)).toEqual(['Goal', 'Partner', 'Micro goal']);
		expect(rows.slice(1).map((r) => r[2])).toEqual(await actions(page));
		const checkIns = Papa.parse<string[]>((await download(page, 'Check-ins (CSV)')).text.trim()).data;
		expect(checkIns.slice(1).map((r) => r[1])).toEqual(['20000', '48000']);

		await builder(page).getByLabel('with a weekly check-in').check();
		const ics = await download(page, 'Calendar (.ics)');
		expect(ics.name).toBe('due-dates-northwind-2026-07-02.ics');
		for (const line of ics.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
		const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events.map((e) => e.startDate.toString())).toEqual([
			'2026-08-01',
			'2026-08-16',
			'2026-07-16',
			'2026-12-31',
			'2026-07-02',
		]);
		expect(events.every((e) => e.startDate.isDate)).toBe(true);
		expect(events.at(-1)!.isRecurring()).toBe(true);

		const json = await download(page, 'All goals (JSON)');
		const read = importJson(json.text);
		expect(read.ok && read.goals[0]!.micro.map((m) => m.action)).toEqual(await actions(page));
	});

	test('imports into a fresh browser; a bad file gives a message and changes nothing', async () => {
		const page = await plannedPage();
		const json = await download(page, 'All goals (JSON)');
		const fresh = await open();
		await fresh.locator('pb-goal-builder input[type=file]').setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"format":"pactbook-goals","version":1,"goals":[{"id":"x"}]}'),
		});
		await expect(builder(fresh).locator('.pb-notice p').textContent()).resolves.toMatch(
			/^That export is damaged, so nothing was imported: goals\.0\.title: is missing/,
		);
		expect(await stored(fresh)).toBeNull();
		await expectAxeClean(fresh, 'import error');
		await fresh.locator('pb-goal-builder input[type=file]').setInputFiles({
			name: 'goals.json',
			mimeType: 'application/json',
			buffer: Buffer.from(json.text),
		});
		await builder(fresh).locator('.pb-goal-verdict').waitFor();
		expect(await actions(fresh)).toEqual(await actions(page));
		expect(await status(fresh)).toBe('On track');
		await expect(builder(fresh).locator('.pb-notice p').textContent()).resolves.toBe(
			'Imported goals.json: 1 goal added, 0 replaced.',
		);
	});

	test('importing an older export of a goal says the plan has a newer version, and changes nothing', async () => {
		const page = await plannedPage();
		const json = JSON.parse((await download(page, 'All goals (JSON)')).text);
		json.goals[0].title = 'Revenue from Northwind, as it was in January';
		json.goals[0].updated = '2026-01-15T00:00:00.000Z';
		const before = await stored(page);
		await page.locator('pb-goal-builder input[type=file]').setInputFiles({
			name: 'january.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(json)),
		});
		await expect
			.poll(() => builder(page).locator('.pb-notice p').textContent())
			.toBe(
				'Nothing was imported from january.json: this plan already has “Revenue from Northwind, as it was in January” in the same or a newer version, kept as it is.',
			);
		await expect(builder(page).getByRole('button', { name: 'Undo' }).count()).resolves.toBe(0);
		await expect(builder(page).locator('.pb-goal h3').textContent()).resolves.toBe('Partner-sourced revenue from Northwind');
		expect(await stored(page)).toEqual(before);
	});

	test('text typed into every field shows literally and runs nothing', async () => {
		const context = await newContext();
		const page = await open(context);
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const b = builder(page);
		for (const label of ['Goal', 'Partner', 'Metric', 'Unit or currency']) await b.getByLabel(label, { exact: true }).fill(XSS);
		await b.getByLabel('Target', { exact: true }).fill('100');
		await b.getByLabel('Start date').fill('2026-01-01');
		await b.getByLabel('Due date').fill('2026-12-31');
		await b.getByRole('button', { name: 'Create the goal' }).click();
		await b.locator('.pb-goal-verdict').waitFor();
		await b.getByLabel('Check-in date').fill('2026-06-01');
		await b.getByLabel(/^Value/).fill('10');
		await b.getByLabel('Note', { exact: true }).fill(XSS);
		await b.getByRole('button', { name: 'Add the check-in' }).click();
		await b.getByLabel('Your own micro goal', { exact: true }).fill(XSS);
		await b.getByRole('button', { name: 'Add', exact: true }).click();
		const item = micro(page).first();
		for (const label of ['Owner', 'Success measure', 'Notes']) await item.getByLabel(label, { exact: true }).fill(XSS);
		await item.getByRole('button', { name: 'Save' }).click();
		await item.getByText(/^Tactic log/).click();
		for (const label of ['Tactic tried', 'Expected result', 'What happened', 'Lesson']) await item.getByLabel(label).fill(XSS);
		await item.getByRole('button', { name: 'Log the tactic' }).click();
		await item.locator('.pb-tactic-list li').waitFor();
		await item.getByLabel('Status', { exact: true }).selectOption('done');
		await b.locator('.pb-wins li').waitFor();
		await page.reload();
		await page.locator('.pb-micro').first().waitFor();
		expect(await page.locator('pb-goal-builder img').count()).toBe(0);
		await expect(page.locator('pb-goal-builder h3').first().textContent()).resolves.toBe(XSS);
		await expect(micro(page).first().locator('.pb-micro-title strong').textContent()).resolves.toBe(XSS);
		await expect(builder(page).locator('.pb-goal-table tbody td').last().textContent()).resolves.toBe(XSS);
		await expect(builder(page).locator('.pb-wins li span').textContent()).resolves.toBe(XSS);
		await expect(builder(page).getByRole('combobox', { name: 'Open goal' }).locator('option').textContent()).resolves.toBe(
			`${XSS}: ${XSS}`,
		);
		expect((await builder(page).textContent())!.split(XSS).length - 1).toBeGreaterThanOrEqual(12);
		expect(dialogs).toEqual([]);
	});

	test('keyboard only: create a goal, add a micro goal from a template, reorder it', async () => {
		const page = await open();
		/** Presses Tab until `name` (an accessible label or text) has focus. */
		async function tabTo(match: (el: { label: string; text: string; tag: string }) => boolean) {
			for (let i = 0; i < 120; i++) {
				await page.keyboard.press('Tab');
				const focused = await page.evaluate(() => {
					const el = document.activeElement as HTMLInputElement | null;
					const label = el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? '';
					return { label, text: el?.textContent?.trim() ?? '', tag: el?.tagName ?? '' };
				});
				if (match(focused)) return;
			}
			throw new Error('could not reach the control with Tab');
		}
		await tabTo((f) => f.label === 'Goal');
		await page.keyboard.type('Partner-sourced revenue from Contoso');
		await page.keyboard.press('Tab');
		await page.keyboard.type('Contoso');
		await tabTo((f) => f.label === 'Target');
		await page.keyboard.type('50');
		await tabTo((f) => f.label === 'Start date');
		await page.keyboard.type('01012026');
		await tabTo((f) => f.label === 'Due date');
		await page.keyboard.type('12312026');
		await page.keyboard.press('Enter');
		await builder(page).locator('.pb-goal-verdict').waitFor();
		await tabTo((f) => f.label === 'Template');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect.poll(() => micro(page).count()).toBe(1);
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect.poll(() => micro(page).count()).toBe(2);
		const [first, second] = await actions(page);
		await tabTo((f) => f.text === 'Move down');
		await page.keyboard.press('Enter');
		await expect.poll(() => actions(page)).toEqual([second, first]);
		// Focus stays with the moved micro goal.
		await expect(page.evaluate(() => document.activeElement?.getAttribute('data-k'))).resolves.toMatch(/^up-/);
		await page.keyboard.press('Enter');
		await expect.poll(() => actions(page)).toEqual([first, second]);
		const visible = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
		expect(visible).not.toBe('none');
		await expectAxeClean(page, 'after keyboard use');
	});

	test('embedded in the perseverance issue and the macro-to-micro playbook, sharing one plan', async () => {
		const context = await newContext();
		const issue = await open(context, 'issues/020-perseverance/');
		await createGoal(issue, { partner: 'Fabrikam', title: 'Pipeline from Fabrikam' });
		await addTemplate(issue, 'Account mapping');
		await expectAxeClean(issue, 'embedded in an issue');
		const playbook = await open(context, 'playbooks/macro-to-micro-goals/');
		await expect(builder(playbook).locator('h3').first().textContent()).resolves.toBe('Pipeline from Fabrikam');
		expect(await actions(playbook)).toEqual(['Map shared accounts with Fabrikam and agree on the first ones to work together']);
	});

	test('stepping through a status with the arrow keys saves only the status the reader settles on', async () => {
		const page = await plannedPage();
		const select = micro(page).first().getByLabel('Status', { exact: true });
		const savedStatus = async (i: number) => (await stored(page)).data.goals[0].micro[i];
		await select.focus();
		for (const _ of ['in-progress', 'done', 'blocked']) await page.keyboard.press('ArrowDown');
		await expect(select.inputValue()).resolves.toBe('blocked');
		// Passing “Done” on the way recorded nothing.
		await expect(savedStatus(0)).resolves.toMatchObject({ status: 'planned', doneOn: '' });
		await expect(live(page).textContent()).resolves.not.toMatch(/Well done/);
		await page.keyboard.press('Enter');
		await expect.poll(() => savedStatus(0)).toMatchObject({ status: 'blocked', doneOn: '' });
		await expect(live(page).textContent()).resolves.toBe(
			'“Run an enablement session for the Northwind sales team” is now blocked.',
		);
		await expect(builder(page).locator('.pb-wins li').count()).resolves.toBe(0);
		await expect(page.evaluate(() => document.activeElement?.getAttribute('data-k'))).resolves.toMatch(/^status-/);
		// Leaving the list saves the status chosen.
		const second = micro(page).nth(1).getByLabel('Status', { exact: true });
		await second.focus();
		for (const _ of ['in-progress', 'done']) await page.keyboard.press('ArrowDown');
		await expect(savedStatus(1)).resolves.toMatchObject({ status: 'planned' });
		await page.keyboard.press('Tab');
		await expect.poll(() => savedStatus(1)).toMatchObject({ status: 'done', doneOn: '2026-07-02' });
		await expect(live(page).textContent()).resolves.toMatch(/^Well done: /);
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Edit');
		await expect(savedStatus(0)).resolves.toMatchObject({ status: 'blocked' });
		await expectAxeClean(page, 'a status chosen with the keyboard');
	});

	test('what is typed in a form stays, with focus and caret, when the builder draws again', async () => {
		const context = await newContext();
		const page = await plannedPage(context);
		const b = builder(page);
		await b.getByLabel('Value (USD)').fill('61000');
		await b.getByLabel('Note', { exact: true }).fill('Half typed');
		await micro(page).nth(2).getByLabel('Status', { exact: true }).selectOption('in-progress');
		await expect(live(page).textContent()).resolves.toMatch(/is now in progress\.$/);
		await expect(b.getByLabel('Value (USD)').inputValue()).resolves.toBe('61000');
		await expect(b.getByLabel('Note', { exact: true }).inputValue()).resolves.toBe('Half typed');
		// Another tab saves while a tactic is being typed, the caret in the middle of it.
		const item = micro(page).first();
		await item.getByText(/^Tactic log/).click();
		const tactic = item.getByLabel('Tactic tried');
		await tactic.fill('Lunch and learn');
		await tactic.evaluate((input: HTMLInputElement) => input.setSelectionRange(5, 5));
		const other = await open(context);
		await addTemplate(other, 'Account mapping');
		await expect.poll(() => micro(page).count()).toBe(4);
		await expect(micro(page).first().getByLabel('Tactic tried').inputValue()).resolves.toBe('Lunch and learn');
		await expect(
			page.evaluate(() => {
				const el = document.activeElement as HTMLInputElement;
				return [el.name, el.selectionStart, el.selectionEnd];
			}),
		).resolves.toEqual(['what', 5, 5]);
		await expect(b.getByLabel('Value (USD)').inputValue()).resolves.toBe('61000');
		// The goal's title being edited while another tab saves: what was typed stays, the rest shows the other tab's change.
		await b.getByRole('button', { name: 'Edit the goal' }).click();
		await b.getByLabel('Goal', { exact: true }).fill('Revenue and pipeline from Northwind');
		await micro(other).first().getByLabel('Status', { exact: true }).selectOption('in-progress');
		await expect.poll(async () => (await stored(page)).data.goals[0].micro[0].status).toBe('in-progress');
		await other.close();
		await expect(b.getByLabel('Goal', { exact: true }).inputValue()).resolves.toBe('Revenue and pipeline from Northwind');
		await expect(b.getByLabel('Partner', { exact: true }).inputValue()).resolves.toBe('Northwind');
		await b.getByRole('button', { name: 'Save the goal' }).click();
		await expect(b.locator('.pb-goal h3').textContent()).resolves.toBe('Revenue and pipeline from Northwind');
		await expect(micro(page).first().getAttribute('data-status')).resolves.toBe('in-progress');
		expect(await actions(page)).toHaveLength(4);
		// A saved form starts empty again.
		await b.getByRole('button', { name: 'Add the check-in' }).click();
		await expect.poll(() => b.locator('.pb-goal-table tbody tr th').count()).toBe(3);
		await expect(b.getByLabel('Note', { exact: true }).inputValue()).resolves.toBe('');
	});

	test('when storage is full, the forms stay open with what was typed, and save once there is room', async () => {
		const page = await plannedPage();
		const b = builder(page);
		const before = await stored(page);
		await fillStorage(page);
		await b.getByLabel('Value (USD)').fill('-500');
		await b.getByLabel('Note', { exact: true }).fill('Refund');
		await b.getByRole('button', { name: 'Add the check-in' }).click();
		await expect.poll(() => b.locator('.pb-notice p').textContent()).toBe(FULL);
		await expect(b.getByLabel('Value (USD)').inputValue()).resolves.toBe('-500');
		await expect(b.getByLabel('Note', { exact: true }).inputValue()).resolves.toBe('Refund');
		const first = micro(page).first();
		await first.getByRole('button', { name: 'Edit' }).click();
		await first.getByLabel('Owner', { exact: true }).fill('Dana from alliances');
		await first.getByRole('button', { name: 'Save' }).click();
		await expect(first.getByLabel('Owner', { exact: true }).inputValue()).resolves.toBe('Dana from alliances');
		await expect(first.getByRole('button', { name: 'Edit' }).getAttribute('aria-expanded')).resolves.toBe('true');
		await b.getByRole('button', { name: 'Edit the goal' }).click();
		await b.getByLabel('Goal', { exact: true }).fill('Renamed while full');
		await b.getByRole('button', { name: 'Save the goal' }).click();
		await expect(b.locator('.pb-notice p').textContent()).resolves.toBe(FULL);
		await expect(b.getByLabel('Goal', { exact: true }).inputValue()).resolves.toBe('Renamed while full');
		expect(await stored(page)).toEqual(before);
		await expectAxeClean(page, 'storage full');
		await fillStorage(page, false);
		await b.getByRole('button', { name: 'Save the goal' }).click();
		await expect(b.locator('.pb-goal h3').textContent()).resolves.toBe('Renamed while full');
		await expect(b.locator('.pb-notice:not(.pb-load-notice)').isHidden()).resolves.toBe(true);
		await expect(b.getByLabel('Value (USD)').inputValue()).resolves.toBe('-500');
		await b.getByRole('button', { name: 'Add the check-in' }).click();
		await expect.poll(() => b.locator('.pb-goal-table tbody tr th').count()).toBe(3);
		await expect(b.locator('.pb-goal-table tbody').textContent()).resolves.toContain('Refund');
	});

	test('the goal form explains what to fix and saves nothing until it is fixed', async () => {
		const page = await open();
		const b = builder(page);
		await b.getByLabel('Goal', { exact: true }).fill('Fewer churned accounts');
		await b.getByLabel('Partner', { exact: true }).fill('Tailspin');
		await b.getByLabel('Direction').selectOption('decrease');
		await b.getByLabel('Start value').fill('10');
		await b.getByLabel('Target', { exact: true }).fill('20');
		await b.getByLabel('Start date').fill('2026-01-01');
		await b.getByLabel('Due date').fill('2026-12-31');
		await b.getByLabel('Phased targets (optional)').fill('2026-03-31 10, next quarter');
		await b.getByRole('button', { name: 'Create the goal' }).click();
		await expect
			.poll(() => b.locator('.pb-form-error:not([hidden])').textContent())
			.toBe('“next quarter” is not a date and a percentage, like 2026-03-31 10.');
		await b.getByLabel('Phased targets (optional)').fill('2026-03-31 10, 2026-06-30 30');
		await b.getByRole('button', { name: 'Create the goal' }).click();
		await expect
			.poll(() => b.locator('.pb-form-error:not([hidden])').textContent())
			.toBe('Please check: target: goes the wrong way for a goal to decrease from 10.');
		expect(await stored(page)).toBeNull();
		await expectAxeClean(page, 'form error');
		await b.getByLabel('Target', { exact: true }).fill('4');
		await b.getByRole('button', { name: 'Create the goal' }).click();
		await b.locator('.pb-goal-verdict').waitFor();
		await expect(b.locator('.pb-goal .pb-muted').first().textContent()).resolves.toContain('in 3 phases');
	});
});

describe('saved plans', () => {
	test('a change in one tab shows in the other', async () => {
		const context = await newContext();
		const first = await open(context);
		const second = await open(context);
		await createGoal(first);
		await second.bringToFront();
		await builder(second).locator('.pb-goal-verdict').waitFor();
		await second.bringToFront();
		await addTemplate(second, 'Joint webinar');
		await first.bringToFront();
		await expect.poll(() => actions(first)).toEqual(['Co-host a webinar with Northwind for their customers']);
	});

	test('unreadable saved data is kept aside and reported, and the builder starts afresh', async () => {
		const context = await newContext();
		const page = await open(context);
		await page.evaluate((key) => localStorage.setItem(key, '{"v":1,"saved":"","data":{"goals":"broken"}}'), KEY);
		await page.reload();
		await builder(page).locator('.pb-notice p').waitFor();
		await expect(builder(page).locator('.pb-notice p').textContent()).resolves.toMatch(
			/^Your saved goals could not be read \(its contents have an unexpected shape\)\. A copy was kept in this browser under “pb-goals:plan:backup:/,
		);
		const backup = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('pb-goals:plan:backup:')));
		await expect(page.evaluate((k) => localStorage.getItem(k!), backup)).resolves.toBe(
			'{"v":1,"saved":"","data":{"goals":"broken"}}',
		);
		await expect(builder(page).getByRole('button', { name: 'Create the goal' }).isVisible()).resolves.toBe(true);
	});

	test('after unreadable data was kept aside, later notices and undo still show, and the notice can be dismissed', async () => {
		const page = await open();
		await page.evaluate((key) => localStorage.setItem(key, '{oops'), KEY);
		await page.reload();
		const b = builder(page);
		const loadNotice = b.locator('.pb-load-notice');
		await expect(loadNotice.locator('p').textContent()).resolves.toMatch(
			/^Your saved goals could not be read \(it is not valid JSON\)\. A copy was kept in this browser under “pb-goals:plan:backup:/,
		);
		await createGoal(page);
		await addTemplate(page, 'Joint webinar');
		await addTemplate(page, 'Internal battle card');
		await micro(page).first().getByRole('button', { name: 'Delete' }).click();
		const notice = b.locator('.pb-notice:not(.pb-load-notice)');
		await expect(notice.locator('p').textContent()).resolves.toBe(
			'Deleted “Co-host a webinar with Northwind for their customers”.',
		);
		await expect(loadNotice.isVisible()).resolves.toBe(true);
		await expectAxeClean(page, 'load notice and undo');
		await notice.getByRole('button', { name: 'Undo' }).click();
		expect(await actions(page)).toEqual([
			'Co-host a webinar with Northwind for their customers',
			'Write an internal battle card about Northwind and share it with the sales team',
		]);
		await expect(focused(page)).resolves.toEqual({
			text: 'Delete',
			item: 'Co-host a webinar with Northwind for their customers',
		});
		await loadNotice.getByRole('button', { name: 'Dismiss' }).click();
		await expect(loadNotice.isHidden()).resolves.toBe(true);
		await expect(page.evaluate(() => document.activeElement?.closest('pb-goal-builder') !== null)).resolves.toBe(true);
		const backup = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('pb-goals:plan:backup:')));
		await expect(page.evaluate((k) => localStorage.getItem(k!), backup)).resolves.toBe('{oops');
	});

	test('the print view shows the plan without the forms and buttons', async () => {
		const page = await plannedPage();
		await page.emulateMedia({ media: 'print' });
		await expect(builder(page).locator('.pb-micro').first().isVisible()).resolves.toBe(true);
		await expect(builder(page).locator('.pb-goal-table').isVisible()).resolves.toBe(true);
		await expect(builder(page).getByRole('button', { name: 'Add the check-in' }).isVisible()).resolves.toBe(false);
		await expect(builder(page).locator('.pb-goal-transfer').isVisible()).resolves.toBe(false);
		await expect(builder(page).locator('.pb-micro .pb-actions').first().isVisible()).resolves.toBe(false);
	});
});

describe('built pages of the goal builder', () => {
	const sample = (file: string) => readFileSync(join(TMP, 'sample/dist', file), 'utf8');
	test('the sample site lists every template on the builder page, in their order, with the data the builder reads', () => {
		const html = sample('tools/micro-goals/index.html');
		const titles = [...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
		expect(titles).toEqual([
			'Enablement session for the partner&#39;s sales team',
			'Joint webinar',
			'Internal battle card',
			'Partner onboarding on the PRM',
			'Account mapping',
			'First partner-sourced deal',
		]);
		const data = /<script type="application\/json" data-goal-templates>(.*?)<\/script>/s.exec(html)?.[1] ?? '';
		expect(JSON.parse(data).map((t: { id: string }) => t.id)).toEqual([
			'enablement-session',
			'joint-webinar',
			'battle-card',
			'prm-onboarding',
			'account-mapping',
			'first-partner-sourced-deal',
		]);
		expect(html).toContain('<pb-goal-builder class="pb-goal-builder"><p class="pb-goals-fallback">');
	});

	test('feeds and email editions show a link in the builder’s place', () => {
		for (const text of [sample('feed.xml'), sample('issues/020-perseverance/email.html')]) {
			expect(text).toContain('Plan your micro goals on the web');
			expect(text).not.toContain('pb-goal-builder');
			expect(text).not.toContain('data-goal-templates');
		}
	});
});
