import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { afterAll, describe, expect, test } from 'vitest';
import { MarkdownThread, THREAD_MIN_FILES, type ThreadSettings, threadWanted } from '../../../src/loading/markdown-thread.ts';
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

afterAll(() => rmSync(join(TMP, 'markdown-thread'), { recursive: true, force: true }));
