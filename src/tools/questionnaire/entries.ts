import { entriesOf } from '../../data/collection.ts';
import type { ToolEntry } from '../entries.ts';
import { defineQuestionnaire } from './schema.ts';

/** Every questionnaire, by title, each with its page at `/tools/<id>/`. */
export async function entries(): Promise<ToolEntry[]> {
	const all = await entriesOf('questionnaires');
	return all
		.map((entry) => defineQuestionnaire(entry.id, entry.data))
		.sort((a, b) => a.title.localeCompare(b.title))
		.map((definition) => ({
			title: definition.title,
			summary: definition.summary,
			href: `/tools/${definition.id}/`,
			page: { slug: definition.id, props: { definition } },
		}));
}

/** The definition of one questionnaire, or `undefined` when no file has this id. */
export async function questionnaireById(id: string) {
	const entry = (await entriesOf('questionnaires')).find((e) => e.id === id);
	return entry ? defineQuestionnaire(entry.id, entry.data) : undefined;
}
