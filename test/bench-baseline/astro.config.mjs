// @ts-check
// The benchmark's baseline: a bare Astro 7 + MDX site with one layout and the
// same Pagefind step, built from the same generated content folder as Pactbook
// (BENCH_CONTENT), so `npm run bench` can compare what Pactbook adds.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import * as pagefind from 'pagefind';

/** Indexes the built site with Pagefind's Node API once Astro is done, as Pactbook does. */
const search = {
	name: 'baseline-pagefind',
	hooks: {
		/** @param {{ dir: URL, logger: import('astro').AstroIntegrationLogger }} options */
		'astro:build:done': async ({ dir, logger }) => {
			const started = performance.now();
			const { index } = await pagefind.createIndex({});
			if (!index) throw new Error('Pagefind could not start.');
			const { errors, page_count } = await index.addDirectory({ path: new URL(dir).pathname });
			if (errors.length) throw new Error(errors.join('\n'));
			await index.writeFiles({ outputPath: new URL('pagefind/', dir).pathname });
			await pagefind.close();
			// The same words as Pactbook's log line, which the benchmark reads.
			logger.info(`Search index built from ${page_count} HTML files in ${Math.round(performance.now() - started)} ms.`);
		},
	},
};

export default defineConfig({
	site: 'https://bench.example.com',
	outDir: process.env.BENCH_OUT ?? './dist',
	cacheDir: process.env.BENCH_CACHE ?? './node_modules/.astro',
	integrations: [mdx(), search],
	build: { format: 'directory' },
	devToolbar: { enabled: false },
	vite: {
		build: {
			rolldownOptions: {
				// Each MDX module triggers one long bundler warning about Astro's head-inject
				// directive; Pactbook hides it too, so neither build pays for printing it.
				/**
				 * @param {'info' | 'debug' | 'warn'} level
				 * @param {{ code?: string; message: string }} log
				 * @param {(level: 'info' | 'debug' | 'warn' | 'error', log: { code?: string; message: string }) => void} handler
				 */
				onLog(level, log, handler) {
					if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
					handler(level, log);
				},
			},
		},
	},
});
