// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import pactbook from './src/build/integration.ts';

/** A path inside the project, wherever Astro's root is. */
const project = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));

// PACTBOOK_OUT and PACTBOOK_CACHE let tests and benchmarks build other content
// folders (PACTBOOK_CONTENT) side by side without sharing output or caches;
// PACTBOOK_ROOT moves Astro's root, and with it the `.astro/` folder where it
// writes a build's generated types and content modules, for the same reason.
export default defineConfig({
	...(process.env.PACTBOOK_ROOT ? { root: process.env.PACTBOOK_ROOT } : {}),
	srcDir: project('./src/'),
	publicDir: project('./public/'),
	outDir: process.env.PACTBOOK_OUT ?? project('./dist/'),
	cacheDir: process.env.PACTBOOK_CACHE ?? project('./node_modules/.astro/'),
	...(process.env.PACTBOOK_BASE ? { base: process.env.PACTBOOK_BASE } : {}),
	integrations: [pactbook(), mdx()],
	build: { format: 'directory', inlineStylesheets: 'never' },
	devToolbar: { enabled: false },
});
