/**
 * What the benchmark measures around one build: wall time and peak memory of
 * the whole process tree (Astro plus the Pagefind binary it starts), and the
 * bytes the build wrote.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resident memory (bytes) of `root` and all its descendants, read from /proc; `undefined` where /proc is missing. */
export function treeRss(root) {
	if (!existsSync('/proc/self/status')) return undefined;
	const parents = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// The command name is in parentheses and may hold spaces; the parent id follows it.
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parents.set(Number(name), ppid);
		} catch {
			// The process ended while we looked.
		}
	}
	const tree = new Set([root]);
	for (let grew = true; grew; ) {
		grew = false;
		for (const [pid, ppid] of parents) {
			if (!tree.has(pid) && tree.has(ppid)) {
				tree.add(pid);
				grew = true;
			}
		}
	}
	let total = 0;
	for (const pid of tree) {
		try {
			const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
			total += Number(kb ?? 0) * 1024;
		} catch {
			// Gone already.
		}
	}
	return total;
}

/**
 * Collects a stream's output as lines, each with the time (ms since `started`)
 * at which it arrived: Astro's own timestamps are whole seconds.
 */
function timestamped(stream, started, lines) {
	let partial = '';
	stream.on('data', (chunk) => {
		const ms = performance.now() - started;
		const parts = (partial + chunk).split('\n');
		partial = parts.pop() ?? '';
		for (const text of parts) lines.push({ ms, text });
	});
	stream.on('end', () => {
		if (partial) lines.push({ ms: performance.now() - started, text: partial });
	});
}

/**
 * Runs a command, polling its process tree's memory every `interval` ms, with
 * its output in `log`. Resolves with the exit code, wall time in ms, peak
 * memory in bytes (the largest sum over the tree seen at one moment) and the
 * output's lines with the time each arrived.
 */
export function run(command, args, { env, cwd, log, interval = 100 }) {
	mkdirSync(dirname(log), { recursive: true });
	const out = createWriteStream(log);
	return new Promise((done, fail) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const lines = [];
		child.stdout.pipe(out, { end: false });
		child.stderr.pipe(out, { end: false });
		timestamped(child.stdout, started, lines);
		timestamped(child.stderr, started, lines);
		let peak = 0;
		const poll = setInterval(() => {
			const rss = treeRss(child.pid);
			if (rss !== undefined && rss > peak) peak = rss;
		}, interval);
		child.on('error', (error) => {
			clearInterval(poll);
			fail(error);
		});
		child.on('close', (code) => {
			clearInterval(poll);
			const ms = performance.now() - started;
			out.end(() => done({ code: code ?? 1, ms, peak: existsSync('/proc/self/status') ? peak : undefined, lines }));
		});
	});
}

/** Total size in bytes of the files under `dir` (0 when it does not exist). */
export function folderBytes(dir) {
	if (!existsSync(dir)) return 0;
	let total = 0;
	for (const name of readdirSync(dir, { recursive: true })) {
		const stat = statSync(join(dir, String(name)));
		if (stat.isFile()) total += stat.size;
	}
	return total;
}

/** Number of HTML files under `dir`. */
export function htmlFiles(dir) {
	if (!existsSync(dir)) return 0;
	return readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;
}

/**
 * Runs `work` while holding the lock that Pactbook's test builds take
 * (test/helpers/build.ts): Astro writes some files of every build into the
 * project's own `.astro/`, so two builds of the project must not overlap.
 * A lock whose owner has exited is taken over.
 */
export async function exclusive(root, work) {
	const lock = join(root, 'node_modules/.cache/pactbook-build.lock');
	mkdirSync(dirname(lock), { recursive: true });
	let waited = false;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch {
			if (!waited) {
				process.stdout.write('  (waiting for another build of this project to finish)\n');
				waited = true;
			}
			let owner = Number.NaN;
			try {
				owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
				process.kill(owner, 0);
			} catch (error) {
				if (Number.isInteger(owner) && error.code === 'ESRCH') rmSync(lock, { recursive: true, force: true });
			}
			await sleep(200);
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** Median of a list of numbers. */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
