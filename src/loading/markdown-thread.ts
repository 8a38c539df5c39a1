import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroConfig } from 'astro';
import { folderEntries, matching } from '../lib/content-paths.ts';
import { markdownPipeline } from '../markdown/pipeline.ts';
import { recordRenderProblems } from '../markdown/render-problems.ts';
import { ContentError, type Problem } from '../schemas/problems.ts';

/** What Astro's Markdown file type makes of an article. */
export interface RenderedEntry {
	html: string;
	metadata: Record<string, unknown>;
}

/** An article as Astro's glob loader hands it to a render function. */
export interface EntryToRender {
	data: Record<string, unknown>;
	body?: string | undefined;
	filePath?: string | undefined;
}

/** Astro's render function for a file type. */
export type RenderFunction = (entry: EntryToRender) => Promise<unknown>;

/** What the thread needs to build the same Markdown processor as Astro: the pipeline's arguments and Astro's Markdown settings. */
export interface ThreadSettings {
	base: string;
	content: string;
	shared: Record<string, unknown>;
}

/** One article sent to the thread. */
export interface ThreadRequest {
	id: number;
	body: string;
	data: Record<string, unknown>;
	filePath: string;
}

/** The thread's answer: the render, or the error and the problems the plugins recorded. */
export type ThreadReply = { id: number; rendered: RenderedEntry } | { id: number; error: string; problems?: Problem[] };

/**
 * Markdown files a collection holds before a build renders them on a thread:
 * starting one (Sätteri, the plugins and the highlighter, about half a second
 * of the other core) pays off only past this.
 */
export const THREAD_MIN_FILES = 100;

/**
 * Whether a build renders a collection of `files` Markdown files on a thread:
 * only with a core to spare, past {@link THREAD_MIN_FILES}. `PACTBOOK_MARKDOWN_THREAD`
 * set to `on` or `off` decides instead (tests and troubleshooting).
 */
export function threadWanted(files: number, setting = process.env.PACTBOOK_MARKDOWN_THREAD): boolean {
	if (setting === 'on') return true;
	if (setting === 'off') return false;
	return files >= THREAD_MIN_FILES && availableParallelism() > 1;
}

/** The `.md` files among `entries` (a folder's, as {@link folderEntries} lists them) that `pattern` takes. */
export function markdownFiles(entries: readonly string[], pattern = '**/*.md'): number {
	return matching(
		entries.filter((entry) => entry.endsWith('.md')),
		pattern,
	).length;
}

/**
 * What a thread needs to render as Astro would with `config`, or undefined
 * when Astro's Markdown processor is not exactly Pactbook's pipeline (an
 * integration added a plugin, say) or its settings cannot be sent to a
 * thread: then the thread is not used, so it never renders differently.
 */
export function threadSettings(config: AstroConfig, content: string): ThreadSettings | undefined {
	const { markdown, image, base } = config;
	const expected = markdownPipeline(base, content);
	const processor = markdown.processor as
		| { name?: string; options?: { mdastPlugins?: unknown[]; hastPlugins?: unknown[]; features?: unknown } }
		| undefined;
	const options = processor?.options;
	const same =
		processor?.name === 'satteri' &&
		options?.mdastPlugins?.length === expected.mdastPlugins.length &&
		options.hastPlugins?.length === expected.hastPlugins.length &&
		JSON.stringify(options.features) === JSON.stringify(expected.features);
	if (!same) return undefined;
	const settings: ThreadSettings = {
		base,
		content,
		shared: {
			image,
			syntaxHighlight: markdown.syntaxHighlight,
			shikiConfig: markdown.shikiConfig,
			gfm: markdown.gfm,
			smartypants: markdown.smartypants,
		},
	};
	try {
		structuredClone(settings);
	} catch {
		return undefined;
	}
	return settings;
}

/**
 * A worker thread that renders articles with Pactbook's Markdown pipeline
 * (loading/markdown-worker.ts) while the loader goes on reading and checking
 * files on the main thread. Each render gives what Astro's own would: the HTML
 * and metadata, or the plugins' problems recorded for the loader and a
 * {@link ContentError}. If the thread cannot start or stops, every article it
 * has not answered, and every later one, is rendered by Astro's function instead.
 */
export class MarkdownThread {
	#worker: Worker | undefined;
	#next = 0;
	#pending = new Map<number, { entry: EntryToRender; fallback: RenderFunction; settle: (reply: Promise<unknown>) => void }>();
	#stopped = false;
	/** Why the thread stopped before it was closed, if it did. */
	#failure: string | undefined;
	/** Articles the thread rendered, or found problems in. */
	answered = 0;

	/** `script` is the thread's code; only tests give another. */
	constructor(settings: ThreadSettings, script: URL = new URL('./markdown-worker.ts', import.meta.url)) {
		try {
			this.#worker = new Worker(script, { workerData: settings });
		} catch (error) {
			this.#stopped = true;
			this.#failure = String(error);
			return;
		}
		this.#worker.on('message', (reply: ThreadReply) => {
			const waiting = this.#pending.get(reply.id);
			if (!waiting) return;
			this.#pending.delete(reply.id);
			this.answered++;
			waiting.settle('rendered' in reply ? Promise.resolve(reply.rendered) : Promise.reject(failure(waiting.entry, reply)));
		});
		this.#worker.on('error', (error) => this.#stop(error.message));
		this.#worker.on('exit', (code) => this.#stop(`it exited with code ${code}`));
	}

	/** Renders `entry` on the thread, or with `fallback` (Astro's render function) once the thread has stopped. */
	render(entry: EntryToRender, fallback: RenderFunction): Promise<unknown> {
		if (this.#stopped || !this.#worker || entry.filePath === undefined) return fallback(entry);
		const id = this.#next++;
		const request: ThreadRequest = { id, body: entry.body ?? '', data: entry.data, filePath: entry.filePath };
		try {
			this.#worker.postMessage(request);
		} catch {
			// Frontmatter a thread cannot be sent (no YAML value is such): rendered here.
			return fallback(entry);
		}
		return new Promise((done) => this.#pending.set(id, { entry, fallback, settle: done }));
	}

	/** Why the thread stopped before it was closed, if it did. */
	get failure(): string | undefined {
		return this.#failure;
	}

	/** Ends the thread; articles still waiting are rendered by Astro's function. */
	close(): void {
		this.#stop();
		void this.#worker?.terminate();
	}

	#stop(failure?: string): void {
		if (!this.#stopped && failure) this.#failure = failure;
		this.#stopped = true;
		for (const { entry, fallback, settle } of this.#pending.values()) settle(fallback(entry));
		this.#pending.clear();
	}
}

/** The error a failed render on the thread gives, as the same render here would: problems recorded, then thrown. */
function failure(entry: EntryToRender, reply: { error: string; problems?: Problem[] }): Error {
	if (!reply.problems) return new Error(reply.error);
	recordRenderProblems(entry.filePath!, reply.problems);
	return new ContentError(reply.problems);
}

/**
 * The thread the collections of one load share, the settings it was started
 * with, and how many collections use it. On `globalThis`, as this file is
 * loaded twice in one process: with the Astro config (build/integration.ts,
 * which starts the thread early) and by Vite with `content.config.ts` (the
 * loader, which uses it).
 */
const SHARED = Symbol.for('pactbook.markdown-thread');
type Shared = { thread: MarkdownThread; settings: string; users: number };
const holder = globalThis as { [SHARED]?: Shared | undefined };

/**
 * Starts the thread before the content loads, so that the half second it
 * takes to start runs beside Astro's own setup: a build calls this once its
 * config is known, for a content folder with a collection large enough
 * ({@link threadWanted}). A thread no collection takes up is ended by {@link closeUnusedThread}.
 */
export function startThreadEarly(config: AstroConfig, content: string): void {
	let folders: string[];
	try {
		folders = readdirSync(content, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name);
	} catch {
		return;
	}
	if (!folders.some((folder) => threadWanted(markdownFiles(folderEntries(join(content, folder)))))) return;
	const settings = threadSettings(config, content);
	if (settings && !holder[SHARED])
		holder[SHARED] = { thread: new MarkdownThread(settings), settings: JSON.stringify(settings), users: 0 };
}

/** Whether a thread is running for this build (started early or by a collection), and how many collections use it. */
export function threadUsers(): number | undefined {
	return holder[SHARED]?.users;
}

/** Ends a thread started early that no collection took up (the build calls this once the content has loaded). */
export function closeUnusedThread(): void {
	const shared = holder[SHARED];
	if (!shared || shared.users > 0) return;
	shared.thread.close();
	holder[SHARED] = undefined;
}

/**
 * The thread for one collection's load; {@link releaseThread} when the load
 * ends. Collections loading at once share one, as does a thread started early
 * with the same settings.
 */
export function openThread(settings: ThreadSettings): MarkdownThread {
	const key = JSON.stringify(settings);
	if (holder[SHARED] && holder[SHARED].settings !== key && holder[SHARED].users === 0) closeUnusedThread();
	holder[SHARED] ??= { thread: new MarkdownThread(settings), settings: key, users: 0 };
	const shared = holder[SHARED];
	shared.users++;
	return shared.thread;
}

/**
 * Ends a collection's use of its thread; the last one to finish ends the
 * thread, so its memory is free before the pages render, and says on `logger`
 * how many articles it rendered, if any, and, if it stopped early, why.
 */
export function releaseThread(
	thread: MarkdownThread,
	logger: { info(message: string): void; warn(message: string): void },
): void {
	const shared = holder[SHARED];
	if (shared?.thread !== thread) return;
	shared.users--;
	if (shared.users > 0) return;
	thread.close();
	holder[SHARED] = undefined;
	// A build whose articles all come from the content cache renders none: nothing to say then.
	if (thread.answered > 0) {
		const count = thread.answered === 1 ? '1 article' : `${thread.answered} articles`;
		logger.info(`Markdown of ${count} rendered on a second thread, beside the loading.`);
	}
	if (thread.failure)
		logger.warn(`The second thread for Markdown stopped (${thread.failure}); the other articles were rendered without it.`);
}
