import { z } from 'astro/zod';
import { checklistsField } from './checklist.ts';
import { dateField, idField, partField, tagsField, text } from './fields.ts';

/** Frontmatter of a newsletter issue (`content/issues/*.mdx`). */
export const issueSchema = z.strictObject({
	/** Issue number, unique across the newsletter: shown as "Issue #20". */
	number: z
		.number({ error: 'should be a whole number, like 20.' })
		.int({ error: 'should be a whole number, like 20.' })
		.positive({ error: 'should be 1 or more.' }),
	/** Headline of the issue. */
	title: text(120),
	/** Publication date, `YYYY-MM-DD`. */
	date: dateField(),
	/** One or two sentences for the archive, feeds and search results. */
	summary: text(280),
	/** Author id: the name of a file in `content/authors/` without `.yaml`. Defaults to `defaultAuthor` in `site.yaml`. */
	author: idField().optional(),
	/** Topics, used for tag pages and related reading. */
	tags: tagsField(),
	/** `true` keeps the issue out of the built site. */
	draft: z.boolean({ error: 'should be true or false.' }).default(false),
	/** URL slug; defaults to the file name without `.mdx`. */
	slug: idField().optional(),
	/** Date of the last substantive edit, `YYYY-MM-DD`. */
	updated: dateField().optional(),
	/** Name of a series this article belongs to, e.g. "Activating new partners"; its parts link to each other. */
	series: text(80).optional(),
	/** Position in the series (1, 2, …); without it, parts are ordered by date. */
	part: partField().optional(),
	/** Scoring for the page's checklists (task lists), keyed by the id of the heading above each list. */
	checklists: checklistsField(),
});

export type IssueData = z.output<typeof issueSchema>;

export const issueExamples = {
	number: '21',
	title: '"Perseverance is a partnership skill"',
	date: '2026-10-05',
	summary: '"What this issue is about, in a sentence."',
	author: 'maya-okafor',
	tags: '[activation, goals]',
	draft: 'true',
	slug: 'perseverance',
	updated: '2026-10-12',
	series: '"Activating new partners"',
	part: '2',
};
