import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { markdownPipeline } from '../markdown/pipeline.ts';
import { forgetRenderProblems, peekRenderProblems } from '../markdown/render-problems.ts';
import type { ThreadReply, ThreadRequest, ThreadSettings } from './markdown-thread.ts';

/**
 * The thread of loading/markdown-thread.ts: renders each article it is sent
 * with Pactbook's Markdown pipeline, as Astro's Markdown file type does, and
 * answers with the HTML and metadata, or with the problems the plugins found.
 */
const { base, content, shared } = workerData as ThreadSettings;
const processor = createSatteriMarkdownProcessor({ ...shared, ...markdownPipeline(base, content) });
const port = parentPort!;

port.on('message', async ({ id, body, data, filePath }: ThreadRequest) => {
	let reply: ThreadReply;
	try {
		const { code, metadata } = await (await processor).render(body, { frontmatter: data, fileURL: pathToFileURL(filePath) });
		reply = {
			id,
			rendered: { html: code, metadata: { ...metadata, imagePaths: metadata.localImagePaths.concat(metadata.remoteImagePaths) } },
		};
	} catch (error) {
		const problems = peekRenderProblems(filePath);
		forgetRenderProblems(filePath);
		reply = { id, error: error instanceof Error ? error.message : String(error), ...(problems ? { problems } : {}) };
	}
	port.postMessage(reply);
});
