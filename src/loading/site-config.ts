import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { authorIds, contentDir, displayPath } from '../lib/content-paths.ts';
import { YAML_FIRST_LINE } from '../lib/frontmatter.ts';
import { frontmatterText } from '../schemas/frontmatter.ts';
import { ContentError, type Problem, zodProblems } from '../schemas/problems.ts';
import { type SiteConfig, siteExamples, siteSchema } from '../schemas/site.ts';

/**
 * The line a YAML error is on, as the author would look for it: the parser
 * reports a missing closing quote where the text ends, so that one is taken
 * back to the line the quoted text opens on.
 */
function errorLine(source: string, error: { message: string; linePos?: [{ line: number }, ...unknown[]] }): number {
	const reported = error.linePos?.[0]?.line ?? 1;
	const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
	if (!quote) return reported;
	const lines = source.split(/\r?\n/);
	for (let i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
		if ((lines[i]!.split(quote).length - 1) % 2 === 1) return i + 1;
	}
	return reported;
}

/**
 * How many times YAML aliases (`*name`) may repeat what they point at,
 * counted as the `yaml` package does (an alias of an alias counts the values
 * it expands to). Content needs a few; each level of an alias bomb multiplies it.
 */
export const MAX_ALIASES = 100;

/**
 * Parses YAML text (a data file, or frontmatter starting at `firstLine`); a
 * syntax error becomes a problem naming the line.
 */
export function parseYaml(source: string, file: string, firstLine = 1): { data?: unknown; problems: Problem[] } {
	const doc = parseDocument(source);
	if (doc.errors.length > 0) {
		return {
			problems: doc.errors.map((e) => ({
				file: displayPath(file),
				field: '',
				message: `is not valid YAML at line ${errorLine(source, e) + firstLine - 1}: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}. Check the indentation, colons and quotes on that line.`,
			})),
		};
	}
	try {
		return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }), problems: [] };
	} catch (error) {
		// Aliases (`*name`) that repeat what they point at, each level times the last,
		// would take minutes and gigabytes to expand: stop on them at once.
		if (!/alias/i.test(String(error))) throw error;
		return {
			problems: [
				{
					file: displayPath(file),
					field: '',
					message: `expands its YAML aliases (*name) into more than ${MAX_ALIASES} copies, which would take the build minutes and gigabytes. Write the values out where they are used, or use fewer aliases.`,
				},
			],
		};
	}
}

/** YAML problems in the text of a data file or in a Markdown file's frontmatter: syntax, and aliases that expand too far. */
export function yamlTextProblems(file: string, source: string): Problem[] {
	if (/\.ya?ml$/.test(file)) return parseYaml(source, file).problems;
	const front = frontmatterText(source);
	return front === undefined ? [] : parseYaml(front, file, YAML_FIRST_LINE).problems;
}

/** YAML syntax problems in a data file or in a Markdown file's frontmatter. */
export function yamlSyntaxProblems(file: string): Problem[] {
	return yamlTextProblems(file, readFileSync(file, 'utf8'));
}

/**
 * Reads and checks `content/site.yaml`. Throws a {@link ContentError} listing
 * every problem, including a `defaultAuthor` with no author file.
 */
export function loadSiteConfig(dir: string = contentDir()): SiteConfig {
	const file = join(dir, 'site.yaml');
	const shown = displayPath(file);
	if (!existsSync(file)) {
		throw new ContentError([
			{
				file: shown,
				field: '',
				message: 'is missing. Create it with at least title, description, url, newsletter and defaultAuthor.',
			},
		]);
	}
	const { data, problems } = parseYaml(readFileSync(file, 'utf8'), file);
	if (problems.length > 0) throw new ContentError(problems);
	const parsed = siteSchema.safeParse(data ?? {}, { reportInput: true });
	if (!parsed.success) {
		throw new ContentError(zodProblems(shown, parsed.error, siteSchema, siteExamples));
	}
	const authors = authorIds(dir);
	if (!authors.includes(parsed.data.defaultAuthor)) {
		throw new ContentError([
			{
				file: shown,
				field: 'defaultAuthor',
				message: `"${parsed.data.defaultAuthor}" has no file in ${displayPath(join(dir, 'authors'))}/. ${authors.length ? `Use one of: ${authors.join(', ')}, or add` : 'Add'} ${parsed.data.defaultAuthor}.yaml there.`,
			},
		]);
	}
	return parsed.data;
}
