/** A goal template as the builder uses it, and the micro goal it fills in. Pure: runs in the browser. */
import { addDays, blankMicro, type MicroGoal, newId } from './model.ts';

/** What the builder receives of each `content/goal-templates/<id>.yaml`. */
export interface GoalTemplate {
	id: string;
	title: string;
	summary: string;
	action: string;
	measure: string;
	target: number;
	dueInDays: number;
	owner: string;
	notes: string;
	tactics: { what: string; expected: string }[];
}

/** The words a template's action may contain, replaced when the template is used. */
export const PLACEHOLDERS = ['partner'] as const;

/** Fills `{partner}` in a template's text. */
export function fill(text: string, partner: string): string {
	return text.replace(/\{partner\}/g, () => partner);
}

/** The micro goal a template adds: its action, measure and target, due `dueInDays` after `today`. */
export function fromTemplate(template: GoalTemplate, partner: string, today: string): MicroGoal {
	return blankMicro({
		action: fill(template.action, partner),
		owner: template.owner,
		due: addDays(today, template.dueInDays),
		measure: template.measure,
		measureTarget: template.target,
		measureActual: 0,
		notes: fill(template.notes, partner),
		source: `template:${template.id}`,
		tactics: template.tactics.map((t) => ({
			id: newId('t'),
			what: fill(t.what, partner),
			expected: fill(t.expected, partner),
			when: '',
			happened: '',
			verdict: '',
			lesson: '',
		})),
	});
}
