import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe } from '../helpers/axe.ts';
import { launch, pageIdle } from '../helpers/browser.ts';
import { buildSite, TMP } from '../helpers/build.ts';
import { type StaticSite, serve } from '../helpers/server.ts';

let browser: Browser;
let site: StaticSite;
let based: StaticSite;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	[site, based, browser] = await Promise.all([
		serve(join(TMP, 'sample/dist')),
		serve(join(TMP, 'sample-base/dist'), '/newsletter/'),
		launch(),
	]);
});

afterAll(async () => {
	for (const context of contexts) await context.close();
	await browser?.close();
	await Promise.all([site?.close(), based?.close()]);
});

interface Opened {
	page: Page;
	/** Every URL the page requested so far. */
	requests: string[];
}

async function open(path: string, options: { on?: StaticSite; colorScheme?: 'light' | 'dark' } = {}): Promise<Opened> {
	const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', reducedMotion: 'reduce' });
	contexts.push(context);
	const page = await context.newPage();
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	await page.goto(new URL(path.replace(/^\//, ''), (options.on ?? site).url).href);
	return { page, requests };
}

interface Hit {
	url: string;
	meta: Record<string, string>;
}

/**
 * Queries the site's real index with Pagefind's own JavaScript API, in the
 * page, and returns the results in rank order. (Passed as a string: the test
 * runner would rewrite a dynamic import written in a function.)
 */
function query(page: Page, term: string, filters: Record<string, string[]> = {}): Promise<Hit[]> {
	return page.evaluate(`(async () => {
		const bundle = document.querySelector('.pb-search').dataset.bundle;
		const pagefind = await import(bundle + 'pagefind.js');
		const found = await pagefind.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} });
		return Promise.all(found.results.map(async (r) => {
			const data = await r.data();
			return { url: data.url, meta: data.meta };
		}));
	})()`);
}

/** Searches wait for Pagefind to load and for its debounce; allow for a busy machine. */
const SLOW = { timeout: 10_000 };

const dialog = (page: Page) => page.locator('dialog.pb-search-dialog');
const input = (page: Page) => page.locator('.pb-search input.pf-input');
const hits = (page: Page) => page.locator('.pb-hit-title');
const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? '');

describe('the index', () => {
	let page: Page;
	beforeAll(async () => {
		({ page } = await open('/search/'));
	});

	test('"pen pal" ranks the paper-partnerships playbook first', async () => {
		const found = await query(page, 'pen pal');
		expect(found[0]?.url).toBe('/playbooks/paper-partnerships/');
		// The issue about pen pals is found too, below the playbook that has the words in its title.
		expect(found.map((h) => h.url)).toContain('/issues/019-partners-not-pen-pals/');
	});

	test('"micro goals" finds the perseverance issue', async () => {
		expect((await query(page, 'micro goals')).map((h) => h.url)).toContain('/issues/020-perseverance/');
	});

	test('filtering to issues returns only issues, with their number and date', async () => {
		const found = await query(page, 'partner', { type: ['Issue'] });
		expect(found.map((h) => h.url).sort()).toEqual([
			'/issues/018-trust-and-check-ins/',
			'/issues/019-partners-not-pen-pals/',
			'/issues/020-perseverance/',
		]);
		expect(found.find((h) => h.url === '/issues/020-perseverance/')?.meta).toMatchObject({
			title: 'Perseverance is a partnership skill',
			type: 'Issue',
			issue: '20',
			date: '2026-10-05',
			published: 'October 5, 2026',
		});
		const playbooks = await query(page, 'partner', { type: ['Playbook'] });
		expect(playbooks.length).toBeGreaterThan(0);
		for (const hit of playbooks) expect(hit.url).toMatch(/^\/playbooks\//);
	});

	test('stemming: a word form the content never uses still finds it', async () => {
		// "activates" appears nowhere; "activation" and "activate" do.
		expect((await query(page, 'activates')).length).toBeGreaterThanOrEqual(3);
	});

	test('only article text is indexed, not the footer or the links beside headings', async () => {
		// "Made with Pactbook" is in every footer; "Link to section" in every heading's "#" link.
		for (const words of ['Pactbook', 'Link to section']) expect(await query(page, words), words).toEqual([]);
	});
});

describe('what authors control', () => {
	// A tiny site with a published issue (one part marked data-pagefind-ignore), a draft and a playbook.
	let fixture: StaticSite;
	let output = '';
	beforeAll(async () => {
		const built = await buildSite('search-authoring');
		expect(built.code, built.output).toBe(0);
		output = built.output;
		fixture = await serve(built.dist);
	});
	afterAll(() => fixture?.close());

	test("a draft's words are not in the index; a part marked data-pagefind-ignore is not either", async () => {
		const { page } = await open('/search/', { on: fixture });
		expect(await query(page, 'secretplan')).toEqual([]);
		expect(await query(page, 'draftwords')).toEqual([]);
		expect(await query(page, 'marmalade')).toEqual([]);
		// The same index finds what is published.
		expect((await query(page, 'lighthouse')).map((h) => h.url).sort()).toEqual(['/issues/01-published/', '/playbooks/harbour/']);
		expect((await query(page, 'ledger storm')).map((h) => h.url)).toEqual(['/issues/01-published/']);
	});

	test('the build reports the index and the email editions', () => {
		expect(output).toMatch(/\[pactbook\] Search index built from \d+ HTML files in \d+ ms\./);
		expect(output).toMatch(/\[pactbook\] Email editions of \d+ issues written in \d+ ms\./);
	});
});

describe('search dialog', () => {
	test('article pages load nothing of search until it opens, and nothing from elsewhere after', async () => {
		// An issue with no tool on it: a tool's own script is not search.
		const { page, requests } = await open('/issues/019-partners-not-pen-pals/');
		await page.waitForLoadState('networkidle');
		expect(requests.filter((u) => u.endsWith('.js'))).toEqual([]);
		expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(dialog(page).isVisible()).resolves.toBe(true);
		await input(page).fill('goals');
		await hits(page).first().waitFor();
		expect(requests.some((u) => u.endsWith('/pagefind/pagefind-component-ui.js'))).toBe(true);
		expect(requests.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
		for (const url of requests) expect(url.startsWith(site.url)).toBe(true);
	});

	test('keyboard: "/" opens it, type, arrow down, Enter opens the result', async () => {
		const { page } = await open('/issues/020-perseverance/');
		await page.keyboard.press('/');
		await expect(dialog(page).isVisible()).resolves.toBe(true);
		await input(page).waitFor();
		expect(await focused(page)).toContain('pf-input');
		await page.keyboard.type('pen pal');
		await expect.poll(() => hits(page).first().textContent(), SLOW).toBe('Paper partnerships: partner or pen pal?');
		await page.keyboard.press('ArrowDown');
		expect(await focused(page)).toContain('href="/playbooks/paper-partnerships/"');
		await page.keyboard.press('ArrowDown');
		expect(await focused(page)).toContain('href="/playbooks/paper-partnerships/#');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('Enter');
		await page.waitForURL(`${site.url}playbooks/paper-partnerships/`);
	});

	test('words typed straight after the shortcut, while search loads, are kept and searched', async () => {
		const { page } = await open('/issues/018-trust-and-check-ins/');
		await page.keyboard.press('/');
		await page.keyboard.type('pen pal');
		await expect.poll(() => input(page).inputValue(), SLOW).toBe('pen pal');
		await expect.poll(() => hits(page).first().textContent(), SLOW).toBe('Paper partnerships: partner or pen pal?');
		expect(await focused(page)).toContain('pf-input');
		await expect(page.locator('.pb-search-standin').isVisible()).resolves.toBe(false);
	});

	test('Ctrl-K opens it from anywhere; "/" typed in a field does not', async () => {
		const { page } = await open('/');
		await page.keyboard.press('Control+k');
		await expect(dialog(page).isVisible()).resolves.toBe(true);
		await input(page).waitFor();
		await page.keyboard.type('a/b');
		await expect(input(page).inputValue()).resolves.toBe('a/b');
	});

	test('Escape closes it and focus returns to where it was; Tab never reaches the page behind', async () => {
		const { page } = await open('/issues/020-perseverance/');
		const link = page.getByRole('navigation', { name: 'On this page' }).getByRole('link').first();
		await link.focus();
		await page.keyboard.press('/');
		await input(page).waitFor();
		// A modal <dialog> makes the page inert: Tab cycles through the dialog and the
		// browser's own controls (where the document body has focus), never the page.
		const seen = new Set<string>();
		for (let i = 0; i < 20; i++) {
			await page.keyboard.press('Tab');
			const where = await page.evaluate(() => {
				const active = document.activeElement;
				return !active || active === document.body ? 'browser' : active.closest('dialog') ? 'dialog' : active.outerHTML;
			});
			expect(['dialog', 'browser']).toContain(where);
			seen.add(where);
		}
		expect(seen).toEqual(new Set(['dialog', 'browser']));
		await page.keyboard.press('Escape');
		await expect(dialog(page).isVisible()).resolves.toBe(false);
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await link.textContent());

		// The header button gets focus back when it opened the dialog.
		await page.getByRole('button', { name: 'Search' }).click();
		await input(page).waitFor();
		await page.getByRole('button', { name: 'Close' }).click();
		expect(await focused(page)).toContain('data-pb-search-open');
	});

	test('results show type, issue number or date, highlighted words and matching sections', async () => {
		const { page } = await open('/');
		await page.keyboard.press('/');
		await input(page).fill('pen pal');
		const issue = page.locator('.pb-hit', { has: page.locator('a[href="/issues/019-partners-not-pen-pals/"]') });
		await issue.waitFor();
		await expect(issue.locator('.pb-hit-meta').textContent()).resolves.toBe('Issue #19 · September 28, 2026');
		await expect(issue.locator('mark').first().textContent()).resolves.toMatch(/^pen$/i);
		await expect(issue.locator('.pb-hit-sections a').first().getAttribute('href')).resolves.toMatch(/#partner-or-pen-pal$/);
		const playbook = page.locator('.pb-hit').first();
		await expect(playbook.locator('.pb-hit-meta').textContent()).resolves.toBe('Playbook · August 28, 2026');
		// Facets count what the search found; they settle after the results, so wait for them.
		const type = page.locator('.pf-filter-group[data-filter-name=type]');
		const count = (name: string) => () =>
			type.locator('label', { hasText: name }).locator('.pf-filter-checkbox-count').textContent();
		await expect.poll(count('Playbook'), SLOW).toBe('2');
		await expect.poll(count('Issue'), SLOW).toBe('1');
		await expect
			.poll(() => page.locator('.pf-filter-group[data-filter-name=series] label').allTextContents(), SLOW)
			.toEqual([expect.stringContaining('From signature to pipeline')]);
		await type.getByRole('checkbox', { name: /Issue/ }).check();
		await expect.poll(() => hits(page).allTextContents(), SLOW).toEqual(['Qualify before you sign']);
	});

	test('before a search and when nothing matches, it offers topics and the latest issues', async () => {
		const { page } = await open('/');
		await page.keyboard.press('/');
		await input(page).waitFor();
		const suggest = dialog(page).locator('.pb-search-suggest');
		await expect(suggest.isVisible()).resolves.toBe(true);
		await expect(
			suggest.getByRole('list', { name: 'Topics' }).getByRole('link', { name: 'activation' }).isVisible(),
		).resolves.toBe(true);
		await expect(suggest.getByRole('list', { name: 'Latest issues' }).getByRole('link').allTextContents()).resolves.toEqual([
			'#20: Perseverance is a partnership skill',
			'#19: Qualify before you sign',
			'#18: Trust is built in the calendar',
		]);
		await input(page).fill('pen pal');
		await hits(page).first().waitFor();
		await expect(suggest.isVisible()).resolves.toBe(false);
		await input(page).fill('xylophonic zebras');
		await expect.poll(() => page.locator('.pb-search').getAttribute('data-state'), SLOW).toBe('none');
		await expect(suggest.isVisible()).resolves.toBe(true);
		await expect(suggest.getByText('Nothing matches those words').isVisible()).resolves.toBe(true);
		await expect(hits(page).count()).resolves.toBe(0);
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`axe finds no WCAG 2.2 AA violations with the dialog open and results shown (${colorScheme})`, async () => {
			const { page } = await open('/issues/020-perseverance/', { colorScheme });
			await page.keyboard.press('/');
			await input(page).fill('partner');
			await hits(page).first().waitFor();
			await page.locator('.pf-filter-group').first().waitFor();
			await page.keyboard.press('ArrowDown');
			expect(await axe(page)).toEqual([]);
		});
	}
});

describe('search page', () => {
	test('without a query it offers topics and loads search only when the reader types', async () => {
		const { page, requests } = await open('/search/');
		const standin = page.locator('[data-pb-standin]');
		await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-pb-standin'))).toBe(true);
		await expect(page.getByText('Type a word or two').isVisible()).resolves.toBe(true);
		await expect(page.getByRole('list', { name: 'Topics' }).isVisible()).resolves.toBe(true);
		await pageIdle(page);
		expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
		await standin.pressSequentially('pen pal');
		await expect.poll(() => hits(page).count(), SLOW).toBeGreaterThan(0);
		await expect(input(page).inputValue()).resolves.toBe('pen pal');
		await expect.poll(() => new URL(page.url()).search, SLOW).toBe('?q=pen+pal');
	});

	test('/search/?q=due+diligence shows results on load', async () => {
		const { page } = await open('/search/?q=due+diligence');
		await expect
			.poll(() => hits(page).allTextContents(), SLOW)
			// The questionnaire's page is found by its advice on due diligence.
			.toEqual(['Paper partnerships: partner or pen pal?', 'Partner or pen pal?', 'Eight partnership habits to drop']);
		await expect(input(page).inputValue()).resolves.toBe('due diligence');
		await expect(page.locator('pagefind-summary').textContent()).resolves.toContain('due diligence');
	});

	test('filters in the address apply, and the address follows the search', async () => {
		const { page } = await open('/search/?q=partner&type=issue');
		await expect.poll(() => hits(page).count(), SLOW).toBe(3);
		for (const href of await hits(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
			expect(href).toMatch(/^\/issues\//);
		}
		await expect(page.getByRole('checkbox', { name: /Issue/ }).isChecked()).resolves.toBe(true);
		await input(page).fill('pen pal');
		await expect.poll(() => new URL(page.url()).search, SLOW).toBe('?q=pen+pal&type=issue');
		await page.getByRole('checkbox', { name: /Issue/ }).uncheck();
		await expect.poll(() => new URL(page.url()).search, SLOW).toBe('?q=pen+pal');
		// The articles, and now the questionnaire's own page.
		await expect.poll(() => hits(page).count(), SLOW).toBe(4);
	});

	test('a filter the index does not have is dropped from the search and from the address', async () => {
		const { page } = await open('/search/?q=partner&type=bogus&utm_source=mail');
		await expect.poll(() => hits(page).count(), SLOW).toBeGreaterThan(3);
		await expect.poll(() => new URL(page.url()).search, SLOW).toBe('?q=partner');
	});

	test('axe finds no violations on the search page with results', async () => {
		const { page } = await open('/search/?q=goals');
		await hits(page).first().waitFor();
		expect(await axe(page)).toEqual([]);
	});
});

describe('under a sub-path', () => {
	test('the dialog loads the index from the base and results link inside it', async () => {
		const { page, requests } = await open('/issues/020-perseverance/', { on: based });
		await page.keyboard.press('Control+k');
		await input(page).fill('pen pal');
		await expect.poll(() => hits(page).first().getAttribute('href'), SLOW).toBe('/newsletter/playbooks/paper-partnerships/');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.waitForURL(`${based.url}playbooks/paper-partnerships/`);
		for (const url of requests) expect(url).toMatch(new RegExp(`^${based.url}`));
	});

	test('the search page deep link works there too', async () => {
		const { page } = await open('/search/?q=micro+goals&type=issue', { on: based });
		await expect
			.poll(() => hits(page).evaluateAll((links) => links.map((a) => a.getAttribute('href'))), SLOW)
			.toEqual(['/newsletter/issues/020-perseverance/']);
	});
});
