import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture, problemsIn, ROOT } from '../helpers/build.ts';
import { page, text } from '../helpers/html.ts';

/** Rewrites every Markdown and MDX file of a content folder with Windows line ends. */
function withWindowsLineEnds(dir: string): void {
	for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		if (!/\.mdx?$/.test(name)) continue;
		const file = join(dir, name);
		writeFileSync(file, readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n'));
	}
}

describe('files saved with Windows line ends load as files with Unix ones', () => {
	test('the same problems, with the same words', async () => {
		const lf = await buildSite('wrong-types');
		const dir = copyFixture('wrong-types', 'wrong-types-crlf');
		withWindowsLineEnds(dir);
		const crlf = await buildSite(dir, { out: 'wrong-types-crlf' });
		expect(crlf.code, crlf.output).not.toBe(0);
		const shown = relative(ROOT, dir);
		expect(problemsIn(crlf.output).replaceAll(shown, 'test/fixtures/wrong-types/content')).toBe(problemsIn(lf.output));
		expect(problemsIn(crlf.output)).toContain('is not a day on the calendar');
	});

	test('the same read time and checklist', async () => {
		const dir = copyFixture('good', 'line-ends');
		const body = `Opening words.\n\n${'word '.repeat(1_150)}\n\n## Check yourself\n\n- [ ] A step {#a-step}\n`;
		const article = (number: number, name: string) =>
			`---\nnumber: ${number}\ntitle: Issue ${name}\ndate: 2026-01-0${number - 80}\nsummary: ${'Many words in a long summary. '.repeat(8)}\ntags: [shared]\n---\n\n${body}`;
		writeFileSync(join(dir, 'issues/81-unix.md'), article(81, 'unix'));
		writeFileSync(join(dir, 'issues/82-windows.md'), article(82, 'windows').replace(/\n/g, '\r\n'));
		const site = await buildSite(dir, { out: 'line-ends' });
		expect(site.code, site.output).toBe(0);
		for (const path of ['/issues/81-unix/', '/issues/82-windows/']) {
			const html = page(site.dist, path);
			expect(html.querySelectorAll('.pb-meta li').at(-1)?.text.trim()).toBe('5 min read');
			expect(html.querySelectorAll('pb-checklist')).toHaveLength(1);
		}
		expect(text(page(site.dist, '/issues/82-windows/'), 'h1')).toBe('Issue windows');
	});
});
