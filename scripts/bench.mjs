#!/usr/bin/env node
/**
 * `npm run bench`: builds Pactbook and a bare Astro + MDX + Pagefind baseline
 * (test/bench-baseline/) on the same generated articles, interleaved, several
 * times, and reports build time, memory and output size, then the same after
 * changing one article with the build cache kept (the incremental case).
 *
 *   node scripts/bench.mjs [--sizes 100,1000] [--runs 3] [--seed 1] [--only pactbook|baseline] [--no-incremental]
 *                          [--format md|mdx] [--baseline-format mdx|md]
 *
 * Each site gets the articles in the format its authors write: Pactbook plain
 * Markdown with `:::wild` and `:::tip` blocks (--format), the baseline MDX with
 * the same words in <InTheWild> and <Callout> components (--baseline-format).
 *
 * Writes bench-out/bench.md (the table) and bench-out/bench.json (every run).
 * Times depend on the machine and on what else runs on it; nothing here is a test.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate-content.mjs';
import { exclusive, folderBytes, htmlFiles, median, run } from './lib/measure.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-out');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '100,1000' },
		runs: { type: 'string', default: '3' },
		seed: { type: 'string', default: '1' },
		only: { type: 'string' },
		'no-incremental': { type: 'boolean', default: false },
		format: { type: 'string', default: 'md' },
		'baseline-format': { type: 'string', default: 'mdx' },
	},
});
const formats = { pactbook: values.format, baseline: values['baseline-format'] };
if (!Object.values(formats).every((f) => f === 'md' || f === 'mdx')) throw new Error('Formats are md or mdx.');
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
	throw new Error('Use --sizes with whole numbers of articles (e.g. 100,1000) and --runs with a whole number.');
}
const tools = ['pactbook', 'baseline'].filter((tool) => !values.only || values.only === tool);

/**
 * One build of `tool` on the content folder into `work/dist` with its cache in
 * `work/cache`. Output folders stay inside the project: Astro puts a build's
 * server chunks in `<cwd>/.astro/` when the output folder is outside it.
 */
async function build(tool, content, work, label) {
	const { NODE_ENV: _, ...inherited } = process.env;
	const env = { ...inherited, FORCE_COLOR: '0', NO_COLOR: '1' };
	const log = join(OUT, 'logs', `${label}.log`);
	const dist = join(work, 'dist');
	const once = () =>
		tool === 'pactbook'
			? run(process.execPath, [ASTRO, 'build'], {
					cwd: ROOT,
					log,
					env: { ...env, PACTBOOK_CONTENT: content, PACTBOOK_OUT: dist, PACTBOOK_CACHE: join(work, 'cache') },
				})
			: run(process.execPath, [ASTRO, 'build', '--root', 'test/bench-baseline'], {
					cwd: ROOT,
					log,
					env: { ...env, BENCH_CONTENT: content, BENCH_OUT: dist, BENCH_CACHE: join(work, 'cache') },
				});
	// Pactbook's builds share the project's .astro/ folder with any other build of it (tests included).
	const result = tool === 'pactbook' ? await exclusive(ROOT, once) : await once();
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
		pages: htmlFiles(dist),
		bytes: folderBytes(dist),
		index: folderBytes(join(dist, 'pagefind')),
	};
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
mkdirSync(OUT, { recursive: true });
console.log(
	`Benchmark: sizes ${sizes.join(', ')}; ${runs} run(s); ${cpus().length} CPU(s) (${availableParallelism()} usable), ${mb(totalmem())} RAM; Node ${process.version}.`,
);
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
		// Alternate the order so that neither tool always runs on a warmer machine.
		const order = r % 2 ? tools : [...tools].reverse();
		for (const tool of order) {
			const content = contents[formats[tool]];
			const work = join(OUT, 'work', `${tool}-${n}`);
			rmSync(work, { recursive: true, force: true });
			const full = await build(tool, content, work, `${tool}-${n}-run${r}-full`);
			let incremental;
			if (!values['no-incremental'] && !full.failure) {
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
				: `${seconds(full.ms)}, ${full.pages} HTML files, peak ${mb(full.peak)}${incremental ? `; one article changed: ${incremental.failure ? `failed (${incremental.failure})` : seconds(incremental.ms)}` : ''}`;
			console.log(`  run ${r} ${tool.padEnd(8)} ${line}`);
		}
	}
}

/** The Markdown table: medians with min–max over the runs, per size and tool. */
function table() {
	const rows = [
		'| Articles | Site | HTML files | Full build, median (min–max) | ms per page | Peak memory, median (max) | Output | Pagefind index | One article changed, median | Rebuild / full |',
		'| ---: | --- | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: |',
	];
	const ratios = [];
	for (const n of sizes) {
		const medians = {};
		for (const tool of tools) {
			const mine = results.filter((r) => r.n === n && r.tool === tool);
			const ok = mine.filter((r) => !r.full.failure);
			if (ok.length === 0) {
				rows.push(`| ${n} | ${tool} | | failed (${mine[0]?.full.failure}) | | | | | | |`);
				continue;
			}
			const times = ok.map((r) => r.full.ms);
			const peaks = ok.map((r) => r.full.peak).filter((p) => p !== undefined);
			const incr = ok.map((r) => r.incremental).filter((r) => r && !r.failure);
			const full = median(times);
			medians[tool] = full;
			const pages = ok[0].full.pages;
			const rebuild = incr.length ? median(incr.map((r) => r.ms)) : undefined;
			rows.push(
				`| ${n} | ${tool === 'pactbook' ? 'Pactbook' : 'Baseline (Astro + Pagefind)'}, .${formats[tool]} | ${pages} | ${seconds(full)} (${seconds(Math.min(...times))}–${seconds(Math.max(...times))}) | ${(full / pages).toFixed(1)} | ${peaks.length ? `${mb(median(peaks))} (${mb(Math.max(...peaks))})` : 'n/a'} | ${mb(ok[0].full.bytes)} | ${mb(ok[0].full.index)} | ${rebuild === undefined ? '' : seconds(rebuild)} | ${rebuild === undefined ? '' : `${Math.round((100 * rebuild) / full)}%`} |`,
			);
		}
		if (medians.pactbook && medians.baseline)
			ratios.push(`- ${n} articles: Pactbook / baseline = ${(medians.pactbook / medians.baseline).toFixed(2)}`);
	}
	return `${rows.join('\n')}\n${ratios.length ? `\nRatio of median full-build times:\n\n${ratios.join('\n')}\n` : ''}`;
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${mb(totalmem())} RAM, Node ${process.version}`;
const markdown = `## Build benchmark\n\n${runs} run(s) per size, interleaved; generated articles (seed ${seed}, \`scripts/generate-content.mjs\`), the same words for both sites, as .${formats.pactbook} for Pactbook and .${formats.baseline} for the baseline; ${machine}. Peak memory is the largest total resident memory of the build's process tree; "one article changed" rebuilds with the cache kept after appending a paragraph to one issue.\n\n${table()}`;
writeFileSync(join(OUT, 'bench.md'), markdown);
writeFileSync(join(OUT, 'bench.json'), `${JSON.stringify({ machine, seed, runs, results }, null, 2)}\n`);
console.log(`\n${markdown}\nWrote ${join(OUT, 'bench.md')} and bench.json.`);
