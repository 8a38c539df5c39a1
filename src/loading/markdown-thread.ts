import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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

/** The thread the collections of one load share, and how many of them use it. */
let shared: { thread: MarkdownThread; users: number } | undefined;

/** The thread for one collection's load; {@link releaseThread} when the load ends. Collections loading at once share one. */
export function openThread(settings: ThreadSettings): MarkdownThread {
	shared ??= { thread: new MarkdownThread(settings), users: 0 };
	shared.users++;
	return shared.thread;
}

/**
 * Ends a collection's use of its thread; the last one to finish ends the
 * thread, so its memory is free before the pages render, and says on `logger`
 * how many articles it rendered and, if it stopped early, why.
 */
export function releaseThread(
	thread: MarkdownThread,
	logger: { info(message: string): void; warn(message: string): void },
): void {
	if (shared?.thread !== thread) return;
	shared.users--;
	if (shared.users > 0) return;
	thread.close();
	shared = undefined;
	const count = thread.answered === 1 ? '1 article' : `${thread.answered} articles`;
	logger.info(`Markdown of ${count} rendered on a second thread, beside the loading.`);
	if (thread.failure)
		logger.warn(`The second thread for Markdown stopped (${thread.failure}); the other articles were rendered without it.`);
}
