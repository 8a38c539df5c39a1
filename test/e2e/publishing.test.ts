import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { type StaticSite, serve } from '../helpers/server.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
	const built = await buildSite('publishing', { out: 'publishing-e2e' });
	expect(built.code, built.output).toBe(0);
	site = await serve(built.dist);
	browser = await launch();
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

async function open(path: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto(new URL(path, site.url).href);
	return page;
}

test('the subscribe form posts the address to the configured email service', async () => {
	const page = await open('issues/001-first/');
	let posted: { method: string; body: string } | undefined;
	await page.route('https://mail.example.com/**', async (route) => {
		posted = { method: route.request().method(), body: route.request().postData() ?? '' };
		await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Thanks</title><p>Thanks</p>' });
	});
	const form = page.getByRole('region', { name: /Get Fixture Notes by email/ });
	await form.getByRole('button', { name: 'Join' }).click();
	expect(posted).toBeUndefined();
	expect(await form.getByLabel('Email address').evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
	await form.getByLabel('Email address').fill('reader@example.com');
	await Promise.all([page.waitForURL('https://mail.example.com/subscribe'), form.getByLabel('Email address').press('Enter')]);
	expect(posted).toEqual({ method: 'POST', body: 'EMAIL=reader%40example.com' });
	await page.context().close();
});

test('series navigation leads through the parts in order', async () => {
	const page = await open('issues/002-second/');
	const nav = page.getByRole('navigation', { name: 'Series: Starter kit' });
	expect(await nav.locator('.pb-series-title').textContent()).toMatch(/Part 1 of 3/);
	await nav.getByRole('link', { name: 'Fourth issue' }).click();
	await page.waitForURL(/\/issues\/004-fourth\/$/);
	const next = page.getByRole('navigation', { name: 'Series: Starter kit' });
	expect(await next.locator('[aria-current=page]').textContent()).toBe('Fourth issue');
	await next.getByRole('link', { name: 'The kit' }).click();
	await page.waitForURL(/\/playbooks\/kit\/$/);
	await page.getByRole('navigation', { name: 'Series: Starter kit' }).getByRole('link', { name: 'Starter kit' }).click();
	await page.waitForURL(/\/series\/starter-kit\/$/);
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Starter kit');
	await page.context().close();
});
