/**
 * The `:::questionnaire{id="…"}` Markdown block: reads the questionnaire's
 * file from the content folder and renders the same HTML as the
 * `<Questionnaire id="…"/>` MDX component. Build time only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../../lib/content-paths.ts';
import { closest } from '../../schemas/problems.ts';
import type { BlockContext, BlockRender } from '../index.ts';
import { digestOf, renderQuestionnaire } from './render.ts';
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
	const definition = readDefinition(id);
	// A broken questionnaire is reported by its own collection, with every problem; the block just waits for it.
	if (!definition) return { ok: true, html: '' };
	return { ok: true, html: renderQuestionnaire(definition, { level: 3, link, page: link(`/tools/${id}/`) }) };
}

/** A questionnaire's definition read from its file, or `undefined` when the file is missing or broken. */
function readDefinition(id: string) {
	const folder = join(contentDir(), 'questionnaires');
	const file = [join(folder, `${id}.yaml`), join(folder, `${id}.yml`)].find((f) => existsSync(f));
	if (!file) return undefined;
	try {
		const parsed = questionnaireSchema.safeParse(parse(readFileSync(file, 'utf8')));
		return parsed.success ? defineQuestionnaire(id, parsed.data) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Whether an article's cached HTML embeds a questionnaire as it no longer is
 * (its file changed, broke or went away): Markdown is rendered while content
 * loads and kept between builds, so such an article must be rendered again.
 */
export function staleEmbeds(html: string): boolean {
	if (!html.includes('<pb-questionnaire')) return false;
	for (const [, id, digest] of html.matchAll(/<pb-questionnaire [^>]*data-id="([^"]*)" data-digest="([^"]*)"/g)) {
		const definition = readDefinition(id!);
		if (!definition || digestOf(definition) !== digest) return true;
	}
	return false;
}

export const QUESTIONNAIRE_BLOCK = { name: 'questionnaire', render: renderBlock, stale: staleEmbeds };
