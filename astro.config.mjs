// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import pactbook from './src/integrations/pactbook.ts';

// PACTBOOK_OUT and PACTBOOK_CACHE let tests and benchmarks build other content
// folders (PACTBOOK_CONTENT) side by side without sharing output or caches.
export default defineConfig({
	outDir: process.env.PACTBOOK_OUT ?? './dist',
	cacheDir: process.env.PACTBOOK_CACHE ?? './node_modules/.astro',
	...(process.env.PACTBOOK_BASE ? { base: process.env.PACTBOOK_BASE } : {}),
	integrations: [pactbook(), mdx()],
	build: { format: 'directory', inlineStylesheets: 'never' },
	devToolbar: { enabled: false },
});
