/**
 * A questionnaire, `content/questionnaires/<id>.yaml`: questions with scored
 * answers, grouped in sections, and score bands that turn the percentage into
 * a verdict. Every check that can be made on the file alone is here; links are
 * checked against the site's pages by `checkLinks` (the file name is the id).
 * Used at build time only: the browser gets the parsed definition as JSON.
 */
import { z } from 'astro/zod';
import { checkBands, idField, text } from '../../schemas/fields.ts';
import type { Problem } from '../../schemas/problems.ts';

const link = z.strictObject({
	/** Link text, e.g. "The paper-partnerships playbook". */
	label: text(80),
	/** A path on this site (`/playbooks/paper-partnerships/`, `#anchor` allowed) or a full https:// address. */
	href: z.string().regex(/^(\/[^\s]*|https:\/\/[^\s]+)$/, {
		error: 'should be a path on this site such as /playbooks/x/, or a full https:// address.',
	}),
});

const advice = z.strictObject({
	/** What to do about this answer, a sentence or two. */
	text: text(400),
	/** Issues or playbooks that help. */
	links: z.array(link).default([]),
});

const option = z.strictObject({
	/** Id used in saved answers and share links; defaults to the label in lower case with hyphens. Set it to reword a label freely. */
	id: idField().optional(),
	/** The answer as the reader sees it, e.g. "Yes, in writing". */
	label: text(120),
	/** Points for this answer, 0 or more; the question's best answer gets its highest score. */
	score: z.number().min(0, { error: 'should be 0 or more.' }),
	/** Shown while this answer is chosen: what to do about it, with links. */
	advice: advice.optional(),
	/** Id of a band: choosing this answer caps the verdict at that band, whatever the score. */
	knockout: idField().optional(),
});

const question = z.strictObject({
	/** Unique id across the questionnaire, kept in saved answers; change it only to start the question afresh. */
	id: idField(),
	/** Id of the section it belongs to. */
	section: idField(),
	/** The question. */
	text: text(200),
	/** One or two sentences that explain what is asked. */
	help: text(400).optional(),
	/** `single` (one answer), `scale` (one answer on an ordered scale, such as no / partly / yes) or `multiple` (any number of answers; their scores add up). */
	type: z.enum(['single', 'scale', 'multiple'], { error: 'should be single, scale or multiple.' }).default('single'),
	/** The answers to choose from, at least two. */
	options: z.array(option),
	/** How much this question counts against the others in its section (default 1). */
	weight: z.number().positive({ error: 'should be more than 0.' }).default(1),
	/** Whether the reader must answer it before the verdict is final (default false). */
	required: z.boolean().default(false),
	/** Offer "Not applicable": such an answer leaves the question out of the score and its maximum (default false). */
	allowNA: z.boolean().default(false),
	/** Ask the question only when an earlier question got one of some answers. */
	showIf: z
		.strictObject({
			/** Id of an earlier question. */
			question: idField(),
			/** Ids of that question's answers that make this one appear. */
			anyOf: z.array(idField()).min(1, { error: 'needs at least one answer id.' }),
		})
		.optional(),
});

const band = z.strictObject({
	/** Id used by knockouts, e.g. `pen-pal`. */
	id: idField(),
	/** Lowest percentage in this band, 0 to 100. */
	min: z
		.number()
		.int({ error: 'should be a whole number.' })
		.min(0, { error: 'should be 0 or more.' })
		.max(100, { error: 'should be 100 or less.' }),
	/** Highest percentage in this band, 0 to 100. */
	max: z
		.number()
		.int({ error: 'should be a whole number.' })
		.min(0, { error: 'should be 0 or more.' })
		.max(100, { error: 'should be 100 or less.' }),
	/** The verdict, e.g. "Partner". */
	verdict: text(60),
	/** What the verdict means, a sentence or two. */
	summary: text(400),
	/** Next steps, each a sentence with an optional link. */
	next: z.array(z.strictObject({ text: text(300), link: link.optional() })).default([]),
});

const section = z.strictObject({
	/** Id that questions name in `section`. */
	id: idField(),
	/** Heading of the section. */
	title: text(120),
	/** How much the section counts against the others (default 1). */
	weight: z.number().positive({ error: 'should be more than 0.' }).default(1),
});

/** Lower-case words joined by hyphens: the default id of an option. */
export const optionId = (label: string) =>
	label
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '') || 'option';

type Ctx = z.RefinementCtx;

function unique(
	ctx: Ctx,
	ids: (string | undefined)[],
	path: (i: number) => PropertyKey[],
	what: string,
	fix = `Give each ${what} its own id.`,
) {
	const seen = new Map<string, number>();
	ids.forEach((id, i) => {
		if (id === undefined) return;
		const first = seen.get(id);
		if (first === undefined) seen.set(id, i);
		else
			ctx.addIssue({
				code: 'custom',
				path: path(i),
				message: `"${id}" is also the id of ${what} ${first + 1}. ${fix}`,
			});
	});
}

/** `content/questionnaires/<id>.yaml`. */
export const questionnaireSchema = z
	.strictObject({
		/** Title of the questionnaire and its page. */
		title: text(120),
		/** One or two sentences for listings, search and the page description. */
		summary: text(280),
		/** Raise it when you change questions or answers: saved assessments are then reconciled and the reader is told. */
		version: z.number().int({ error: 'should be a whole number.' }).positive({ error: 'should be 1 or more.' }),
		/** Sections, in the order they are shown. */
		sections: z.array(section).min(1, { error: 'needs at least one section.' }),
		/** Questions, in the order they are shown. */
		questions: z.array(question).min(1, { error: 'needs at least one question.' }),
		/** Score bands from lowest to highest, covering 0 to 100 with no gap or overlap. */
		bands: z.array(band).min(1, { error: 'needs at least one band.' }),
	})
	.superRefine((q, ctx) => {
		unique(
			ctx,
			q.sections.map((s) => s.id),
			(i) => ['sections', i, 'id'],
			'section',
		);
		unique(
			ctx,
			q.questions.map((s) => s.id),
			(i) => ['questions', i, 'id'],
			'question',
		);
		unique(
			ctx,
			q.bands.map((s) => s.id),
			(i) => ['bands', i, 'id'],
			'band',
		);
		const sections = [...new Set(q.sections.map((s) => s.id))];
		const bands = [...new Set(q.bands.map((b) => b.id))];
		q.questions.forEach((question, i) => {
			if (!sections.includes(question.section)) {
				ctx.addIssue({
					code: 'custom',
					path: ['questions', i, 'section'],
					message: `"${question.section}" is not a section of this questionnaire. Use one of: ${sections.join(', ')}.`,
				});
			}
			if (question.options.length < 2) {
				ctx.addIssue({
					code: 'custom',
					path: ['questions', i, 'options'],
					message: `has ${question.options.length} answer${question.options.length === 1 ? '' : 's'}. Give the question at least two, such as "No" and "Yes".`,
				});
			}
			unique(
				ctx,
				question.options.map((o) => o.id ?? optionId(o.label)),
				(j) => ['questions', i, 'options', j, 'id'],
				'answer',
				'An answer’s id is its label in lower case with hyphens unless it sets id:. Give each answer its own label or id.',
			);
			question.options.forEach((o, j) => {
				if (o.knockout !== undefined && !bands.includes(o.knockout)) {
					ctx.addIssue({
						code: 'custom',
						path: ['questions', i, 'options', j, 'knockout'],
						message: `"${o.knockout}" is not a band of this questionnaire. Use one of: ${bands.join(', ')}.`,
					});
				}
			});
			if (question.showIf) {
				const target = q.questions.findIndex((other) => other.id === question.showIf!.question);
				if (target < 0 || target >= i) {
					ctx.addIssue({
						code: 'custom',
						path: ['questions', i, 'showIf', 'question'],
						message:
							target < 0
								? `"${question.showIf.question}" is not a question of this questionnaire. Name an earlier question's id.`
								: target === i
									? `"${question.showIf.question}" is this question itself. Name a question asked earlier.`
									: `"${question.showIf.question}" is asked after this question. Name a question asked earlier, or move this one after it.`,
					});
				} else {
					const known = q.questions[target]!.options.map((o) => o.id ?? optionId(o.label));
					question.showIf.anyOf.forEach((id, j) => {
						if (!known.includes(id)) {
							ctx.addIssue({
								code: 'custom',
								path: ['questions', i, 'showIf', 'anyOf', j],
								message: `"${id}" is not an answer of question ${question.showIf!.question}. Use one of: ${known.join(', ')}.`,
							});
						}
					});
				}
			}
		});
		checkBands(q.bands, ctx, 100);
	});

/** A questionnaire as the file gives it (option ids may be missing). */
export type QuestionnaireFile = z.output<typeof questionnaireSchema>;

type FileOption = QuestionnaireFile['questions'][number]['options'][number];

/** A questionnaire as the tool reads it: its id (the file name) and every option's id filled in. */
export type QuestionnaireData = Omit<QuestionnaireFile, 'questions'> & {
	questions: (Omit<QuestionnaireFile['questions'][number], 'options'> & { options: (FileOption & { id: string })[] })[];
};

/** The definition the pages and the browser use, from a parsed file. */
export function defineQuestionnaire(id: string, file: QuestionnaireFile): QuestionnaireData & { id: string } {
	return {
		id,
		...file,
		questions: file.questions.map((question) => ({
			...question,
			options: question.options.map((o) => ({ ...o, id: o.id ?? optionId(o.label) })),
		})),
	};
}

/** Values the error messages quote, so that an author can copy one. */
export const questionnaireExamples = {
	title: '"Partner or pen pal?"',
	summary: '"Ten questions to ask before you invest a quarter in a partner."',
	version: '1',
	'sections.title': '"Goals and expectations"',
	'questions.text': '"Have you agreed the partnership level they want to reach?"',
	'questions.type': 'scale',
	'questions.options.label': 'Yes',
	'questions.options.score': '2',
	'bands.verdict': 'Partner',
	'bands.summary': '"Ready to build an activation plan together."',
};

/** Every link a questionnaire holds, with its dotted field path. */
function linksOf(q: QuestionnaireFile): { field: string; href: string }[] {
	const found: { field: string; href: string }[] = [];
	for (const [i, question] of q.questions.entries()) {
		for (const [j, o] of question.options.entries()) {
			for (const [k, l] of (o.advice?.links ?? []).entries())
				found.push({ field: `questions.${i}.options.${j}.advice.links.${k}.href`, href: l.href });
		}
	}
	for (const [i, b] of q.bands.entries()) {
		for (const [j, n] of b.next.entries()) if (n.link) found.push({ field: `bands.${i}.next.${j}.link.href`, href: n.link.href });
	}
	return found;
}

/**
 * Links to pages of this site that do not exist. `paths` holds every page's
 * path (`/playbooks/x/`), base not included.
 */
export function checkLinks(file: string, q: QuestionnaireFile, paths: ReadonlySet<string>): Problem[] {
	return linksOf(q).flatMap(({ field, href }) => {
		if (!href.startsWith('/')) return [];
		const path = href.replace(/[?#].*$/, '');
		const withSlash = path.endsWith('/') || /\.[a-z]+$/i.test(path) ? path : `${path}/`;
		return paths.has(withSlash)
			? []
			: [
					{
						file,
						field,
						message: `"${href}" is not a page of this site. Link to an existing page, such as /playbooks/<slug>/, or fix the typo.`,
					},
				];
	});
}
