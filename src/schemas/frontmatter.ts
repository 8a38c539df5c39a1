import { impossibleDates } from './fields.ts';
import type { Examples, Problem } from './problems.ts';

/**
 * Whether a Markdown source opens frontmatter (`---` on its first line) and
 * never closes it, so that none of its fields reach the page.
 */
export function unclosedFrontmatter(source: string): boolean {
	const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
	return lines[0]?.trim() === '---' && !lines.slice(1).some((line) => /^(---|\.\.\.)\s*$/.test(line));
}

/**
 * What is wrong with an article's frontmatter as written, which the parsed
 * fields no longer show: frontmatter never closed, dates that name no day.
 * `fields` lists the fields these problems cover, so that the schema's own
 * messages about them (a required field "missing") are left out.
 */
export function writtenProblems(
	file: string,
	source: string,
	examples: Examples = {},
): { problems: Problem[]; fields: Set<string> | 'all' } {
	if (unclosedFrontmatter(source)) {
		return {
			problems: [
				{
					file,
					field: 'frontmatter',
					message:
						'opens with --- on line 1 but is never closed, so none of its fields are read. Add a line with only --- after the last field.',
				},
			],
			fields: 'all',
		};
	}
	const dates = impossibleDates(source);
	return {
		problems: dates.map(({ field, value, reason }) => ({
			file,
			field,
			message: `${value} is not a day on the calendar (${reason}). For example: ${field}: ${examples[field] ?? '2026-10-05'}`,
		})),
		fields: new Set(dates.map((date) => date.field)),
	};
}
