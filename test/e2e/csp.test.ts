import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { buildSite, readPage, TMP } from '../helpers/build.ts';
import { type StaticSite, serve } from '../helpers/server.ts';

// Every page carries a Content Security Policy; this journey loads each page
// of the sample site and uses every tool, and fails on anything the policy
// blocks: a `securitypolicyviolation` event in any document, or the console
// message a blocked resource logs.

let browser: Browser;
let site: StaticSite;
let hostile: StaticSite;
let hostileDist: string;

beforeAll(async () => {
	const built = await buildSite('hostile', { out: 'hostile-csp' });
	expect(built.code, built.output).toBe(0);
	hostileDist = built.dist;
	[site, hostile, browser] = await Promise.all([serve(join(TMP, 'sample/dist')), serve(built.dist), launch()]);
});

afterAll(async () => {
	await browser?.close();
	await Promise.all([site?.close(), hostile?.close()]);
});

interface Watched {
	context: BrowserContext;
	page: Page;
	/** What the policy blocked, from the event or the console, and any dialog a script opened. */
	problems: string[];
}

async function watched(): Promise<Watched> {
	const context = await browser.newContext({ reducedMotion: 'reduce', acceptDownloads: true });
	const problems: string[] = [];
	await context.exposeBinding('pbViolation', ({ frame }, text: string) => problems.push(`${frame.url()}: ${text}`));
	await context.addInitScript(() => {
		document.addEventListener(
			'securitypolicyviolation',
			(event) => {
				(window as unknown as { pbViolation(text: string): void }).pbViolation(
					`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`,
				);
			},
			true,
		);
	});
	const page = await context.newPage();
	page.on('console', (message) => {
		if (/content security policy|refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
	});
	page.on('dialog', async (dialog) => {
		problems.push(`dialog: ${dialog.message()}`);
		await dialog.dismiss();
	});
	return { context, page, problems };
}

/** Every page of a built site, as paths: each HTML file but the email editions, which are not web pages. */
function pagesOf(dist: string): string[] {
	return readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html') && !file.endsWith('email.html'))
		.map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
		.sort();
}

/** A page at an issue number, which forwards at once to the issue. */
const FORWARD = /^\/issues\/\d+\/$/;

/**
 * Opens a page and waits until it has loaded, or, for a page that forwards,
 * until the issue has; returns its status and the policy its file carries.
 */
async function visit(page: Page, origin: StaticSite, dist: string, path: string): Promise<{ status: number; policy: string }> {
	const response = await page.goto(new URL(path.slice(1), origin.url).href);
	if (FORWARD.test(path)) await page.waitForURL((url) => !FORWARD.test(url.pathname));
	await page.waitForLoadState('load');
	const status = response?.status() ?? 0;
	const html = parse(readPage(dist, status === 404 ? '/404.html' : path));
	return { status, policy: html.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '' };
}

describe('Content Security Policy', () => {
	test('the check notices a blocked inline script', async () => {
		const { context, page, problems } = await watched();
		await page.goto(site.url);
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'document.title = "ran"';
			document.body.append(script);
		});
		await expect.poll(() => problems.length).toBeGreaterThan(0);
		expect(await page.title()).not.toBe('ran');
		await context.close();
	});

	test('every page of every type loads with nothing blocked', async () => {
		const dist = join(TMP, 'sample/dist');
		const paths = [...pagesOf(dist), '/no-such-page/'];
		// Home, archive, issue, playbook, tag, author, series, search, about, 404 and the pages at issue numbers.
		for (const path of ['/', '/issues/', '/issues/020-perseverance/', '/playbooks/eight-habits-to-drop/', '/tags/trust/']) {
			expect(paths).toContain(path);
		}
		for (const path of [
			'/authors/maya-okafor/',
			'/series/from-signature-to-pipeline/',
			'/search/',
			'/about/',
			'/404.html',
			'/issues/20/',
		])
			expect(paths).toContain(path);
		const { context, page, problems } = await watched();
		for (const path of paths) {
			const { status, policy } = await visit(page, site, dist, path);
			expect(status, path).toBe(path === '/no-such-page/' ? 404 : 200);
			if (FORWARD.test(path)) {
				// Forwarding pages need nothing at all, and are allowed nothing.
				expect(policy, path).toBe("default-src 'none'; base-uri 'none'; form-action 'none'");
				continue;
			}
			expect(policy, path).toMatch(/script-src [^;]*'wasm-unsafe-eval'/);
			expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		}
		expect(problems).toEqual([]);
		await context.close();
	});

	test('search opens, loads Pagefind and finds results, in the dialog and on the search page', async () => {
		const { context, page, problems } = await watched();
		await page.goto(new URL('issues/020-perseverance/', site.url).href);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.locator('.pb-search input.pf-input').fill('goals');
		await page.locator('.pb-hit-title').first().waitFor({ timeout: 10_000 });
		await page.keyboard.press('Escape');
		await page.goto(new URL('search/?q=due+diligence', site.url).href);
		await page.locator('.pb-hit-title').first().waitFor({ timeout: 10_000 });
		await page.getByRole('button', { name: 'Dark theme' }).click();
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(problems).toEqual([]);
		await context.close();
	});

	test('the checklist ticks, exports, imports and resets', async () => {
		const { context, page, problems } = await watched();
		await page.goto(new URL('playbooks/eight-habits-to-drop/', site.url).href);
		const checklist = page.locator('pb-checklist').first();
		await checklist.locator('.pb-progress-text').waitFor();
		await checklist.getByRole('checkbox').first().check();
		await expect.poll(() => checklist.locator('.pb-progress-text').textContent()).toBe('1 of 8 done');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			checklist.getByRole('button', { name: 'Export JSON' }).click(),
		]);
		const file = await download.path();
		const [markdown] = await Promise.all([
			page.waitForEvent('download'),
			checklist.getByRole('button', { name: 'Export Markdown' }).click(),
		]);
		await markdown.path();
		await checklist.getByRole('button', { name: 'Reset' }).click();
		await expect.poll(() => checklist.locator('.pb-progress-text').textContent()).toBe('0 of 8 done');
		await checklist.locator('input[type=file]').setInputFiles(file);
		await expect.poll(() => checklist.locator('.pb-progress-text').textContent()).toBe('1 of 8 done');
		expect(problems).toEqual([]);
		await context.close();
	});

	test('the questionnaire scores, saves, compares, shares and exports', async () => {
		const { context, page, problems } = await watched();
		await page.goto(new URL('tools/partner-or-pen-pal/', site.url).href);
		await page.locator('.pb-q-progress', { hasText: /answered$/ }).waitFor();
		const groups = page.locator('pb-questionnaire fieldset:has(input[type=radio])');
		for (const partner of ['Acme Advisors', 'Globex Consulting']) {
			if (partner !== 'Acme Advisors') await page.getByRole('button', { name: 'New assessment' }).click();
			for (let i = 0; i < (await groups.count()); i++) {
				const group = groups.nth(i);
				if (await group.isVisible()) await group.locator('input[type=radio]').first().check();
			}
			await page.locator('.pb-q-verdict').waitFor();
			await page.getByLabel('Partner name').fill(partner);
			await page.getByRole('button', { name: 'Save assessment' }).click();
		}
		await page.getByLabel('Compare Acme Advisors').check();
		await page.getByLabel('Compare Globex Consulting').check();
		await page.getByRole('button', { name: 'Compare 2 partners' }).click();
		await page.locator('.pb-q-compare').waitFor();
		await page.getByRole('button', { name: 'Share link' }).click();
		const dialog = page.locator('dialog.pb-q-dialog');
		await dialog.waitFor();
		const link = await dialog.getByLabel('Link').inputValue();
		await dialog.getByRole('button', { name: 'Close' }).click();
		for (const name of ['Export JSON', 'Export Markdown', 'Export CSV']) {
			const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
			await file.path();
		}
		await page.goto(link);
		await page.locator('.pb-q-verdict').waitFor();
		expect(problems).toEqual([]);
		await context.close();
	});

	test('the goal builder plans, checks in and exports', async () => {
		const { context, page, problems } = await watched();
		await page.goto(new URL('tools/micro-goals/', site.url).href);
		const builder = page.locator('pb-goal-builder').first();
		await builder.locator('.pb-goals-app > *').first().waitFor();
		await builder.getByLabel('Goal', { exact: true }).fill('Partner-sourced revenue from Northwind');
		await builder.getByLabel('Partner', { exact: true }).fill('Northwind');
		await builder.getByLabel('Unit or currency').fill('USD');
		await builder.getByLabel('Target', { exact: true }).fill('100000');
		await builder.getByLabel('Start date').fill('2026-01-01');
		await builder.getByLabel('Due date').fill('2026-12-31');
		await builder.getByRole('button', { name: 'Create the goal' }).click();
		await builder.locator('.pb-goal-verdict').waitFor();
		await builder.getByLabel('Template', { exact: true }).selectOption({ label: 'Joint webinar' });
		await builder.getByRole('button', { name: 'Add from the template' }).click();
		await builder.locator('.pb-micro').first().waitFor();
		await builder.getByLabel('Check-in date').fill('2026-03-01');
		await builder.getByLabel('Value (USD)').fill('20000');
		await builder.getByLabel('Confidence (0–10)').fill('7');
		await builder.getByRole('button', { name: 'Add the check-in' }).click();
		await builder.locator('.pb-goal-table tbody tr th').first().waitFor();
		for (const name of ['Status update (Markdown)', 'Micro goals (CSV)', 'Calendar (.ics)', 'All goals (JSON)']) {
			const [file] = await Promise.all([page.waitForEvent('download'), builder.getByRole('button', { name }).click()]);
			await file.path();
		}
		expect(problems).toEqual([]);
		await context.close();
	});

	test('author text that looks like markup runs nothing, and the subscribe form posts to its service', async () => {
		const { context, page, problems } = await watched();
		for (const path of pagesOf(hostileDist)) expect((await visit(page, hostile, hostileDist, path)).status, path).toBe(200);
		// The email service is not reached: the form's request is answered here.
		let posted = '';
		await page.route('https://mail.example.com/**', async (route) => {
			posted = route.request().postData() ?? '';
			await route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>Thanks</title><p>Thanks</p>' });
		});
		await page.goto(new URL('issues/001-script/', hostile.url).href);
		await page.getByLabel('Email address').fill('reader@example.com');
		await page.getByRole('button', { name: 'Join' }).click();
		await page.waitForURL('https://mail.example.com/subscribe');
		expect(posted).toBe('EMAIL=reader%40example.com');
		expect(problems).toEqual([]);
		await context.close();
	});
});
