import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { escapeExplicitIds } from '../lib/checklist-ids.ts';
import { contentDir } from '../lib/content-paths.ts';
import { cspConfig } from '../lib/csp.ts';
import { closeUnusedThread, startThreadEarly } from '../loading/markdown-thread.ts';
import { loadSiteConfig } from '../loading/site-config.ts';
import { markdownPipeline } from '../markdown/pipeline.ts';
import firstUse from './first-use.ts';
import issueFiles, { readIssuePlan, saveEmailPlan, writeEmailEditions, writeForwardingPages } from './issue-files.ts';
import pagefindIndex, { indexingPrerenderer, SearchIndex } from './search-index.ts';

const VIRTUAL = 'virtual:pactbook/site';

/** How long a step took, for the build log. */
async function timed<T>(step: Promise<T>): Promise<[T, number]> {
	const started = performance.now();
	return [await step, Math.round(performance.now() - started)];
}

/**
 * Reads `site.yaml`, sets the site URL and base from it (an explicit `base` in
 * the Astro config or `--base` wins), configures Markdown, and exposes the
 * settings to pages as `virtual:pactbook/site`. Adds the sitemap, search and
 * issue-file integrations. Hands each page to the search index as it is
 * rendered (Pagefind works in its own process, beside the rendering); once the
 * pages are built, writes the index and the email editions of the newest
 * `feedItems` issues side by side, keeps what `npm run email` needs for the
 * others in the cache folder, then writes the pages at issue numbers.
 */
export default function pactbook(): AstroIntegration {
	let cacheDir = '';
	let base = '/';
	let search: SearchIndex | undefined;
	let building = false;
	return {
		name: 'pactbook',
		hooks: {
			'astro:config:setup'({ config, command, updateConfig, addWatchFile }) {
				building = command === 'build';
				const site = loadSiteConfig();
				const base = config.base !== '/' ? config.base : site.base;
				addWatchFile(`${contentDir()}/site.yaml`);
				updateConfig({
					// The pages at issue numbers are written after the build, so the sitemap leaves them out.
					integrations: [sitemap(), issueFiles(), pagefindIndex(), firstUse()],
					site: config.site ?? site.url,
					base,
					trailingSlash: 'always',
					// A Content Security Policy in every page (lib/csp.ts); Astro hashes the scripts and styles it writes.
					security: { csp: cspConfig(site) },
					markdown: {
						processor: satteri(markdownPipeline(base, contentDir())),
					},
					vite: {
						build: {
							// One stylesheet for the whole site: cached after the first page.
							cssCodeSplit: false,
							rolldownOptions: {
								// Every MDX module carries Astro's head-inject directive; the bundler's
								// warning about it repeats once per article and says nothing actionable.
								onLog(
									level: 'info' | 'debug' | 'warn',
									log: { code?: string; message: string },
									handler: (level: 'info' | 'debug' | 'warn' | 'error', log: { code?: string; message: string }) => void,
								) {
									if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
									handler(level, log);
								},
							},
						},
						plugins: [
							{
								// `{#id}` after a task-list item would be a JavaScript expression in MDX.
								name: 'pactbook-task-ids',
								enforce: 'pre',
								transform: (code: string, id: string) => (/\.mdx($|\?)/.test(id) ? escapeExplicitIds(code) : undefined),
							},
							{
								name: 'pactbook-site',
								resolveId: (id: string) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
								load: (id: string) =>
									id === `\0${VIRTUAL}`
										? `export default ${JSON.stringify({ ...site, base })};\nexport const preview = ${command === 'dev'};`
										: undefined,
							},
						],
					},
				});
			},
			'astro:config:done'({ config }) {
				cacheDir = fileURLToPath(config.cacheDir);
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				// A large site's Markdown renders on a second thread (loading/markdown-thread.ts): start it now, beside Astro's setup.
				if (building) startThreadEarly(config, contentDir());
			},
			'astro:build:start'({ setPrerenderer }) {
				// The content has loaded: a thread started early that no collection needed is not kept.
				closeUnusedThread();
				// Pagefind indexes each page as soon as it is rendered, beside the rendering.
				search = new SearchIndex();
				setPrerenderer(indexingPrerenderer(search, base));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const plan = await readIssuePlan(site);
				const toSend = plan.filter((issue) => issue.email);
				const [[files, searchMs], [issues, emailMs]] = await Promise.all([
					timed((search ?? new SearchIndex()).finish(site)),
					timed(writeEmailEditions(site, toSend)),
					saveEmailPlan(cacheDir, site, plan),
				]);
				logger.info(`Search index built from ${files} HTML files in ${searchMs} ms.`);
				logger.info(`Email editions of ${issues} issues written in ${emailMs} ms.`);
				const others = plan.length - issues;
				if (others) {
					logger.info(
						`The ${others} older issues get theirs on request: \`npm run email -- <number or slug>\`, or \`--all\` for every issue.`,
					);
				}
				// After the index, which would find nothing in them.
				await writeForwardingPages(site, plan);
			},
		},
	};
}
