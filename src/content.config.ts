import { defineCollection } from 'astro:content';
import { goalTemplateChecks, issueChecks, pageChecks, playbookChecks, questionnaireChecks } from './loading/checks.ts';
import { pactbookLoader } from './loading/loader.ts';
import { authorExamples, authorSchema } from './schemas/author.ts';
import { issueExamples, issueSchema } from './schemas/issue.ts';
import { pageExamples, pageSchema } from './schemas/page.ts';
import { playbookExamples, playbookSchema } from './schemas/playbook.ts';
import { goalTemplateExamples, goalTemplateSchema } from './tools/goals/template-schema.ts';
import { questionnaireExamples, questionnaireSchema } from './tools/questionnaire/schema.ts';

// The collections and where their files are. How files are read and checked,
// alone and across a collection, is in loading/loader.ts and loading/checks.ts.

const issues = defineCollection({
	loader: pactbookLoader({
		folder: 'issues',
		pattern: '**/[^_]*.{md,mdx}',
		schema: issueSchema,
		examples: issueExamples,
		authored: true,
		slugged: true,
		measured: true,
		...issueChecks,
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
		...playbookChecks,
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
		...pageChecks,
	}),
	schema: pageSchema,
});

/** Questionnaires (`content/questionnaires/<id>.yaml`). */
const questionnaires = defineCollection({
	loader: pactbookLoader({
		folder: 'questionnaires',
		pattern: '[^_]*.{yaml,yml}',
		schema: questionnaireSchema,
		examples: questionnaireExamples,
		...questionnaireChecks,
	}),
	schema: questionnaireSchema,
});

const goalTemplates = defineCollection({
	loader: pactbookLoader({
		folder: 'goal-templates',
		pattern: '*.{yaml,yml}',
		schema: goalTemplateSchema,
		examples: goalTemplateExamples,
		...goalTemplateChecks,
	}),
	schema: goalTemplateSchema,
});

export const collections = { issues, playbooks, authors, pages, questionnaires, goalTemplates };
