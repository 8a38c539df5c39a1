import { DATE_FIELDS, notACalendarDay } from './fields.ts';
import type { Examples, Problem } from './problems.ts';

/** The YAML between a Markdown source's opening and closing `---` lines, if it has both. */
export function frontmatterText(source: string): string | undefined {
	return /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source)?.[1];
}

/**
 * Date fields in a file's frontmatter, as written (`date: 2026-02-30`, quoted
 * or not), that name no day on the calendar, with the reason.
 */
export function impossibleDates(source: string): { field: string; value: string; reason: string }[] {
	const front = frontmatterText(source);
	if (!front) return [];
	const found: { field: string; value: string; reason: string }[] = [];
	for (const match of front.matchAll(/^([a-z]+):[ \t]*["']?(\d{4}-\d{1,2}-\d{1,2})(?!\d)/gm)) {
		const [, field, value] = match as unknown as [string, string, string];
		if (!(DATE_FIELDS as readonly string[]).includes(field)) continue;
		const reason = notACalendarDay(value);
		if (reason) found.push({ field, value, reason });
	}
	return found;
}

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
