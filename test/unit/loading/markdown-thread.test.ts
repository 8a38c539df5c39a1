import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { AstroConfig } from 'astro';
import { afterAll, describe, expect, test } from 'vitest';
import {
	closeUnusedThread,
	MarkdownThread,
	markdownFiles,
	openThread,
	releaseThread,
	startThreadEarly,
	THREAD_MIN_FILES,
	type ThreadSettings,
	threadSettings,
	threadUsers,
	threadWanted,
} from '../../../src/loading/markdown-thread.ts';
import { markdownPipeline } from '../../../src/markdown/pipeline.ts';
import { forgetRenderProblems, peekRenderProblems } from '../../../src/markdown/render-problems.ts';
import { ContentError } from '../../../src/schemas/problems.ts';
import { TMP } from '../../helpers/build.ts';

const content = join(TMP, 'markdown-thread/content');
const settings: ThreadSettings = { base: '/news/', content, shared: { syntaxHighlight: false } };

const article = [
	'## Check yourself',
	'',
	'- [ ] Name a sponsor on each side {#sponsor}',
	'- [x] Share the pipeline report',
	'',
	':::wild{source="Retail, 2020" lesson="Shared numbers end arguments early."}',
	'Two shops pooled their stock counts and [read the guide](/playbooks/due-diligence/).',
	':::',
	'',
	'### A “quoted” heading & more',
	'',
].join('\n');

/** Astro's own render: the processor the Astro config builds, in this thread. */
async function renderHere(body: string, filePath: string, data: Record<string, unknown> = {}) {
	const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false, ...markdownPipeline(settings.base, content) });
	const { code, metadata } = await processor.render(body, { frontmatter: data, fileURL: pathToFileURL(filePath) });
	return { html: code, metadata: { ...metadata, imagePaths: metadata.localImagePaths.concat(metadata.remoteImagePaths) } };
}

/** Whether this machine has a core to spare for the thread. */
const spare = availableParallelism() > 1;

const threads: MarkdownThread[] = [];
function thread(script?: URL): MarkdownThread {
	const made = new MarkdownThread(settings, script);
	threads.push(made);
	return made;
}
afterAll(() => {
	for (const made of threads) made.close();
});

describe('when a build renders Markdown on a thread', () => {
	test('from 100 Markdown files of a collection, with a core to spare', () => {
		expect(THREAD_MIN_FILES).toBe(100);
		expect(threadWanted(THREAD_MIN_FILES - 1, undefined)).toBe(false);
		expect(threadWanted(THREAD_MIN_FILES, undefined)).toBe(availableParallelism() > 1);
	});

	test('PACTBOOK_MARKDOWN_THREAD=on or off decides, whatever the size', () => {
		expect(threadWanted(1, 'on')).toBe(true);
		expect(threadWanted(10_000, 'off')).toBe(false);
	});
});

describe('an article rendered on the thread', () => {
	mkdirSync(join(content, 'playbooks'), { recursive: true });
	const file = join(content, 'playbooks/thread.md');
	writeFileSync(file, `---\ntitle: Thread\n---\n${article}`);

	test('is what the same render gives here: HTML, headings and all', async () => {
		const data = { title: 'Thread', checklists: { 'check-yourself': { title: 'Readiness' } } };
		const here = await renderHere(article, file, data);
		const there = await thread().render({ body: article, data, filePath: file }, () => Promise.reject(new Error('not here')));
		expect(there).toEqual(here);
		expect(here.html).toContain('<pb-checklist');
		expect(here.html).toContain('data-title="Readiness"');
		expect(here.html).toContain('href="/news/playbooks/due-diligence/"');
	});

	test('with problems, stops as it would here: the problems are kept for the loader and thrown', async () => {
		const broken = join(content, 'playbooks/broken.md');
		const body = 'Intro.\n\n:::wlid\nText.\n:::\n\n[Old](http://example.com/)\n';
		writeFileSync(broken, `---\ntitle: Broken\n---\n${body}`);
		const here = await renderHere(body, broken).catch((error: ContentError) => error);
		const kept = peekRenderProblems(broken);
		forgetRenderProblems(broken);
		expect(here).toBeInstanceOf(ContentError);
		const there = await thread()
			.render({ body, data: {}, filePath: broken }, () => Promise.reject(new Error('not here')))
			.catch((error: ContentError) => error);
		expect(there).toBeInstanceOf(ContentError);
		expect((there as ContentError).message).toBe((here as ContentError).message);
		expect(peekRenderProblems(broken)).toEqual(kept);
		expect((there as ContentError).message).toContain(':::wlid (line 6): is not a Pactbook block.');
		forgetRenderProblems(broken);
	});

	test('is rendered here instead when the thread cannot start', async () => {
		const missing = new URL('./no-such-thread.ts', pathToFileURL(join(TMP, 'markdown-thread/')));
		const broken = thread(missing);
		const rendered = await broken.render({ body: article, data: {}, filePath: file }, (entry) =>
			Promise.resolve({ html: `here: ${entry.body?.length}`, metadata: {} }),
		);
		expect(rendered).toEqual({ html: `here: ${article.length}`, metadata: {} });
	});
});

/** The parts of an Astro config the thread reads, as Pactbook's integration leaves them. */
function config(processor: unknown = { name: 'satteri', options: markdownPipeline('/', content) }): AstroConfig {
	return {
		base: '/',
		image: { domains: [], remotePatterns: [] },
		markdown: { processor, syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: true },
	} as unknown as AstroConfig;
}

describe('the thread a build shares between its collections', () => {
	const big = join(TMP, 'markdown-thread/big');
	mkdirSync(join(big, 'issues'), { recursive: true });
	mkdirSync(join(big, 'authors'), { recursive: true });
	for (let i = 0; i < THREAD_MIN_FILES; i++) writeFileSync(join(big, 'issues', `${i}.md`), `Issue ${i}.\n`);
	writeFileSync(join(big, 'issues', 'notes.txt'), 'Not an article.\n');
	const logged: string[] = [];
	const logger = { info: (message: string) => logged.push(message), warn: (message: string) => logged.push(`warn: ${message}`) };

	test('counts the .md files a pattern takes', () => {
		const entries = readdirSync(join(big, 'issues'), { recursive: true, encoding: 'utf8' });
		expect(markdownFiles(entries)).toBe(THREAD_MIN_FILES);
		expect(markdownFiles(entries, '1*.md')).toBe(11);
		expect(markdownFiles([])).toBe(0);
	});

	test("is used only with exactly Pactbook's pipeline and settings a thread can take", () => {
		expect(threadSettings(config(), content)?.shared).toMatchObject({ syntaxHighlight: false, gfm: true });
		const extra = markdownPipeline('/', content);
		extra.hastPlugins.push(() => null);
		expect(threadSettings(config({ name: 'satteri', options: extra }), content)).toBeUndefined();
		expect(threadSettings(config({ name: 'other', options: markdownPipeline('/', content) }), content)).toBeUndefined();
		const withFunction = config();
		(withFunction.markdown as { shikiConfig: unknown }).shikiConfig = { transformers: [{ line: () => undefined }] };
		expect(threadSettings(withFunction, content)).toBeUndefined();
	});

	test('starts early for a large collection, is then shared, and ends with the last collection, saying what it did', async () => {
		expect(threadUsers()).toBeUndefined();
		startThreadEarly(config(), big);
		// A machine with one core starts none: the thread would only compete with the loader.
		expect(threadUsers()).toBe(spare ? 0 : undefined);
		const first = openThread(threadSettings(config(), big)!);
		const second = openThread(threadSettings(config(), big)!);
		expect(second).toBe(first);
		const file = join(big, 'issues', '0.md');
		await expect(
			first.render({ body: 'Issue 0.', data: {}, filePath: file }, () => Promise.reject(new Error('not here'))),
		).resolves.toMatchObject({
			html: '<p>Issue 0.</p>\n',
		});
		// Ending before the other collection has finished would leave it without a thread.
		closeUnusedThread();
		releaseThread(first, logger);
		expect(logged).toEqual([]);
		releaseThread(second, logger);
		expect(logged).toEqual(['Markdown of 1 article rendered on a second thread, beside the loading.']);
		// Ended: the next load starts a thread of its own.
		expect(threadUsers()).toBeUndefined();
		const next = openThread(threadSettings(config(), big)!);
		expect(next).not.toBe(first);
		// It rendered nothing (a build whose articles all come from the content cache): nothing more is said.
		releaseThread(next, logger);
		expect(logged).toEqual(['Markdown of 1 article rendered on a second thread, beside the loading.']);
		expect(threadUsers()).toBeUndefined();
	});

	test('is not started for small collections, and one started early that nobody takes up is ended', () => {
		const small = join(TMP, 'markdown-thread/small');
		mkdirSync(join(small, 'issues'), { recursive: true });
		writeFileSync(join(small, 'issues', 'one.md'), 'One.\n');
		startThreadEarly(config(), small);
		expect(threadUsers()).toBeUndefined();
		startThreadEarly(config(), big);
		// A machine with one core starts none: the thread would only compete with the loader.
		expect(threadUsers()).toBe(spare ? 0 : undefined);
		closeUnusedThread();
		expect(threadUsers()).toBeUndefined();
	});
});

afterAll(() => rmSync(join(TMP, 'markdown-thread'), { recursive: true, force: true }));
