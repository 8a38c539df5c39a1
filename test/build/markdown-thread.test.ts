import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, problemsIn } from '../helpers/build.ts';

/** Every file of a built site but the search index (whose chunk names differ from build to build), with its text. */
function builtFiles(dist: string): Map<string, string> {
	const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(html|xml|json|txt)$/.test(file) && !file.startsWith('pagefind'))
		.sort();
	return new Map(files.map((file) => [file, readFileSync(join(dist, file), 'utf8')]));
}

const on = { PACTBOOK_MARKDOWN_THREAD: 'on' };
const off = { PACTBOOK_MARKDOWN_THREAD: 'off' };

describe('Markdown rendered on a thread beside the loader (large sites) builds what the loader alone builds', () => {
	test('the sample site under a base path: every page, feed and email edition the same, byte for byte', async () => {
		const [threaded, alone] = await Promise.all([
			buildSite('content', { out: 'thread-on-sample', base: '/newsletter/', env: on }),
			buildSite('content', { out: 'thread-off-sample', base: '/newsletter/', env: off }),
		]);
		expect(threaded.code, threaded.output).toBe(0);
		expect(alone.code, alone.output).toBe(0);
		const built = builtFiles(threaded.dist);
		// The thread really rendered the articles (20 issues, 4 playbooks, the pages).
		expect(threaded.output).toMatch(/Markdown of \d+ articles rendered on a second thread/);
		expect(threaded.output).not.toContain('second thread for Markdown stopped');
		expect(alone.output).not.toContain('second thread');
		expect(built.size).toBeGreaterThan(40);
		expect([...built.keys()]).toEqual([...builtFiles(alone.dist).keys()]);
		for (const [file, text] of builtFiles(alone.dist)) expect(built.get(file), file).toBe(text);
		expect(built.get('issues/020-perseverance/index.html')).toContain('href="/newsletter/');
	});

	test.each([
		['bad-blocks', ':::wlid (line 14): is not a Pactbook block.'],
		['checklist-unknown', '{#review} (line 10, 11): is written on more than one item'],
		['bad-links', 'link "'],
	])('%s: the same problems, with the same words and lines', async (fixture, expected) => {
		const [threaded, alone] = await Promise.all([
			buildSite(fixture, { out: `thread-on-${fixture}`, env: on }),
			buildSite(fixture, { out: `thread-off-${fixture}`, env: off }),
		]);
		expect(threaded.code, threaded.output).not.toBe(0);
		expect(threaded.output).toMatch(/Markdown of \d+ articles? rendered on a second thread/);
		expect(problemsIn(threaded.output)).toBe(problemsIn(alone.output));
		expect(problemsIn(threaded.output)).toContain(expected);
	});
});
