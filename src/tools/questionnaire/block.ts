/**
 * The `:::questionnaire{id="…"}` Markdown block: reads the questionnaire's
 * file from the content folder and renders the same HTML as the
 * `<Questionnaire id="…"/>` MDX component. Build time only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../../integrations/paths.ts';
import { closest } from '../../schemas/problems.ts';
import type { BlockContext, BlockRender } from '../index.ts';
import { renderQuestionnaire } from './render.ts';
import { defineQuestionnaire, questionnaireSchema } from './schema.ts';

/** Ids of the questionnaires in the content folder (their file names). */
export function questionnaireIds(dir = contentDir()): string[] {
	const folder = join(dir, 'questionnaires');
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((name) => /^[^_].*\.ya?ml$/.test(name))
		.map((name) => name.replace(/\.ya?ml$/, ''))
		.sort();
}

/** Renders the block from its attributes, or says what to fix. */
export function renderBlock(attributes: Record<string, string | null | undefined>, { link }: BlockContext): BlockRender {
	const extra = Object.keys(attributes).filter((key) => key !== 'id');
	if (extra.length)
		return {
			ok: false,
			message: `${extra[0]} is not an attribute of this block. It takes id, as in :::questionnaire{id="partner-or-pen-pal"}.`,
		};
	const ids = questionnaireIds();
	const id = attributes.id?.trim();
	if (!id)
		return {
			ok: false,
			message: `needs id="…", the file name of a questionnaire in content/questionnaires/ without .yaml${ids.length ? ` (one of: ${ids.join(', ')})` : ''}.`,
		};
	if (!ids.includes(id))
		return {
			ok: false,
			message: `"${id}" is not a questionnaire. ${closest(id, ids) ? `Did you mean ${closest(id, ids)}? ` : ''}${ids.length ? `Use one of: ${ids.join(', ')}` : `Add content/questionnaires/${id}.yaml`}.`,
		};
	const folder = join(contentDir(), 'questionnaires');
	const file = existsSync(join(folder, `${id}.yaml`)) ? join(folder, `${id}.yaml`) : join(folder, `${id}.yml`);
	const parsed = questionnaireSchema.safeParse(parse(readFileSync(file, 'utf8')));
	// A broken questionnaire is reported by its own collection, with every problem; the block just waits for it.
	if (!parsed.success) return { ok: true, html: '' };
	return {
		ok: true,
		html: renderQuestionnaire(defineQuestionnaire(id, parsed.data), { level: 3, link, page: link(`/tools/${id}/`) }),
	};
}

export const QUESTIONNAIRE_BLOCK = { name: 'questionnaire', render: renderBlock };
