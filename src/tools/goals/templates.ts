/** The goal templates from `content/goal-templates/`, in the order the builder lists them (build time). */
import { entriesOf } from '../../data/collection.ts';
import type { GoalTemplate } from './template.ts';

export async function goalTemplates(): Promise<GoalTemplate[]> {
	const entries = await entriesOf('goalTemplates');
	return entries
		.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title))
		.map(({ id, data }) => ({
			id,
			title: data.title,
			summary: data.summary,
			action: data.action,
			measure: data.measure,
			target: data.target,
			dueInDays: data.dueInDays,
			owner: data.owner ?? '',
			notes: data.notes ?? '',
			tactics: data.tactics,
		}));
}

/** JSON that is safe inside a `<script>` element: no `</script>` or `<!--` can close it early. */
export function scriptJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}
