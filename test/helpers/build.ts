import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Scratch folder for built sites; PACTBOOK_TEST_TMP moves it (e.g. to run two test sessions at once). */
export const TMP = process.env.PACTBOOK_TEST_TMP ?? join(ROOT, 'test/.tmp');

export interface BuildResult {
	/** Exit code of `astro build`. */
	code: number;
	/** Everything the author would see in the terminal, without colours. */
	output: string;
	/** Folder the site was built into. */
	dist: string;
}

export interface BuildOptions {
	/** Sub-path to build for, e.g. `/newsletter/`. */
	base?: string;
	/** Name of the output folder under test/.tmp (defaults to the fixture name). */
	out?: string;
	/** Extra environment variables. */
	env?: Record<string, string>;
}

/**
 * Builds a content folder with the project's real Astro setup, as `npm run
 * build` would, into `test/.tmp/<out>/dist`. `content` is a fixture name under
 * `test/fixtures/` (which holds a `content/` folder) or a path to a content folder.
 * Each build has its own output, cache and Astro root (`test/.tmp/<out>/`), so
 * builds run side by side.
 */
export function buildSite(content: string, options: BuildOptions = {}): Promise<BuildResult> {
	const { env, dist } = environment(content, options);
	rmSync(dist, { recursive: true, force: true });
	return run(env, dist);
}

/** Work folders this process has built into. */
const used = new Set<string>();

/** The environment `astro build` or `astro dev` runs with for a content folder, and the output folder. */
function environment(content: string, options: BuildOptions) {
	const fixture = join(ROOT, 'test/fixtures', content, 'content');
	const work = join(TMP, options.out ?? content.replace(/[^\w-]+/g, '_'));
	const dist = join(work, 'dist');
	const cache = join(work, 'cache');
	// Astro's root, which holds the `.astro/` folder each build writes; see astro.config.mjs.
	const root = join(work, 'root');
	// Every run starts cold: what an earlier run left is removed on first use.
	if (!used.has(work)) {
		used.add(work);
		for (const folder of [dist, cache, root]) rmSync(folder, { recursive: true, force: true });
	}
	mkdirSync(root, { recursive: true });
	const contentDir = existsSync(fixture) ? fixture : resolve(ROOT, content);
	// Vitest sets NODE_ENV=test; a real `astro build` runs without it.
	const { NODE_ENV: _, VITEST: __, ...inherited } = process.env;
	const env: Record<string, string | undefined> = {
		...inherited,
		PACTBOOK_CONTENT: contentDir,
		PACTBOOK_OUT: dist,
		PACTBOOK_CACHE: cache,
		PACTBOOK_ROOT: root,
		PACTBOOK_BASE: options.base,
		FORCE_COLOR: '0',
		NO_COLOR: '1',
		...options.env,
	};
	if (options.base === undefined) delete env.PACTBOOK_BASE;
	return { env, dist };
}

/** A port nothing listens on now. */
function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
		server.on('error', fail);
	});
}

/** Polls `check` until it returns a value, for at most 30 seconds. */
export async function until<T>(check: () => Promise<T | undefined>): Promise<T> {
	for (let tries = 0; tries < 150; tries++) {
		const value = await check();
		if (value !== undefined) return value;
		await new Promise((wait) => setTimeout(wait, 200));
	}
	throw new Error('gave up waiting');
}

/** Waits until the page at `url` answers with `status` and HTML containing `text`, and returns the HTML. */
export function pageAt(url: string, status: number, text = ''): Promise<string> {
	return until(async () => {
		const response = await fetch(url);
		const html = await response.text();
		return response.status === status && html.includes(text) ? html : undefined;
	});
}

/**
 * Runs `astro dev` on a content folder, as `npm run dev` would, calls `use`
 * with the server's address once it answers, then stops it.
 */
export async function withDevServer<T>(
	content: string,
	use: (origin: string, output: () => string) => Promise<T>,
	options: BuildOptions = {},
): Promise<T> {
	const { env } = environment(content, { out: `${content}-dev`, ...options });
	const port = await freePort();
	// Test files run side by side, each with its own dev server: `--ignore-lock` starts this one beside
	// the others, where `--force` would stop the one Astro's lock file names. Each starts from an
	// empty content cache anyway (environment() clears it).
	const child = spawn(
		process.execPath,
		[join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--ignore-lock'],
		{ cwd: ROOT, env },
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	try {
		// The address the server printed: another server may have taken the port in the meantime.
		let origin = '';
		for (let tries = 0; !origin; tries++) {
			if (child.exitCode !== null || tries > 1200)
				throw new Error(
					`astro dev did not start (${child.exitCode === null ? 'no address after 2 minutes' : `exit ${child.exitCode}`}):\n${stripVTControlCharacters(output)}`,
				);
			origin = /Local\s+(http:\/\/[^/\s]+)/.exec(stripVTControlCharacters(output))?.[1] ?? '';
			if (!origin) await new Promise((wait) => setTimeout(wait, 100));
		}
		return await use(origin, () => stripVTControlCharacters(output));
	} catch (error) {
		// What the server printed is what tells why a journey failed.
		if (error instanceof Error)
			error.message += `\n--- astro dev printed ---\n${withoutRepeats(stripVTControlCharacters(output))}`;
		throw error;
	} finally {
		const exited = new Promise((done) => child.once('exit', done));
		child.kill('SIGINT');
		await Promise.race([exited, new Promise((wait) => setTimeout(wait, 5000))]);
		if (child.exitCode === null) child.kill('SIGKILL');
	}
}

/**
 * A server log without the lines it printed before (a page polled until it
 * appears logs the same request many times), so the lines that tell why a
 * journey failed are not lost off the end of a long report.
 */
export function withoutRepeats(log: string): string {
	const seen = new Set<string>();
	let left = 0;
	const kept = log.split('\n').filter((line) => {
		const key = line.replace(/^\d\d:\d\d:\d\d /, '').replace(/ \d+ms$/, '');
		if (!key.trim() || !seen.has(key)) {
			seen.add(key);
			return true;
		}
		left++;
		return false;
	});
	return left ? `${kept.join('\n')}\n(${left} lines that repeat earlier ones left out)` : kept.join('\n');
}

function run(env: Record<string, string | undefined>, dist: string): Promise<BuildResult> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: ROOT, env });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', fail);
		child.on('close', (code) => done({ code: code ?? 1, output: stripVTControlCharacters(output), dist }));
	});
}

/** The author-facing problem lines of a failed build: from "Pactbook found" to the hint. */
export function problemsIn(output: string): string {
	const start = output.indexOf('Pactbook found');
	if (start < 0) return `(no Pactbook problem list in output)\n${output}`;
	const end = output.indexOf('\n  Hint:', start);
	return output.slice(start, end < 0 ? undefined : end).trim();
}

/** Reads a built page's HTML by its URL path (e.g. `/issues/x/`). */
export function readPage(dist: string, path: string): string {
	const file = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
	return readFileSync(file, 'utf8');
}

/** A fresh, editable copy of a fixture's content folder under TMP (for tests that change content between builds). */
export function copyFixture(name: string, as: string): string {
	const work = join(TMP, as);
	rmSync(work, { recursive: true, force: true });
	cpSync(join(ROOT, 'test/fixtures', name, 'content'), work, { recursive: true });
	return work;
}
