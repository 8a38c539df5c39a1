import { z } from 'astro/zod';
import { checklistsField } from './checklist.ts';
import { dateField, idField, partField, tagsField, text } from './fields.ts';

/** Frontmatter of an evergreen playbook (`content/playbooks/*.mdx`). */
export const playbookSchema = z.strictObject({
	/** Title of the guide. */
	title: text(120),
	/** One or two sentences for listings, feeds and search results. */
	summary: text(280),
	/** Section of the playbooks page the guide is listed under, e.g. "Qualification". */
	category: text(60),
	/** Topics, used for tag pages and related reading. */
	tags: tagsField(),
	/** Date of the last substantive edit, `YYYY-MM-DD`. */
	updated: dateField(),
	/** Author id: the name of a file in `content/authors/` without `.yaml`. Defaults to `defaultAuthor` in `site.yaml`. */
	author: idField().optional(),
	/** `true` lists the guide on the home page. */
	featured: z.boolean({ error: 'should be true or false.' }).default(false),
	/** `true` keeps the guide out of the built site. */
	draft: z.boolean({ error: 'should be true or false.' }).default(false),
	/** URL slug; defaults to the file name without `.mdx`. */
	slug: idField().optional(),
	/** Name of a series this article belongs to, e.g. "Activating new partners"; its parts link to each other. */
	series: text(80).optional(),
	/** Position in the series (1, 2, …); without it, parts are ordered by date. */
	part: partField().optional(),
	/** Scoring for the page's checklists (task lists), keyed by the id of the heading above each list. */
	checklists: checklistsField(),
});

export type PlaybookData = z.output<typeof playbookSchema>;

export const playbookExamples = {
	title: '"Paper partnerships: partner or pen pal?"',
	summary: '"What the guide helps with, in a sentence."',
	category: 'Qualification',
	tags: '[qualification, activation]',
	updated: '2026-08-14',
	author: 'theo-lindqvist',
	featured: 'true',
	draft: 'true',
	slug: 'paper-partnerships',
	series: '"Activating new partners"',
	part: '2',
};
