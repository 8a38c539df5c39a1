import { defineCollection } from 'astro:content';
import { describeNumbers, heldBackLine, numberGaps, statusOf } from './lib/publishing.ts';
import { RESERVED_PAGE_SLUGS } from './lib/urls.ts';
import { type CheckedEntry, duplicates, pactbookLoader } from './loading/loader.ts';
import { authorExamples, authorSchema } from './schemas/author.ts';
import { issueExamples, issueSchema } from './schemas/issue.ts';
import { pageExamples, pageSchema } from './schemas/page.ts';
import { playbookExamples, playbookSchema } from './schemas/playbook.ts';
import type { Problem } from './schemas/problems.ts';
import { goalTemplateExamples, goalTemplateSchema } from './tools/goals/template-schema.ts';
import { checkLinks, questionnaireExamples, questionnaireSchema } from './tools/questionnaire/schema.ts';
import { sitePaths, unknownEmbeds } from './tools/questionnaire/site-paths.ts';

/** Lists what a production build leaves out: drafts, and issues dated in the future. */
function heldBack(kind: string, entries: CheckedEntry[], dated: boolean): string | undefined {
	const now = new Date();
	const lines = entries.flatMap((entry) => {
		const date = dated ? (entry.data.date as Date) : undefined;
		const status = statusOf(Boolean(entry.data.draft), date, now);
		return status === 'published' ? [] : [`  ${heldBackLine(entry.file, status, date)}`];
	});
	return lines.length
		? `Held back ${lines.length} of ${entries.length} ${kind} from this build:\n${lines.sort().join('\n')}`
		: undefined;
}

/** Issue slugs made only of digits would clash with the `/issues/<number>/` addresses. */
function numericSlugs(entries: CheckedEntry[]): Problem[] {
	return entries
		.filter((entry) => /^\d+$/.test(String(entry.data.slug)))
		.map((entry) => ({
			file: entry.file,
			field: 'slug',
			message: `"${entry.data.slug}" is only digits, and /issues/<number>/ is kept for issue numbers. Add a word to it.`,
		}));
}

/** Standalone pages cannot take an address the site's own pages use. */
function reservedSlugs(entries: CheckedEntry[]): Problem[] {
	const reserved: readonly string[] = RESERVED_PAGE_SLUGS;
	return entries
		.filter((entry) => reserved.includes(String(entry.data.slug)))
		.map((entry) => ({
			file: entry.file,
			field: 'slug',
			message: `"${entry.data.slug}" is taken by Pactbook's own /${entry.data.slug}/, so this page would never be shown. Set \`slug:\` to another word (or rename the file); taken: ${reserved.join(', ')}.`,
		}));
}

const issues = defineCollection({
	loader: pactbookLoader({
		folder: 'issues',
		pattern: '**/[^_]*.{md,mdx}',
		schema: issueSchema,
		examples: issueExamples,
		authored: true,
		slugged: true,
		measured: true,
		check: (entries) => [...duplicates(entries, 'number', 'Give each issue its own number.'), ...numericSlugs(entries)],
		report: (entries, logger) => {
			const held = heldBack('issues', entries, true);
			if (held) logger.info(held);
			const gaps = numberGaps(entries.map((e) => e.data.number as number));
			if (gaps.length)
				logger.warn(
					`Issue numbers skip ${describeNumbers(gaps)}. Readers may look for the missing issues; renumber if that was not intended.`,
				);
		},
	}),
	schema: issueSchema,
});

const playbooks = defineCollection({
	loader: pactbookLoader({
		folder: 'playbooks',
		pattern: '**/[^_]*.{md,mdx}',
		schema: playbookSchema,
		examples: playbookExamples,
		authored: true,
		slugged: true,
		measured: true,
		report: (entries, logger) => {
			const held = heldBack('playbooks', entries, false);
			if (held) logger.info(held);
		},
	}),
	schema: playbookSchema,
});

const authors = defineCollection({
	loader: pactbookLoader({
		folder: 'authors',
		pattern: '*.{yaml,yml}',
		schema: authorSchema,
		examples: authorExamples,
		named: true,
	}),
	schema: authorSchema,
});

const pages = defineCollection({
	loader: pactbookLoader({
		folder: 'pages',
		pattern: '**/[^_]*.{md,mdx}',
		schema: pageSchema,
		examples: pageExamples,
		slugged: true,
		check: reservedSlugs,
	}),
	schema: pageSchema,
});

/** Questionnaires (`content/questionnaires/<id>.yaml`); their links must lead to pages of the site, and MDX embeds must name one. */
const questionnaires = defineCollection({
	loader: pactbookLoader({
		folder: 'questionnaires',
		pattern: '[^_]*.{yaml,yml}',
		schema: questionnaireSchema,
		examples: questionnaireExamples,
		check: (entries) => {
			const paths = sitePaths();
			return [...entries.flatMap((entry) => checkLinks(entry.file, entry.data as never, paths)), ...unknownEmbeds()];
		},
	}),
	schema: questionnaireSchema,
});

const goalTemplates = defineCollection({
	loader: pactbookLoader({
		folder: 'goal-templates',
		pattern: '*.{yaml,yml}',
		schema: goalTemplateSchema,
		examples: goalTemplateExamples,
		check: (entries) => duplicates(entries, 'title', 'Give each goal template its own title, so readers can tell them apart.'),
	}),
	schema: goalTemplateSchema,
});

export const collections = { issues, playbooks, authors, pages, questionnaires, goalTemplates };
