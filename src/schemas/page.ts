import { z } from 'astro/zod';
import { idField, text } from './fields.ts';

/** A standalone page such as `content/pages/about.mdx`, served at `/<file name>/`. */
export const pageSchema = z.strictObject({
	/** Page heading and title. */
	title: text(120),
	/** One sentence used as the page description. */
	summary: text(280),
	/** URL slug; defaults to the file name without `.mdx`. */
	slug: idField().optional(),
});

export type PageData = z.output<typeof pageSchema>;

export const pageExamples = { title: 'About', summary: '"Who writes this and why."' };
