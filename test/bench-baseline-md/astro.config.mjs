// @ts-check
// The benchmark's second baseline: a bare Astro 7 site with its default
// Markdown processor (Sätteri) and nothing else: no MDX, no Markdown plugins,
// one layout. `npm run bench` builds it from the same generated `.md` files as
// Pactbook (BENCH_CONTENT), then indexes it with the Pagefind CLI.
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: 'https://bench.example.com',
	outDir: process.env.BENCH_OUT ?? './dist',
	cacheDir: process.env.BENCH_CACHE ?? './node_modules/.astro',
	build: { format: 'directory' },
	devToolbar: { enabled: false },
});
