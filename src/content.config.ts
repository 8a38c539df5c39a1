import { defineCollection } from 'astro:content';
import { COLLECTION_FILES } from './lib/content-paths.ts';
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
		...COLLECTION_FILES.issues,
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
		...COLLECTION_FILES.playbooks,
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
		...COLLECTION_FILES.authors,
		schema: authorSchema,
		examples: authorExamples,
		named: true,
	}),
	schema: authorSchema,
});

const pages = defineCollection({
	loader: pactbookLoader({
		...COLLECTION_FILES.pages,
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
		...COLLECTION_FILES.questionnaires,
		schema: questionnaireSchema,
		examples: questionnaireExamples,
		...questionnaireChecks,
	}),
	schema: questionnaireSchema,
});

const goalTemplates = defineCollection({
	loader: pactbookLoader({
		...COLLECTION_FILES.goalTemplates,
		schema: goalTemplateSchema,
		examples: goalTemplateExamples,
		...goalTemplateChecks,
	}),
	schema: goalTemplateSchema,
});

export const collections = { issues, playbooks, authors, pages, questionnaires, goalTemplates };
