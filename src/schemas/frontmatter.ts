import { splitFrontmatter, writtenFields } from '../lib/frontmatter.ts';
import { DATE_FIELDS, notACalendarDay } from './fields.ts';
import type { Examples, Problem } from './problems.ts';

/** The YAML between a Markdown source's opening and closing `---` lines, if it has both. */
export function frontmatterText(source: string): string | undefined {
	return splitFrontmatter(source).yaml;
}

/** A date as written at the start of a value: `2026-02-30`, also in `2026-02-30T09:00:00Z`. */
const WRITTEN_DATE = /^(\d{4}-\d{1,2}-\d{1,2})(?!\d)/;

/** The impossible dates of a frontmatter's YAML, read from the parsed document. */
function yamlImpossibleDates(yaml: string): { field: string; value: string; reason: string }[] {
	// Only YAML with something date-like that is no day on the calendar is parsed:
	// that is what an impossible date looks like wherever it is written.
	const suspect = [...yaml.matchAll(/\d{4}-\d{1,2}-\d{1,2}(?!\d)/g)].some(([text]) => notACalendarDay(text));
	if (!suspect) return [];
	return writtenFields(yaml, DATE_FIELDS).flatMap(({ key, value: written }) => {
		const value = WRITTEN_DATE.exec(written)?.[1];
		const reason = value === undefined ? undefined : notACalendarDay(value);
		return value !== undefined && reason ? [{ field: key, value, reason }] : [];
	});
}

/**
 * Date fields in a file's frontmatter, as written (`date: 2026-02-30`, quoted
 * or not), that name no day on the calendar, with the reason.
 */
export function impossibleDates(source: string): { field: string; value: string; reason: string }[] {
	const { yaml } = splitFrontmatter(source);
	return yaml ? yamlImpossibleDates(yaml) : [];
}

/**
 * Whether a Markdown source opens frontmatter (`---` on its first line) and
 * never closes it, so that none of its fields reach the page.
 */
export function unclosedFrontmatter(source: string): boolean {
	return splitFrontmatter(source).unclosed;
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
	const { yaml, unclosed } = splitFrontmatter(source);
	if (unclosed) {
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
	if (yaml === undefined) {
		const toml = /^\uFEFF?\+\+\+[ \t]*\r?\n/.test(source);
		const title = examples.title ?? '"A title"';
		return {
			problems: [
				{
					file,
					field: 'frontmatter',
					message: toml
						? `is written in TOML between +++ lines, which Pactbook does not read. Write the fields as YAML between two lines of --- (for example title: ${title}), or bring the file in with npm run import.`
						: `is missing, so none of the file's fields are read. Start the file with a line of ---, then its fields (for example title: ${title}), then another line of ---.`,
				},
			],
			fields: 'all',
		};
	}
	const dates = yaml ? yamlImpossibleDates(yaml) : [];
	return {
		problems: dates.map(({ field, value, reason }) => ({
			file,
			field,
			message: `${value} is not a day on the calendar (${reason}). For example: ${field}: ${examples[field] ?? '2026-10-05'}`,
		})),
		fields: new Set(dates.map((date) => date.field)),
	};
}
