#!/usr/bin/env node
/**
 * `npm run audit`: Lighthouse (performance, accessibility, best practices, SEO)
 * on the built sample site's home page, an issue, a playbook and each tool page
 * (pages with a checklist, and the search page), on mobile and desktop, in
 * headless Chromium. Prints a Markdown table and writes bench-out/audit.md
 * (plus each full report as JSON under bench-out/audit/).
 *
 *   node scripts/audit.mjs [--dist <built site>] [--pages /,/issues/x/]
 *
 * Without --dist it builds `content/` into bench-out/audit/dist first.
 * The browser is found as for the browser tests (scripts/lib/chromium.mjs): CHROMIUM_PATH,
 * else the system's Chromium, else the one `npm install` brings.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromiumFlags, findChromium } from './lib/chromium.mjs';
import { exclusive, run } from './lib/measure.mjs';
import { serve } from './lib/serve.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-out');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const { values } = parseArgs({ options: { dist: { type: 'string' }, pages: { type: 'string' } } });

async function buildSample() {
	const dist = join(OUT, 'audit/dist');
	// The sample content, as `npm run build` sees it.
	const { NODE_ENV: _, PACTBOOK_CONTENT: __, ...inherited } = process.env;
	const env = { ...inherited, FORCE_COLOR: '0', NO_COLOR: '1', PACTBOOK_OUT: dist, PACTBOOK_CACHE: join(OUT, 'audit/cache') };
	const log = join(OUT, 'logs/audit-build.log');
	console.log('Building the sample site…');
	const result = await exclusive(ROOT, () =>
		run(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: ROOT, env, log }),
	);
	if (result.code !== 0) throw new Error(`The sample site did not build; see ${log}`);
	return dist;
}

/** The pages to audit, by kind: home, the newest issue, a playbook without a tool, and every tool page. */
function pickPages(dist) {
	const has = (path, text) => readFileSync(join(dist, path, 'index.html'), 'utf8').includes(text);
	const folders = (section) =>
		existsSync(join(dist, section))
			? readdirSync(join(dist, section))
					.filter((name) => existsSync(join(dist, section, name, 'index.html')))
					.map((name) => `/${section}/${name}/`)
			: [];
	const issues = folders('issues').filter((path) => !/\/(page|\d+)\/$/.test(path) && !has(path, 'http-equiv="refresh"'));
	const playbooks = folders('playbooks');
	const tools = [...issues, ...playbooks].filter((path) => has(path, '<pb-checklist'));
	const pages = [
		{ kind: 'Home', path: '/' },
		{ kind: 'Issue', path: issues.sort().at(-1) },
		{ kind: 'Playbook', path: playbooks.find((path) => !tools.includes(path)) },
		...tools.map((path) => ({ kind: 'Tool: checklist', path })),
		...(existsSync(join(dist, 'search/index.html')) ? [{ kind: 'Tool: search', path: '/search/' }] : []),
	];
	return pages.filter((page) => page.path);
}

const dist = values.dist ? resolve(values.dist) : await buildSample();
const pages = values.pages ? values.pages.split(',').map((path) => ({ kind: 'Page', path })) : pickPages(dist);
const site = await serve(dist);
const browser = await findChromium();
const chrome = await chromeLauncher.launch({
	chromePath: browser.executablePath,
	envVars: { ...process.env, ...browser.env },
	chromeFlags: ['--headless=new', ...chromiumFlags(browser)],
});
const rows = [];
mkdirSync(join(OUT, 'audit'), { recursive: true });
try {
	for (const page of pages) {
		for (const device of ['mobile', 'desktop']) {
			const url = new URL(page.path.replace(/^\//, ''), site.url).href;
			const result = await lighthouse(
				url,
				{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
				device === 'desktop' ? desktopConfig : undefined,
			);
			if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
			const { categories, audits } = result.lhr;
			const scores = CATEGORIES.map((id) => Math.round((categories[id]?.score ?? 0) * 100));
			const failing = Object.values(audits)
				.filter(
					(audit) =>
						audit.score !== null &&
						audit.score < 1 &&
						audit.scoreDisplayMode !== 'informative' &&
						audit.scoreDisplayMode !== 'manual',
				)
				.filter((audit) =>
					CATEGORIES.some((id) => categories[id]?.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0)),
				)
				.map((audit) => audit.id);
			writeFileSync(join(OUT, 'audit', `${page.path.replace(/\W+/g, '_') || 'home'}-${device}.json`), result.report);
			rows.push({ ...page, device, scores, failing, lcp: audits['largest-contentful-paint']?.displayValue ?? '' });
			console.log(`${page.path} (${device}): ${scores.join(' / ')}${failing.length ? `; below 100: ${failing.join(', ')}` : ''}`);
		}
	}
} finally {
	chrome.kill();
	await site.close();
}

const table = [
	'| Page | Device | Performance | Accessibility | Best practices | SEO | LCP | Audits below 100 |',
	'| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
	...rows.map(
		(r) => `| ${r.kind} \`${r.path}\` | ${r.device} | ${r.scores.join(' | ')} | ${r.lcp} | ${r.failing.join(', ') || '–'} |`,
	),
].join('\n');
const markdown = `## Lighthouse\n\nLighthouse ${JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version} in headless Chromium, default mobile (simulated slow 4G, mid-range phone) and desktop settings, on the sample site served locally with gzip.\n\n${table}\n`;
writeFileSync(join(OUT, 'audit.md'), markdown);
console.log(`\n${markdown}\nWrote ${join(OUT, 'audit.md')}.`);
