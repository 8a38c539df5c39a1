import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defineQuestionnaire, questionnaireSchema } from '../../../../src/tools/questionnaire/schema.ts';
import type { Assessment } from '../../../../src/tools/questionnaire/workspace.ts';
import type { Defined } from './arbitraries.ts';

/** The sample site's questionnaire, as the build defines it. */
export const sample: Defined = defineQuestionnaire(
	'partner-or-pen-pal',
	questionnaireSchema.parse(
		parse(readFileSync(join(import.meta.dirname, '../../../../content/questionnaires/partner-or-pen-pal.yaml'), 'utf8')),
	),
);

/** Where the questionnaire saves its workspace. */
export const KEY = 'pb-questionnaire:partner-or-pen-pal';

/** The middle answer of every question: 50% in each section, Promising. */
export const middle: Assessment['answers'] = Object.fromEntries(sample.questions.map((q) => [q.id, [q.options[1]!.id]]));
/** The same, with the first question at its lowest: the first section drops to 33%, the whole to 46%, Pen pal. */
export const lower: Assessment['answers'] = { ...middle, level: ['not-discussed'] };
