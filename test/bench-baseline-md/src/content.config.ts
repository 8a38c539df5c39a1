import { defineCollection } from 'astro:content';
import { resolve } from 'node:path';
import { glob } from 'astro/loaders';

// The generated content folder; collections have no schema, as in a bare site.
const content = resolve(process.env.BENCH_CONTENT ?? '../../bench-out/content-100-md');

export const collections = {
	issues: defineCollection({ loader: glob({ pattern: '**/*.md', base: `${content}/issues` }) }),
	playbooks: defineCollection({ loader: glob({ pattern: '**/*.md', base: `${content}/playbooks` }) }),
};
