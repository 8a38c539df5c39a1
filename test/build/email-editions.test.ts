import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, buildSite, ROOT, withDevServer } from '../helpers/build.ts';
import { hrefs, page } from '../helpers/html.ts';

// The fixture has four published issues, a draft, and `feedItems: 2`.
let site: BuildResult;
const edition = (slug: string, format: 'html' | 'txt') => join(site.dist, 'issues', slug, `email.${format}`);
const built = (slug: string) => existsSync(edition(slug, 'html')) && existsSync(edition(slug, 'txt'));

/** Runs `npm run email -- <args>` (the command after the Node version check) on the fixture's build. */
function email(...args: string[]) {
	return emailWith({}, ...args);
}

function emailWith(extra: Record<string, string>, ...args: string[]) {
	const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
	const [node, ...flags] = scripts.email!.split(' && ').at(-1)!.split(' ');
	expect(node).toBe('node');
	const { NODE_ENV: _, VITEST: __, ...env } = process.env;
	const result = spawnSync(process.execPath, [...flags, ...args], {
		cwd: ROOT,
		env: { ...env, PACTBOOK_CACHE: join(dirname(site.dist), 'cache'), PACTBOOK_OUT: site.dist, ...extra },
		encoding: 'utf8',
	});
	return { code: result.status, output: result.stdout + result.stderr };
}

beforeAll(async () => {
	site = await buildSite('email-editions');
	expect(site.code, site.output).toBe(0);
});

describe('email editions', () => {
	test('the build writes them for the newest feedItems issues only, and says how to get the others', () => {
		expect(built('004-fourth')).toBe(true);
		expect(built('003-third')).toBe(true);
		expect(existsSync(edition('002-second', 'html'))).toBe(false);
		expect(existsSync(edition('002-second', 'txt'))).toBe(false);
		expect(existsSync(edition('001-first', 'html'))).toBe(false);
		// Every issue still has its page and the page at its number.
		for (const path of ['issues/001-first', 'issues/1', 'issues/2', 'issues/4'])
			expect(existsSync(join(site.dist, path, 'index.html')), path).toBe(true);
		expect(site.output).toMatch(/\[pactbook\] Email editions of 2 issues written in \d+ ms\.\n/);
		expect(site.output).toContain(
			'[pactbook] The 2 older issues get theirs on request: `npm run email -- <number or slug>`, or `--all` for every issue.',
		);
	});

	test('a checklist shows the items the author ticked as ticked, in both editions and the feeds', () => {
		const html = readFileSync(edition('004-fourth', 'html'), 'utf8');
		expect(html).toContain('<li>☑ Kick-off held with the partner</li>');
		expect(html).toContain('<li>☐ Joint plan agreed</li>');
		const text = readFileSync(edition('004-fourth', 'txt'), 'utf8');
		expect(text).toMatch(/☑ Kick-off held with the partner\n(.*\n)?.*☐ Joint plan agreed/);
		for (const feed of ['feed.xml', 'feed.json']) {
			const body = readFileSync(join(site.dist, feed), 'utf8');
			expect(body, feed).toContain('☑ Kick-off held with the partner');
			expect(body, feed).toContain('☐ Joint plan agreed');
			expect(body, feed).not.toContain('☐ Kick-off held');
		}
	});

	test('no built page links to an email edition that was not built', () => {
		const pages = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html'));
		expect(pages.length).toBeGreaterThan(5);
		for (const file of pages) {
			const links = hrefs(page(site.dist, `/${dirname(file)}/`), 'a, link').filter((href) => /email\.(html|txt)$/.test(href));
			for (const link of links) expect(existsSync(join(site.dist, link)), `${file} links to ${link}`).toBe(true);
		}
	});

	test('npm run email writes a missing edition, by number or slug, the same way the build does', () => {
		const before = readFileSync(edition('004-fourth', 'html'), 'utf8');
		const run = email('2', '001-first');
		expect(run.code, run.output).toBe(0);
		expect(run.output).toContain('Email editions of 2 issues written in');
		expect(built('002-second')).toBe(true);
		expect(built('001-first')).toBe(true);
		const second = readFileSync(edition('002-second', 'html'), 'utf8');
		expect(second).toContain('https://news.example.com/issues/002-second/');
		expect(second).toContain('The second issue’s own words.');
		expect(readFileSync(edition('002-second', 'txt'), 'utf8')).toContain('Issue #2 · January 2, 2026 · By Ana Test');
		// An edition the build wrote comes out byte for byte the same.
		const again = email('#4');
		expect(again.code, again.output).toBe(0);
		expect(readFileSync(edition('004-fourth', 'html'), 'utf8')).toBe(before);
	});

	test('npm run email --all writes every issue’s editions', () => {
		rmSync(edition('001-first', 'html'), { force: true });
		rmSync(edition('003-third', 'txt'), { force: true });
		const run = email('--all');
		expect(run.code, run.output).toBe(0);
		expect(run.output).toContain('Email editions of 4 issues written in');
		for (const slug of ['001-first', '002-second', '003-third', '004-fourth']) expect(built(slug), slug).toBe(true);
	});

	test('npm run email names what is wrong: no issue given, an issue not built, no build', () => {
		expect(email()).toEqual({
			code: 1,
			output: 'Name the issues to write email editions for, by number or slug (npm run email -- 12 013-kickoff), or use --all.\n',
		});
		for (const name of ['99', '005-draft']) {
			expect(email(name)).toEqual({
				code: 1,
				output: `The built site has no issue "${name}". Use an issue's number (1 to 4) or its slug, as in its address /issues/<slug>/; drafts and scheduled issues are not built.\n`,
			});
		}
		expect(emailWith({ PACTBOOK_CACHE: join(dirname(site.dist), 'no-cache') }, '1')).toEqual({
			code: 1,
			output: 'No built site to add email editions to: run `npm run build` first.\n',
		});
		rmSync(join(site.dist, 'issues/001-first/index.html'));
		expect(email('1')).toEqual({
			code: 1,
			output: `The built page of /issues/001-first/ is missing from ${relative(ROOT, site.dist)}/: run \`npm run build\` again first.\n`,
		});
	});

	test('in astro dev, every issue keeps its email links, and they serve its editions', async () => {
		await withDevServer('email-editions', async (origin) => {
			for (const slug of ['001-first', '004-fourth']) {
				const issue = parse(await (await fetch(`${origin}/issues/${slug}/`)).text());
				const links = hrefs(issue, '.pb-copy-email a');
				expect(links).toEqual([`/issues/${slug}/email.html`, `/issues/${slug}/email.txt`]);
				const response = await fetch(origin + links[0]);
				expect(response.status).toBe(200);
				expect(await response.text()).toContain(`https://news.example.com/issues/${slug}/`);
			}
		});
	}, 300_000);
});
