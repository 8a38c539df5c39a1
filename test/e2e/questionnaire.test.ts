import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { formatDate, isoDate } from '../../src/lib/format.ts';
import { axe } from '../helpers/axe.ts';
import { pageIdle, seedStorage, useSampleSite } from '../helpers/browser.ts';
import { TMP } from '../helpers/build.ts';
import { page } from '../helpers/html.ts';

const PATH = 'tools/partner-or-pen-pal/';
const KEY = 'pb-questionnaire:partner-or-pen-pal';
const site = useSampleSite();

const newContext = () => site.newContext();

async function open(context?: BrowserContext, address = site.url + PATH): Promise<Page> {
	const page = await (context ?? (await newContext())).newPage();
	await page.goto(address);
	// The element fills in the progress line once it runs.
	await page.locator('.pb-q-progress', { hasText: /answered$/ }).waitFor();
	return page;
}

/** The ten questions, by a word of their text, with the middle answer of each. */
const MIDDLE: [RegExp, string][] = [
	[/which level of your program/, 'Vaguely'],
	[/expect to get out of/, 'Only in words'],
	[/successful partnership looks like/, 'Roughly'],
	[/people and the budget/, 'People, no budget'],
	[/how fast the partnership could grow/, 'A rough idea'],
	[/customers could realistically/, 'A handful'],
	[/more successful in its own business/, 'Some ideas'],
	[/support, response times/, 'Partly'],
	[/program explained plainly/, 'They have the documents'],
	[/what you expect from its team/, 'Partly'],
];

/** Waits for a value that arrives after code loaded on first use (share links, comparisons). */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

const question = (page: Page, text: RegExp) => page.getByRole('group', { name: text });
const answer = (page: Page, text: RegExp, label: string) => question(page, text).getByLabel(label, { exact: true }).check();
const progress = (page: Page) => page.locator('.pb-q-progress').textContent();
const verdict = (page: Page) => page.locator('.pb-q-verdict').textContent();
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

async function answerAll(page: Page, answers = MIDDLE) {
	for (const [text, label] of answers) await answer(page, text, label);
}

async function shareLink(page: Page, button: string): Promise<string> {
	await page.getByRole('button', { name: button }).click();
	const dialog = page.locator('dialog.pb-q-dialog');
	await dialog.waitFor();
	const link = await dialog.getByLabel('Link').inputValue();
	await dialog.getByRole('button', { name: 'Close' }).click();
	return link;
}

describe('partner qualification questionnaire', () => {
	test('answering every question gives the verdict, the advice with its links, and the section scores', async () => {
		const page = await open();
		expect(await progress(page)).toBe('0 of 10 answered');
		await expect(page.locator('.pb-q-result').isHidden()).resolves.toBe(true);
		await answer(page, MIDDLE[0]![0], MIDDLE[0]![1]);
		expect(await progress(page)).toBe('1 of 10 answered');
		await answerAll(page);
		expect(await progress(page)).toBe('10 of 10 answered');
		expect(await verdict(page)).toBe('Promising: 50%');
		const advice = page.locator('.pb-q-advice-list');
		await expect(advice.getByText('Turn the intention into a tier and a date').isVisible()).resolves.toBe(true);
		await expect(advice.getByRole('link', { name: 'Track what you agreed' }).getAttribute('href')).resolves.toBe(
			'/playbooks/paper-partnerships/#track-what-you-agreed',
		);
		const rows = await page.locator('.pb-q-result .pb-q-table tbody tr').allTextContents();
		expect(rows).toEqual(['Ambition and goals50%', 'Commitment and reach50%', 'Working together50%']);
		await expect(page.locator('.pb-q-chart rect').count()).resolves.toBeGreaterThan(3);
	});

	test('a knockout answer caps the verdict, and applying the move-up suggestion reaches the next band', async () => {
		const page = await open();
		await answerAll(page);
		await answer(page, /expect to get out of/, 'They will not discuss goals');
		expect(await verdict(page)).toMatch(/^Pen pal: \d+% \(capped by your answer to “Have both sides said/);
		const moveUp = page.locator('.pb-q-moveup');
		await expect(moveUp.locator('p').textContent()).resolves.toMatch(/^One change would reach Promising/);
		await moveUp.getByRole('button', { name: 'Apply these answers' }).click();
		expect(await verdict(page)).toMatch(/^Promising: /);
		await expect(moveUp.locator('p').textContent()).resolves.toMatch(/changes? would reach Partner/);
		const suggested = await moveUp.locator('li').count();
		await moveUp.getByRole('button', { name: 'Apply these answers' }).click();
		expect(await verdict(page)).toMatch(/^Partner: (8\d|9\d|100)%$/);
		expect(suggested).toBeGreaterThan(0);
	});

	test('a reload resumes where the reader left off, notes included', async () => {
		const context = await newContext();
		const page = await open(context);
		await answer(page, MIDDLE[3]![0], MIDDLE[3]![1]);
		await answer(page, MIDDLE[5]![0], 'Not applicable');
		await question(page, MIDDLE[3]![0]).getByLabel('Note').fill('Only one advisor so far');
		expect(await progress(page)).toBe('1 of 9 answered');
		await page.reload();
		await eventually(() => progress(page)).toBe('1 of 9 answered');
		await expect(question(page, MIDDLE[3]![0]).getByLabel('People, no budget').isChecked()).resolves.toBe(true);
		await expect(question(page, MIDDLE[5]![0]).getByLabel('Not applicable').isChecked()).resolves.toBe(true);
		await expect(question(page, MIDDLE[3]![0]).getByLabel('Note').inputValue()).resolves.toBe('Only one advisor so far');
	});

	test('two partners saved, compared side by side; delete has an undo', async () => {
		const page = await open();
		await answerAll(page);
		await page.getByLabel('Partner name').fill('Acme Advisors');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		await page.getByRole('button', { name: 'New assessment' }).click();
		expect(await progress(page)).toBe('0 of 10 answered');
		await answerAll(
			page,
			MIDDLE.map(([text], i) => [text, i === 3 ? 'People and budget' : MIDDLE[i]![1]]),
		);
		await page.getByLabel('Partner name').fill('Globex Consulting');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		const saved = page.locator('.pb-q-saved tbody tr');
		await expect(saved.allTextContents()).resolves.toEqual([
			expect.stringContaining('Acme Advisors'),
			expect.stringContaining('Globex Consulting'),
		]);
		await page.getByLabel('Compare Acme Advisors').check();
		await page.getByLabel('Compare Globex Consulting').check();
		await page.getByRole('button', { name: 'Compare 2 partners' }).click();
		const compare = page.locator('.pb-q-compare');
		await compare.waitFor();
		const head = await compare.locator('thead th').allTextContents();
		expect(head).toEqual(['Section', 'Acme Advisors', 'Globex Consulting']);
		const commitment = await compare.locator('tbody tr', { hasText: 'Commitment and reach' }).locator('td').allTextContents();
		expect(commitment).toEqual(['50%', '75%']);
		await expect(compare.locator('svg rect').count()).resolves.toBeGreaterThan(6);
		await page.getByRole('button', { name: 'Rename Globex Consulting' }).click();
		await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).id)).resolves.toBe(
			'pb-q-partner-or-pen-pal-name',
		);
		await page.getByLabel('Partner name').fill('Globex Partners');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		await expect(page.locator('.pb-notice p').textContent()).resolves.toBe(
			'Renamed Globex Consulting to Globex Partners and saved.',
		);
		await expect(saved.nth(1).textContent()).resolves.toContain('Globex Partners');
		await page.getByRole('button', { name: 'Delete Acme Advisors' }).click();
		await expect(saved.count()).resolves.toBe(1);
		await page.locator('.pb-notice').getByRole('button', { name: 'Undo' }).click();
		await expect(saved.first().textContent()).resolves.toContain('Acme Advisors');
		await page.reload();
		await eventually(() => page.locator('.pb-q-saved tbody tr').count()).toBe(2);
	});

	test('a share link opened in a fresh browser shows the same result, and saves nothing there', async () => {
		const page = await open();
		await answerAll(page);
		await answer(page, MIDDLE[3]![0], 'People and budget');
		const result = await verdict(page);
		const link = await shareLink(page, 'Share link');
		expect(link).toMatch(/#pb-share=[\w-]+\.[0-9a-f]{8}$/);
		const fresh = await open(await newContext(), link);
		await eventually(() => verdict(fresh)).toBe(result);
		expect(await progress(fresh)).toBe('10 of 10 answered');
		await expect(fresh.locator('.pb-notice p').textContent()).resolves.toMatch(/answers from a shared link/);
		expect(await stored(fresh)).toBeNull();
	});

	test('a tampered or cut link shows a message and changes nothing saved', async () => {
		const context = await newContext();
		const page = await open(context);
		await answerAll(page);
		const link = await shareLink(page, 'Share link');
		const before = await stored(page);
		const [, payload = ''] = link.split('#pb-share=');
		const flipped = payload[3] === 'A' ? 'B' : 'A';
		const tampered = `${link.split('#')[0]}#pb-share=${payload.slice(0, 3)}${flipped}${payload.slice(4)}`;
		for (const address of [tampered, link.slice(0, -12)]) {
			const other = await open(context, address);
			await eventually(() => other.locator('.pb-notice p').textContent()).toMatch(/^This link is damaged/);
			expect(await stored(other)).toBe(before);
			expect(await verdict(other)).toBe('Promising: 50%');
			await other.close();
		}
	});

	test('ask the partner: they answer from their side, and their link back shows both sides, biggest disagreement first', async () => {
		const mine = await newContext();
		const page = await open(mine);
		await answerAll(page);
		await page.getByLabel('Partner name').fill('Acme Advisors');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		const ask = await shareLink(page, 'Ask the partner');

		const theirs = await open(await newContext(), ask);
		await expect
			.poll(() => theirs.locator('.pb-notice p').textContent())
			.toMatch(/asked to answer this questionnaire from your side about Acme Advisors/);
		expect(await progress(theirs)).toBe('0 of 10 answered');
		await answerAll(
			theirs,
			MIDDLE.map(([text], i) => [text, i === 4 ? 'No idea' : i === 0 ? 'A level and a date' : MIDDLE[i]![1]]),
		);
		const reply = await shareLink(theirs, 'Send my answers back');
		expect(await stored(theirs)).toBeNull();

		const back = await open(mine, reply);
		const sides = back.locator('.pb-q-sides');
		await sides.waitFor();
		const rows = await sides.locator('tbody tr').allTextContents();
		expect(rows).toHaveLength(10);
		expect(rows.slice(0, 2).join('\n')).toMatch(/which level of your program[\s\S]*how fast the partnership could grow/);
		expect(rows[0]).toContain('50 points');
		expect(rows[2]).toContain('0 points');
		await expect(back.locator('.pb-q-saved tbody tr').count()).resolves.toBe(1);
	});

	test('can be completed with the keyboard alone', async () => {
		const page = await open();
		await page.locator('h1').click();
		for (let i = 0; i < 10; i++) {
			// Tab to the next question's answers (advice links and the note come between), then pick with the arrow key.
			for (let tries = 0; tries < 12; tries++) {
				await page.keyboard.press('Tab');
				const inQuestion = await page.evaluate((n) => {
					const active = document.activeElement as HTMLInputElement | null;
					const fieldsets = [...document.querySelectorAll('fieldset[data-q]')];
					return active?.type === 'radio' && active.closest('fieldset') === fieldsets[n];
				}, i);
				if (inQuestion) break;
			}
			await page.keyboard.press('ArrowRight');
		}
		expect(await progress(page)).toBe('10 of 10 answered');
		expect(await verdict(page)).toBe('Promising: 50%');
		await page.keyboard.press('Shift+Tab');
		const focus = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
		expect(focus).not.toBe('none');
	});

	test('axe finds no violations when empty, partly answered, with a result, comparing and in the share dialog', async () => {
		const page = await open();
		expect(await axe(page)).toEqual([]);
		await answer(page, MIDDLE[0]![0], MIDDLE[0]![1]);
		expect(await axe(page)).toEqual([]);
		await answerAll(page);
		expect(await axe(page)).toEqual([]);
		for (const name of ['Acme Advisors', 'Globex Consulting']) {
			await page.getByLabel('Partner name').fill(name);
			await page.getByRole('button', { name: 'Save assessment' }).click();
			await page.getByRole('button', { name: 'New assessment' }).click();
			await answerAll(page);
		}
		await page.getByLabel('Compare Acme Advisors').check();
		await page.getByLabel('Compare Globex Consulting').check();
		await page.getByRole('button', { name: 'Compare 2 partners' }).click();
		await page.locator('.pb-q-compare table').waitFor();
		expect(await axe(page)).toEqual([]);
		await page.getByRole('button', { name: 'Share link' }).click();
		await page.locator('dialog.pb-q-dialog').waitFor();
		expect(await axe(page)).toEqual([]);
	});

	test('a weak answer’s advice is added to a plan for the partner, once, and shows in the goal builder', async () => {
		const context = await newContext();
		const page = await open(context);
		await answer(page, MIDDLE[0]![0], MIDDLE[0]![1]);
		const add = page.getByRole('button', { name: /^Add to a plan: “.*which level of your program/ });
		const status = page.locator('.pb-q-plan-status');
		await add.click();
		await expect(status.textContent()).resolves.toMatch(/^Type the partner’s name in “Partner name” first.*Nothing was added\.$/);
		await expect(page.evaluate(() => document.activeElement?.classList.contains('pb-q-name'))).resolves.toBe(true);
		await expect(page.evaluate(() => localStorage.getItem('pb-goals:plan'))).resolves.toBeNull();
		await page.getByLabel('Partner name').fill('Northwind');
		await add.click();
		const added =
			'Added “Turn the intention into a tier and a date, and write both into the activation plan.” to a new plan for Northwind, as a draft micro goal.';
		await eventually(() => status.textContent()).toBe(`${added} Open the goal builder`);
		await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
		expect(await axe(page)).toEqual([]);
		await add.click();
		await eventually(() => status.textContent()).toMatch(/is already in the plan for Northwind\. Open the goal builder$/);
		await expect(status.getByRole('link', { name: 'Open the goal builder' }).getAttribute('href')).resolves.toBe(
			'/tools/micro-goals/',
		);
		await status.getByRole('link', { name: 'Open the goal builder' }).click();
		const builder = page.locator('pb-goal-builder');
		await builder.locator('.pb-micro').first().waitFor();
		await expect(builder.locator('h2, h3').first().textContent()).resolves.toBe('First partner-sourced deals with Northwind');
		await expect(builder.locator('.pb-micro-title strong').allTextContents()).resolves.toEqual([
			'Turn the intention into a tier and a date, and write both into the activation plan.',
		]);
	});

	test('saving a partner again with other answers shows each section before and now, after a reload and in another tab', async () => {
		const context = await newContext();
		const page = await open(context);
		await answerAll(page);
		await page.getByLabel('Partner name').fill('Acme Advisors');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		await expect(page.locator('.pb-q-before').isHidden()).resolves.toBe(true);
		const other = await open(context);
		await answer(page, MIDDLE[0]![0], 'Not discussed');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		const table = (p: Page) => p.getByRole('table', { name: 'Before and now, by section' });
		const rows = (p: Page) => table(p).locator('tbody tr').allTextContents();
		const expected = [
			'Ambition and goals50%33%Down 17 points',
			'Commitment and reach50%50%No change',
			'Working together50%50%No change',
			'Overall50%, Promising46%, Pen palDown 4 points',
		];
		await eventually(() => rows(page)).toEqual(expected);
		// The other tab hears of the save and shows the same.
		await eventually(() => rows(other)).toEqual(expected);

		await page.reload();
		await eventually(() => progress(page)).toBe('10 of 10 answered');
		await eventually(() => rows(page)).toEqual(expected);
		await pageIdle(page);
		const today = new Date();
		await expect(table(page).locator('thead th').allTextContents()).resolves.toEqual([
			'Section',
			`Before (${formatDate(today, 'en')})`,
			'Now',
			'Change',
		]);
		await expect(table(page).locator('thead time').getAttribute('datetime')).resolves.toBe(isoDate(today));
		expect(await axe(page)).toEqual([]);

		// Saving the same answers again keeps the comparison.
		await page.getByRole('button', { name: 'Save assessment' }).click();
		await expect(page.locator('.pb-notice p').textContent()).resolves.toBe('Saved Acme Advisors.');
		expect(await rows(page)).toEqual(expected);
		expect(JSON.parse((await stored(page))!).data.partners[0].previous).toMatchObject({ percent: 50, verdict: 'Promising' });
		await page.getByRole('button', { name: 'New assessment' }).click();
		await expect(page.locator('.pb-q-before').isHidden()).resolves.toBe(true);

		// Opened again, in a new tab: the comparison is there.
		const fresh = await open(context);
		await expect(fresh.locator('.pb-q-before').isHidden()).resolves.toBe(true);
		await fresh.getByRole('button', { name: 'Open Acme Advisors' }).click();
		await eventually(() => rows(fresh)).toEqual(expected);
		expect(JSON.parse((await stored(fresh))!).v).toBe(2);
	});

	test('a workspace saved before previous runs were kept opens as it was; the next save with other answers starts one', async () => {
		const context = await newContext();
		const acme = {
			id: 'p1',
			name: 'Acme Advisors',
			version: 1,
			answers: { level: ['vaguely'], goals: ['only-in-words'] },
			notes: { level: 'Asked twice' },
			updated: '2026-11-02T09:00:00.000Z',
		};
		const saved = { v: 1, saved: '2026-11-02T09:00:00.000Z', data: { draft: acme, partners: [acme] } };
		await seedStorage(context, KEY, JSON.stringify(saved));
		const page = await open(context);
		expect(await progress(page)).toBe('2 of 10 answered');
		await expect(page.getByLabel('Partner name').inputValue()).resolves.toBe('Acme Advisors');
		await expect(question(page, MIDDLE[0]![0]).getByLabel('Note').inputValue()).resolves.toBe('Asked twice');
		await expect(page.locator('.pb-q-saved tbody tr').allTextContents()).resolves.toEqual([
			expect.stringContaining('Acme Advisors (open)'),
		]);
		await expect(page.locator('.pb-notice').isHidden()).resolves.toBe(true);
		await expect(page.locator('.pb-q-before').isHidden()).resolves.toBe(true);
		await answer(page, MIDDLE[0]![0], 'A level and a date');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		const table = page.getByRole('table', { name: 'Before and now, by section' });
		await table.waitFor();
		await expect(table.locator('thead time').getAttribute('datetime')).resolves.toBe('2026-11-02');
		await expect(table.locator('tbody tr').first().textContent()).resolves.toBe('Ambition and goals33%50%Up 17 points');
		const envelope = JSON.parse((await stored(page))!);
		expect(envelope.v).toBe(2);
		expect(envelope.data.partners[0].previous.saved).toBe('2026-11-02T09:00:00.000Z');
	});

	test('a damaged previous run only hides the comparison: the partner, its answers and notes stay', async () => {
		const context = await newContext();
		const acme = {
			id: 'p1',
			name: 'Acme Advisors',
			version: 1,
			answers: { level: ['vaguely'] },
			notes: { level: 'Asked twice' },
			updated: '2026-11-02T09:00:00.000Z',
			previous: {
				saved: '2026-11-01T09:00:00.000Z',
				percent: 'all of it',
				verdict: '<img src=x onerror=alert(1)>',
				sections: [],
			},
		};
		await seedStorage(
			context,
			KEY,
			JSON.stringify({ v: 2, saved: '2026-11-02T09:00:00.000Z', data: { draft: acme, partners: [acme] } }),
		);
		const page = await open(context);
		expect(await progress(page)).toBe('1 of 10 answered');
		await expect(question(page, MIDDLE[0]![0]).getByLabel('Note').inputValue()).resolves.toBe('Asked twice');
		await expect(page.locator('.pb-q-saved tbody tr').allTextContents()).resolves.toEqual([
			expect.stringContaining('Acme Advisors'),
		]);
		await expect(page.locator('.pb-q-before').isHidden()).resolves.toBe(true);
		await expect(page.locator('.pb-notice').isHidden()).resolves.toBe(true);
		await expect(page.locator('img[src=x]').count()).resolves.toBe(0);
	});

	test('answers saved for an older version still open: removed questions kept aside, the reader told', async () => {
		const context = await newContext();
		const saved = {
			v: 1,
			saved: '2026-11-01T00:00:00.000Z',
			data: {
				draft: {
					id: 'draft',
					name: '',
					version: 0,
					answers: { level: ['vaguely'], 'old-question': ['yes'] },
					notes: { 'old-question': 'asked in the first version' },
					updated: '',
				},
				partners: [],
			},
		};
		await seedStorage(context, KEY, JSON.stringify(saved));
		const page = await open(context);
		await expect(page.locator('.pb-notice p').textContent()).resolves.toBe(
			'This questionnaire was revised since these answers were given (version 0, now 1). 1 answer no longer fits a question and is kept aside below. 9 new questions are unanswered.',
		);
		expect(await progress(page)).toBe('1 of 10 answered');
		await expect(question(page, MIDDLE[0]![0]).getByLabel('Vaguely').isChecked()).resolves.toBe(true);
		await expect(page.locator('.pb-q-aside li').allTextContents()).resolves.toEqual([
			'old-question: yes (note: asked in the first version)',
		]);
		// What was kept aside is saved again with the answers, not dropped.
		await page.reload();
		await eventually(() => page.locator('.pb-q-aside li').count()).toBe(1);
		expect(JSON.parse((await stored(page))!).data.draft.aside).toEqual([
			{ question: 'old-question', answer: ['yes'], note: 'asked in the first version' },
		]);
	});

	test('unreadable saved data gives a notice and keeps a backup', async () => {
		const context = await newContext();
		await seedStorage(context, KEY, '{"v":1,"data":');
		const page = await open(context);
		await expect(page.locator('.pb-notice p').textContent()).resolves.toMatch(
			/^Your saved answers could not be read \(it is not valid JSON\), so this starts empty\. A copy was kept in this browser under “pb-questionnaire:partner-or-pen-pal:backup:/,
		);
		const backup = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes(':backup:')));
		expect(await page.evaluate((k) => localStorage.getItem(k), backup!)).toBe('{"v":1,"data":');
	});

	test('export to JSON, then import it in a fresh browser; a bad file changes nothing; Markdown and CSV download', async () => {
		const page = await open();
		await answerAll(page);
		await page.getByLabel('Partner name').fill('Acme Advisors');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
		expect(json.suggestedFilename()).toBe('partner-or-pen-pal-acme-advisors.json');
		const file = await json.path();
		const [md] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export Markdown' }).click(),
		]);
		expect(md.suggestedFilename()).toBe('partner-or-pen-pal-acme-advisors.md');
		const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
		expect(csv.suggestedFilename()).toBe('partner-or-pen-pal-acme-advisors.csv');

		const fresh = await open();
		await answer(fresh, MIDDLE[0]![0], 'A level and a date');
		const before = await stored(fresh);
		await fresh
			.locator('[data-import]')
			.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nope"}') });
		await eventually(() => fresh.locator('.pb-notice p').textContent()).toBe(
			'This file is not a questionnaire export from this site. Nothing was changed.',
		);
		expect(await stored(fresh)).toBe(before);
		await fresh.locator('[data-import]').setInputFiles(file);
		await eventually(() => verdict(fresh)).toBe('Promising: 50%');
		expect(await fresh.getByLabel('Partner name').inputValue()).toBe('Acme Advisors');
		await fresh.locator('.pb-notice').getByRole('button', { name: 'Undo' }).click();
		expect(await progress(fresh)).toBe('1 of 10 answered');
	});

	test('the partner name typed before answering stays while answering, after a reload, and for a plan', async () => {
		const context = await newContext();
		const page = await open(context);
		const name = page.getByLabel('Partner name');
		await name.fill('Umbrella');
		await answer(page, MIDDLE[0]![0], MIDDLE[0]![1]);
		await question(page, MIDDLE[0]![0]).getByLabel('Note').fill('Met at the summit');
		expect(await name.inputValue()).toBe('Umbrella');
		await page.reload();
		await eventually(() => progress(page)).toBe('1 of 10 answered');
		expect(await name.inputValue()).toBe('Umbrella');
		await page.getByRole('button', { name: /^Add to a plan: “.*which level of your program/ }).click();
		await eventually(() => page.locator('.pb-q-plan-status').textContent()).toMatch(/to a new plan for Umbrella/);
	});

	test('opening or renaming a partner never loses unsaved answers: Undo brings them back, whatever notice came since', async () => {
		const page = await open();
		const notice = page.locator('.pb-notice');
		for (const name of ['Acme Advisors', 'Globex Consulting']) {
			await answerAll(page);
			await page.getByLabel('Partner name').fill(name);
			await page.getByRole('button', { name: 'Save assessment' }).click();
			await page.getByRole('button', { name: 'New assessment' }).click();
		}
		await answer(page, MIDDLE[0]![0], 'A level and a date');
		await question(page, MIDDLE[0]![0]).getByLabel('Note').fill('Not saved yet');

		await page.getByRole('button', { name: 'Rename Acme Advisors' }).click();
		await expect(notice.locator('p').textContent()).resolves.toBe(
			'Type the new name for Acme Advisors, then choose Save assessment. Your unsaved answers are still here: Undo brings them back.',
		);
		await expect(page.evaluate(() => document.activeElement?.classList.contains('pb-q-name'))).resolves.toBe(true);
		await notice.getByRole('button', { name: 'Undo' }).click();
		expect(await progress(page)).toBe('1 of 10 answered');
		await expect(question(page, MIDDLE[0]![0]).getByLabel('Note').inputValue()).resolves.toBe('Not saved yet');
		await expect(page.getByLabel('Partner name').inputValue()).resolves.toBe('');

		await page.getByRole('button', { name: 'Open Globex Consulting' }).click();
		expect(await progress(page)).toBe('10 of 10 answered');
		// Another message replaces the one that offered Undo: Undo stays, and says what it brings back.
		await page.getByRole('button', { name: 'Compare selected (2 to 4)' }).click();
		await expect(notice.locator('p').textContent()).resolves.toBe(
			'Tick two to four partners to compare them. Your unsaved answers are still here: Undo brings them back.',
		);
		expect(await axe(page)).toEqual([]);
		await notice.getByRole('button', { name: 'Undo' }).click();
		expect(await progress(page)).toBe('1 of 10 answered');
		await expect(question(page, MIDDLE[0]![0]).getByLabel('Note').inputValue()).resolves.toBe('Not saved yet');
		await expect(question(page, MIDDLE[0]![0]).getByLabel('A level and a date').isChecked()).resolves.toBe(true);
	});

	test('two tabs: one starting a new assessment leaves the other’s answers alone, and partners both save are kept', async () => {
		const context = await newContext();
		const a = await open(context);
		const b = await open(context);
		await answerAll(a, MIDDLE.slice(0, 3));
		await a.getByLabel('Partner name').fill('Acme Advisors');
		await b.getByRole('button', { name: 'New assessment' }).click();
		await eventually(() => a.locator('.pb-notice p').textContent()).toBe('Updated from another tab.');
		expect(await progress(a)).toBe('3 of 10 answered');
		await expect(a.getByLabel('Partner name').inputValue()).resolves.toBe('Acme Advisors');

		await answer(b, MIDDLE[0]![0], 'A level and a date');
		await b.getByLabel('Partner name').fill('Globex Consulting');
		await a.getByRole('button', { name: 'Save assessment' }).click();
		await b.getByRole('button', { name: 'Save assessment' }).click();
		for (const page of [a, b])
			await eventually(() => page.locator('.pb-q-saved tbody th').allTextContents()).toEqual([
				expect.stringContaining('Acme Advisors'),
				expect.stringContaining('Globex Consulting'),
			]);
		const partners = JSON.parse((await stored(a))!).data.partners;
		expect(partners.map((p: { name: string }) => p.name)).toEqual(['Acme Advisors', 'Globex Consulting']);
		expect(Object.keys(partners[0].answers)).toHaveLength(3);
		expect(await progress(a)).toBe('3 of 10 answered');
		expect(await progress(b)).toBe('1 of 10 answered');

		// A partner deleted in one tab is gone from the other, and stays gone when the other saves its answers.
		await b.getByRole('button', { name: 'Delete Acme Advisors' }).click();
		await eventually(() => a.locator('.pb-q-saved tbody th').allTextContents()).toEqual(['Globex Consulting']);
		await question(a, MIDDLE[1]![0]).getByLabel('Note').fill('Still on screen here');
		expect(JSON.parse((await stored(a))!).data.partners.map((p: { name: string }) => p.name)).toEqual(['Globex Consulting']);
		expect(await progress(a)).toBe('3 of 10 answered');
	});

	test('saving a new assessment under a saved partner’s name, in any case, updates that partner as a new run', async () => {
		const page = await open();
		await answerAll(page);
		await page.getByLabel('Partner name').fill('Alpha');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		await page.getByRole('button', { name: 'New assessment' }).click();
		await answerAll(page);
		await answer(page, MIDDLE[0]![0], 'Not discussed');
		await page.getByLabel('Partner name').fill('alpha');
		await page.getByRole('button', { name: 'Save assessment' }).click();
		await expect(page.locator('.pb-notice p').textContent()).resolves.toBe(
			'Alpha was already saved, so these answers were saved as its new run; its earlier result is kept to compare with.',
		);
		await expect(page.locator('.pb-q-saved tbody th').allTextContents()).resolves.toEqual(['Alpha (open)']);
		await expect(page.getByLabel('Partner name').inputValue()).resolves.toBe('Alpha');
		const table = page.getByRole('table', { name: 'Before and now, by section' });
		await eventually(() => table.locator('tbody tr').first().textContent()).toBe('Ambition and goals50%33%Down 17 points');
		// Undo puts Alpha's earlier answers back, and these answers on screen, unsaved.
		await page.locator('.pb-notice').getByRole('button', { name: 'Undo' }).click();
		const partners = JSON.parse((await stored(page))!).data.partners;
		expect(partners).toHaveLength(1);
		expect(partners[0]).toMatchObject({ name: 'Alpha', answers: { level: ['vaguely'] } });
		expect(await verdict(page)).toMatch(/^Pen pal/);
		await expect(page.getByLabel('Partner name').inputValue()).resolves.toBe('alpha');
	});

	test('the partners table keeps keyboard focus: ticking Compare, deleting; a deleted partner leaves the comparison', async () => {
		const page = await open();
		const names = ['Acme Advisors', 'Globex Consulting', 'Initech'];
		for (const name of names) {
			await answerAll(page);
			await page.getByLabel('Partner name').fill(name);
			await page.getByRole('button', { name: 'Save assessment' }).click();
			await page.getByRole('button', { name: 'New assessment' }).click();
		}
		const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
		for (const name of names) {
			await page.getByLabel(`Compare ${name}`).focus();
			await page.keyboard.press('Space');
			await expect(focused()).resolves.toBe(`Compare ${name}`);
			await expect(page.getByLabel(`Compare ${name}`).isChecked()).resolves.toBe(true);
		}
		await expect(page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).resolves.not.toBe('none');
		await page.getByRole('button', { name: 'Compare 3 partners' }).click();
		const compare = page.locator('.pb-q-compare');
		await eventually(() => compare.locator('thead th').allTextContents()).toEqual(['Section', ...names]);

		await page.getByRole('button', { name: 'Delete Acme Advisors' }).focus();
		await page.keyboard.press('Enter');
		await expect(focused()).resolves.toBe('Compare Globex Consulting');
		await eventually(() => compare.locator('thead th').allTextContents()).toEqual(['Section', 'Globex Consulting', 'Initech']);
		expect(await axe(page)).toEqual([]);
		await page.getByRole('button', { name: 'Delete Initech' }).focus();
		await page.keyboard.press('Enter');
		await expect(focused()).resolves.toBe('Compare Globex Consulting');
		await expect(compare.isHidden()).resolves.toBe(true);
		await page.getByRole('button', { name: 'Delete Globex Consulting' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Undo');
	});

	test('a link with a bad % sequence says it is damaged, like any tampered link, and changes nothing', async () => {
		const context = await newContext();
		const page = await open(context);
		await answer(page, MIDDLE[0]![0], MIDDLE[0]![1]);
		const before = await stored(page);
		for (const hash of ['#pb-share=%E0%A4%A', '#pb-share=%ZZ']) {
			const other = await context.newPage();
			const errors: Error[] = [];
			other.on('pageerror', (error) => errors.push(error));
			await other.goto(site.url + PATH + hash);
			await eventually(() => other.locator('.pb-notice p').textContent()).toMatch(/^This link is damaged/);
			expect(errors).toEqual([]);
			expect(await stored(other)).toBe(before);
			await other.close();
		}
	});

	test('an export is named after the partner in any script', async () => {
		const page = await open();
		await answer(page, MIDDLE[0]![0], MIDDLE[0]![1]);
		await page.getByLabel('Partner name').fill('Müller 日本');
		const [md] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export Markdown' }).click(),
		]);
		expect(md.suggestedFilename()).toBe('partner-or-pen-pal-müller-日本.md');
	});

	test('prints the answers and the result without the buttons', async () => {
		const page = await open();
		await answerAll(page);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.pb-q-result').isVisible()).resolves.toBe(true);
		await expect(page.locator('.pb-q-verdict').isVisible()).resolves.toBe(true);
		await expect(page.getByRole('button', { name: 'Export JSON' }).isVisible()).resolves.toBe(false);
		await expect(page.locator('.pb-q-partners').isVisible()).resolves.toBe(false);
	});
});

describe('the sample site', () => {
	const dist = join(TMP, 'sample/dist');
	const definition = (path: string) => JSON.parse(page(dist, path).querySelector('script.pb-q-definition')!.textContent);

	test('the paper-partnerships playbook embeds "Partner or pen pal?" and the home page links to it', () => {
		const playbook = page(dist, '/playbooks/paper-partnerships/');
		expect(playbook.querySelector('pb-questionnaire')!.getAttribute('data-id')).toBe('partner-or-pen-pal');
		expect(playbook.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('/tools/partner-or-pen-pal/');
		expect(
			page(dist, '/')
				.querySelectorAll('a')
				.map((a) => a.getAttribute('href')),
		).toContain('/tools/partner-or-pen-pal/');
		const q = definition('/tools/partner-or-pen-pal/');
		expect(q.bands.map((b: { verdict: string }) => b.verdict)).toEqual(['Pen pal', 'Promising', 'Partner']);
		expect(q.questions).toHaveLength(10);
	});
});
