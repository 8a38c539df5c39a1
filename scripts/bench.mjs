#!/usr/bin/env node
import { spawn } from 'node:child_process';
/**
 * `npm run bench`: builds Pactbook and two bare Astro baselines on the same
 * generated articles, interleaved, several times, and reports build time, where
 * the time goes (startup, content sync, bundling, page rendering, search index,
 * email editions), memory and output size; then, with `astro dev` running on
 * each of Pactbook and the bare Markdown site, the time from saving an edit to
 * an article until the dev server serves the new text.
 *
 *   node scripts/bench.mjs [--sizes 100,1000] [--runs 3] [--seed 1] [--only pactbook,md,mdx]
 *                          [--format md|mdx] [--baseline-format mdx|md] [--dev-edits 3] [--no-dev] [--incremental]
 *
 * The sites:
 * - pactbook: this project, on plain Markdown with `:::wild` and `:::tip`
 *   blocks (--format);
 * - md: bare Astro with its default Markdown processor (Sätteri), no MDX, no
 *   plugins, one layout (test/bench-baseline-md/), on the same `.md` files,
 *   then the Pagefind CLI over its output;
 * - mdx: bare Astro + MDX with the same words in <InTheWild> and <Callout>
 *   components (--baseline-format), indexed with Pagefind's Node API in its
 *   build (test/bench-baseline/).
 * --incremental also rebuilds once after changing one article, with the cache kept.
 *
 * Writes bench-out/bench.md (the tables) and bench-out/bench.json (every run).
 * Times depend on the machine and on what else runs on it; nothing here is a test.
 */
import { appendFileSync, createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { generate } from './generate-content.mjs';
import { exclusive, folderBytes, htmlFiles, median, run } from './lib/measure.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-out');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
/** The sites, in the order of the tables. */
const TOOLS = ['pactbook', 'md', 'mdx'];
const NAMES = {
	pactbook: 'Pactbook',
	md: 'Bare Astro + Sätteri + Pagefind CLI',
	mdx: 'Bare Astro + MDX + Pagefind API',
};

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '100,1000' },
		runs: { type: 'string', default: '3' },
		seed: { type: 'string', default: '1' },
		only: { type: 'string' },
		incremental: { type: 'boolean', default: false },
		format: { type: 'string', default: 'md' },
		'baseline-format': { type: 'string', default: 'mdx' },
		'dev-edits': { type: 'string', default: '3' },
		'no-dev': { type: 'boolean', default: false },
	},
});
const formats = { pactbook: values.format, md: 'md', mdx: values['baseline-format'] };
if (!Object.values(formats).every((f) => f === 'md' || f === 'mdx')) throw new Error('Formats are md or mdx.');
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
const devEdits = Number(values['dev-edits']);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
	throw new Error('Use --sizes with whole numbers of articles (e.g. 100,1000) and --runs with a whole number.');
}
if (!Number.isInteger(devEdits) || devEdits < 1) throw new Error('Use --dev-edits with a whole number, at least 1.');
const only = values.only?.split(',');
if (only?.some((tool) => !TOOLS.includes(tool))) throw new Error(`--only takes ${TOOLS.join(', ')}, separated by commas.`);
const tools = TOOLS.filter((tool) => !only || only.includes(tool));
/** The sites whose dev server is timed: Pactbook and the bare Markdown site. */
const devTools = values['no-dev'] ? [] : tools.filter((tool) => tool !== 'mdx');

const { NODE_ENV: _, ...inherited } = process.env;
const quiet = { ...inherited, FORCE_COLOR: '0', NO_COLOR: '1' };

/** The command line and environment that start `astro <command>` for `tool`. */
function astro(tool, command, content, work, extra = []) {
	if (tool === 'pactbook') {
		return {
			args: [ASTRO, command, ...extra],
			env: {
				...quiet,
				PACTBOOK_CONTENT: content,
				PACTBOOK_OUT: join(work, 'dist'),
				PACTBOOK_CACHE: join(work, 'cache'),
				PACTBOOK_ROOT: join(work, 'root'),
			},
		};
	}
	const root = tool === 'md' ? 'test/bench-baseline-md' : 'test/bench-baseline';
	return {
		args: [ASTRO, command, '--root', root, ...extra],
		env: { ...quiet, BENCH_CONTENT: content, BENCH_OUT: join(work, 'dist'), BENCH_CACHE: join(work, 'cache') },
	};
}

/** Time between the first lines matching `from` and `to` (after `from`), in ms. */
function between(lines, from, to) {
	const start = lines.findIndex((line) => from.test(line.text));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, i) => i > start && to.test(line.text));
	return end < 0 ? undefined : lines[end].ms - lines[start].ms;
}

/** A number a log line reports, such as the 412 in "written in 412 ms". */
function reported(lines, pattern) {
	for (const { text } of lines) {
		const match = pattern.exec(text);
		if (match) return Number(match[1]);
	}
	return undefined;
}

/**
 * Where a build's time went, from the time each log line arrived: starting
 * Astro up to the content sync, the sync itself, bundling, rendering the
 * pages, and what runs after them (search index, email editions, sitemap).
 */
function phases(lines, total) {
	const first = (pattern) => lines.find((line) => pattern.test(line.text))?.ms;
	const rendered = (() => {
		const start = lines.findIndex((line) => /generating static routes/.test(line.text));
		return lines.find((line, i) => i > start && /✓ Completed in/.test(line.text))?.ms;
	})();
	return {
		startup: first(/\[content\] Syncing content/),
		sync: between(lines, /\[content\] Syncing content/, /\[content\] Synced content/),
		bundle: between(lines, /Building static entrypoints/, /generating static routes/),
		render: between(lines, /generating static routes/, /✓ Completed in/),
		after: rendered === undefined ? undefined : total - rendered,
		search: reported(lines, /Search index built from \d+ HTML files in (\d+) ms/),
		email: reported(lines, /Email editions of \d+ issues written in (\d+) ms/),
		// Pages Astro rendered; the rest of the HTML files (pages at issue numbers, email editions) are written from them.
		pagesRendered: reported(lines, /(\d+) page\(s\) built in/),
	};
}

/**
 * One build of `tool` on the content folder into `work/dist` with its cache in
 * `work/cache`. Output folders stay inside the project: Astro puts a build's
 * server chunks in `<root>/.astro/` when the output folder is outside it. The
 * bare Markdown site is then indexed by the Pagefind CLI, timed with the build.
 */
async function build(tool, content, work, label) {
	const log = join(OUT, 'logs', `${label}.log`);
	const dist = join(work, 'dist');
	mkdirSync(join(work, 'root'), { recursive: true });
	const { args, env } = astro(tool, 'build', content, work);
	const once = async () => {
		const built = await run(process.execPath, args, { cwd: ROOT, log, env });
		if (tool !== 'md' || built.code !== 0) return { ...built, phases: phases(built.lines, built.ms) };
		const indexed = await run(process.execPath, [PAGEFIND, '--site', dist], {
			cwd: ROOT,
			log: join(OUT, 'logs', `${label}-pagefind.log`),
			env: quiet,
		});
		return {
			code: indexed.code,
			ms: built.ms + indexed.ms,
			peak: built.peak === undefined ? undefined : Math.max(built.peak, indexed.peak ?? 0),
			phases: { ...phases(built.lines, built.ms + indexed.ms), search: indexed.ms },
		};
	};
	// One build at a time, so that the timings do not compete with another build of this project.
	const before = cpuTimes();
	const { lines: _lines, ...result } = await exclusive(ROOT, once);
	const after = cpuTimes();
	const text = readFileSync(log, 'utf8');
	const failure =
		result.code === 0
			? undefined
			: /heap out of memory|Allocation failed/i.test(text)
				? 'out of memory'
				: `exit ${result.code}, see ${log}`;
	return {
		...result,
		failure,
		stolen: before && after ? (after.steal - before.steal) / (after.total - before.total) : undefined,
		pages: htmlFiles(dist),
		bytes: folderBytes(dist),
		index: folderBytes(join(dist, 'pagefind')),
	};
}

/**
 * The machine's CPU time so far, from /proc/stat (Linux): all of it, and what
 * the host of a virtual machine took for others (steal); undefined elsewhere.
 */
function cpuTimes() {
	try {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
		return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
	} catch {
		return undefined;
	}
}

/** A port nothing listens on now. */
function freePort() {
	return new Promise((done, fail) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => done(port));
		});
		server.on('error', fail);
	});
}

/** The text at `url`, or undefined while the server does not answer it with 200. */
async function textAt(url) {
	try {
		const response = await fetch(url);
		return response.ok ? await response.text() : undefined;
	} catch {
		return undefined;
	}
}

/** Polls `url` every 50 ms until `done(text)` holds; resolves with the ms it took, or undefined after `limit` ms. */
async function until(url, done, limit) {
	const started = performance.now();
	while (performance.now() - started < limit) {
		const text = await textAt(url);
		if (text !== undefined && done(text)) return performance.now() - started;
		await sleep(50);
	}
	return undefined;
}

/**
 * Starts `astro dev` for `tool` on the content folder (with a cold cache),
 * waits until it serves one issue's page, then `edits` times appends a
 * paragraph with a new word to that issue's file and times how long the
 * server takes to serve the page with it. The file is restored at the end.
 */
async function devSession(tool, content, work, edits, label) {
	rmSync(work, { recursive: true, force: true });
	mkdirSync(join(work, 'root'), { recursive: true });
	const port = await freePort();
	// `--ignore-lock`: a dev server the author has running on the project neither stops this one nor is stopped.
	const { args, env } = astro(tool, 'dev', content, work, ['--port', String(port), '--ignore-lock']);
	const log = join(OUT, 'logs', `${label}.log`);
	mkdirSync(dirname(log), { recursive: true });
	const out = createWriteStream(log);
	const started = performance.now();
	const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.pipe(out);
	child.stderr.pipe(out);
	const folder = join(content, 'issues');
	const files = readdirSync(folder).sort();
	const name = files[Math.floor(files.length / 2)];
	const file = join(folder, name);
	const url = `http://localhost:${port}/issues/${name.replace(/\.mdx?$/, '')}/`;
	const original = readFileSync(file, 'utf8');
	const result = { start: undefined, edits: [], failure: undefined };
	try {
		const up = await until(url, () => true, 600_000);
		if (up === undefined) throw new Error(`${url} did not answer within 10 minutes, see ${log}`);
		result.start = performance.now() - started;
		for (let i = 1; i <= edits; i++) {
			const word = `benchedit${label.replace(/\W/g, '')}x${i}x${Date.now()}`;
			writeFileSync(file, `${original}\nThe benchmark saved this paragraph: ${word}.\n`);
			const ms = await until(url, (text) => text.includes(word), 60_000);
			if (ms === undefined) throw new Error(`the edit did not show within 60 s, see ${log}`);
			result.edits.push(ms);
		}
	} catch (error) {
		result.failure = error.message;
	} finally {
		writeFileSync(file, original);
		const exited = new Promise((done) => child.once('exit', done));
		child.kill('SIGINT');
		await Promise.race([exited, sleep(5000)]);
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	}
	return result;
}

/** Changes one article (a paragraph more) and returns a function that restores it. */
function touchOneArticle(content) {
	const folder = join(content, 'issues');
	const files = readdirSync(folder).sort();
	const file = join(folder, files[Math.floor(files.length / 2)]);
	const original = readFileSync(file, 'utf8');
	appendFileSync(file, '\nOne more paragraph, added by the benchmark to measure a rebuild after a small edit.\n');
	return () => writeFileSync(file, original);
}

const mb = (bytes) => (bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const results = [];
const devResults = [];
mkdirSync(OUT, { recursive: true });
console.log(
	`Benchmark: sizes ${sizes.join(', ')}; ${runs} run(s); ${cpus().length} CPU(s) (${availableParallelism()} usable), ${mb(totalmem())} RAM; Node ${process.version}.`,
);
const maybe = (ms) => (ms === undefined || Number.isNaN(ms) ? '' : seconds(ms));
/** Median and range of a list of ms, as "1.2 s (1.1–1.4 s)". */
const spread = (list) =>
	list.length ? `${seconds(median(list))} (${(Math.min(...list) / 1000).toFixed(1)}–${seconds(Math.max(...list))})` : '';
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : 'n/a');
const percent = (share) => `${Math.round(share * 100)}%`;
const site = (tool) => `${NAMES[tool]}, .${formats[tool]}`;

/** The Markdown tables: medians with min–max over the runs, per size and site, and the ratios. */
function tables() {
	const builds = [
		`| Articles | Site | HTML files (rendered by Astro) | Full build, median (min–max) | ms per HTML file | Peak memory, median (max) | Output | Pagefind index | CPU taken by the host, median (max) |${values.incremental ? ' One article changed, median |' : ''}`,
		`| ---: | --- | ---: | --- | ---: | --- | ---: | ---: | ---: |${values.incremental ? ' ---: |' : ''}`,
	];
	const steps = [
		'| Articles | Site | Start-up | Content sync | Bundling | Page rendering | After the pages | of which search index | of which email editions |',
		'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	const dev = [
		'| Articles | Site | Dev server start, median | Saved edit until served, median (min–max) | Edits |',
		'| ---: | --- | ---: | --- | ---: |',
	];
	const ratios = [];
	for (const n of sizes) {
		const full = {};
		const sync = {};
		const edit = {};
		for (const tool of tools) {
			const mine = results.filter((r) => r.n === n && r.tool === tool);
			const ok = mine.filter((r) => !r.full.failure);
			if (ok.length === 0) {
				builds.push(`| ${n} | ${site(tool)} | | failed (${mine[0]?.full.failure}) | | | | |`);
				continue;
			}
			const times = ok.map((r) => r.full.ms);
			const peaks = ok.map((r) => r.full.peak).filter((p) => p !== undefined);
			const incr = ok.map((r) => r.incremental).filter((r) => r && !r.failure);
			const stolen = ok.map((r) => r.full.stolen).filter((share) => share !== undefined);
			full[tool] = median(times);
			const pages = ok[0].full.pages;
			builds.push(
				`| ${n} | ${site(tool)} | ${pages} (${ok[0].full.phases.pagesRendered ?? '?'}) | ${spread(times)} | ${(full[tool] / pages).toFixed(1)} | ${peaks.length ? `${mb(median(peaks))} (${mb(Math.max(...peaks))})` : 'n/a'} | ${mb(ok[0].full.bytes)} | ${mb(ok[0].full.index)} | ${stolen.length ? `${percent(median(stolen))} (${percent(Math.max(...stolen))})` : 'n/a'} |${values.incremental ? ` ${incr.length ? seconds(median(incr.map((r) => r.ms))) : ''} |` : ''}`,
			);
			const step = (name) => {
				const list = ok.map((r) => r.full.phases[name]).filter((ms) => ms !== undefined);
				return list.length ? median(list) : undefined;
			};
			sync[tool] = step('sync');
			steps.push(
				`| ${n} | ${site(tool)} | ${maybe(step('startup'))} | ${maybe(sync[tool])} | ${maybe(step('bundle'))} | ${maybe(step('render'))} | ${maybe(step('after'))} | ${maybe(step('search'))} | ${maybe(step('email'))} |`,
			);
		}
		for (const tool of devTools) {
			const mine = devResults.filter((r) => r.n === n && r.tool === tool);
			const edits = mine.flatMap((r) => r.edits);
			const starts = mine.map((r) => r.start).filter((ms) => ms !== undefined);
			const failed = mine.find((r) => r.failure)?.failure;
			edit[tool] = edits.length ? median(edits) : undefined;
			dev.push(
				`| ${n} | ${tool === 'md' ? 'Bare Astro + Sätteri' : NAMES[tool]}, .${formats[tool]} | ${starts.length ? seconds(median(starts)) : ''} | ${spread(edits)}${failed ? ` (failed once: ${failed})` : ''} | ${edits.length} |`,
			);
		}
		const against = (label, values, base) =>
			values.pactbook && values[base] ? [`${label} ${ratio(values.pactbook, values[base])}`] : [];
		const line = [
			...against('full build', full, 'md'),
			...against('content sync', sync, 'md'),
			...against('saved edit in astro dev (against the bare site without Pagefind)', edit, 'md'),
		];
		if (line.length) ratios.push(`- ${n} articles, Pactbook / ${NAMES.md}: ${line.join('; ')}`);
		// Each run builds both sites within a minute or two: the ratio within a run is less exposed to a host whose speed drifts.
		const paired = [...new Set(results.map((r) => r.run))].flatMap((run) => {
			const of = (tool) => results.find((r) => r.n === n && r.run === run && r.tool === tool && !r.full.failure)?.full.ms;
			return of('pactbook') && of('md') ? [of('pactbook') / of('md')] : [];
		});
		if (paired.length > 1) {
			ratios.push(
				`- ${n} articles, full build, Pactbook / ${NAMES.md} within each run: ${paired.map((r) => r.toFixed(2)).join(', ')} (median ${median(paired).toFixed(2)})`,
			);
		}
		// MDX files are compiled while pages are bundled, not in the content sync: only the full build compares.
		const mdx = against('full build', full, 'mdx');
		if (mdx.length) ratios.push(`- ${n} articles, Pactbook / ${NAMES.mdx}: ${mdx.join('; ')}`);
	}
	return [
		builds.join('\n'),
		`Where the time goes (medians; from when each line of the build's log arrived; "after the pages" runs from the end of page rendering to the end of the build, the ${NAMES.md.replace('Bare Astro + Sätteri + ', '')} run included):\n\n${steps.join('\n')}`,
		...(devTools.length
			? [
					`\`astro dev\`, cold cache: time from writing a paragraph with a new word to the middle issue's file until its page is served with that word (polled every 50 ms):\n\n${dev.join('\n')}`,
				]
			: []),
		...(ratios.length ? [`Ratios of the medians:\n\n${ratios.join('\n')}`] : []),
	].join('\n\n');
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${mb(totalmem())} RAM, Node ${process.version}`;
const markdown = () =>
	`## Build benchmark\n\n${runs} run(s) per size, interleaved; generated articles (seed ${seed}, \`scripts/generate-content.mjs\`), the same words for every site, as ${tools.map((tool) => `.${formats[tool]} for ${NAMES[tool]}`).join(', ')}; ${machine}. Peak memory is the largest total resident memory of the build's process tree${values.incremental ? '; "one article changed" rebuilds with the cache kept after appending a paragraph to one issue' : ''}.\n\n${tables()}\n`;

/** Writes the tables and every run so far, so that a run cut short still leaves its figures. */
function save() {
	writeFileSync(join(OUT, 'bench.md'), markdown());
	writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify({ machine, seed, runs, results, dev: devResults }, null, 2)}\n`);
}

for (const n of sizes) {
	const contents = {};
	let counts = { issues: 0, playbooks: 0 };
	for (const format of new Set(tools.map((tool) => formats[tool]))) {
		contents[format] = join(OUT, `content-${n}-${format}`);
		counts = generate({ count: n, seed, out: contents[format], format });
	}
	console.log(
		`\n${n} articles (${counts.issues} issues, ${counts.playbooks} playbooks) in ${Object.values(contents).join(' and ')}`,
	);
	for (let r = 1; r <= runs; r++) {
		// Alternate the order so that no site always runs on a warmer machine.
		const order = r % 2 ? tools : [...tools].reverse();
		for (const tool of order) {
			const content = contents[formats[tool]];
			const work = join(OUT, 'work', `${tool}-${n}`);
			rmSync(work, { recursive: true, force: true });
			const full = await build(tool, content, work, `${tool}-${n}-run${r}-full`);
			let incremental;
			if (values.incremental && !full.failure) {
				const restore = touchOneArticle(content);
				try {
					incremental = await build(tool, content, work, `${tool}-${n}-run${r}-incremental`);
				} finally {
					restore();
				}
			}
			results.push({ n, run: r, tool, full, incremental });
			const line = full.failure
				? `failed (${full.failure})`
				: `${seconds(full.ms)}, ${full.pages} HTML files, peak ${mb(full.peak)}, content sync ${seconds(full.phases.sync ?? Number.NaN)}${incremental ? `; one article changed: ${incremental.failure ? `failed (${incremental.failure})` : seconds(incremental.ms)}` : ''}`;
			console.log(`  run ${r} ${tool.padEnd(8)} ${line}`);
			save();
		}
		// Then the dev servers, one at a time, so that a run cut short still has both kinds of figures.
		for (const tool of r % 2 ? devTools : [...devTools].reverse()) {
			const dev = await devSession(
				tool,
				contents[formats[tool]],
				join(OUT, 'work', `${tool}-${n}-dev`),
				devEdits,
				`${tool}-${n}-run${r}-dev`,
			);
			devResults.push({ n, run: r, tool, ...dev });
			const line = dev.failure
				? `failed (${dev.failure})`
				: `started in ${seconds(dev.start)}; saved edit served in ${dev.edits.map(seconds).join(', ')}`;
			console.log(`  run ${r} ${tool.padEnd(8)} astro dev: ${line}`);
			save();
		}
	}
}

save();
console.log(`\n${markdown()}\nWrote ${join(OUT, 'bench.md')} and bench.json.`);
