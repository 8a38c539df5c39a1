import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/**
 * The frontmatter reader every part of Pactbook uses: the content loader, the
 * article measures, the read time and `npm run new:issue`. It finds the YAML
 * between a Markdown file's `---` lines (with a byte-order mark, Windows line
 * ends and spaces after `---` allowed) and reads it with the `yaml` package.
 */

/** An opening `---` line, the YAML (none when the lines touch), and the closing `---` line. */
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** The line of the file on which the YAML of a frontmatter starts: the one after the opening `---`. */
export const YAML_FIRST_LINE = 2;

/** A Markdown source split at its frontmatter. */
export interface Frontmatter {
	/** The YAML between the `---` lines; undefined when the source has no closed frontmatter. */
	yaml: string | undefined;
	/** What follows the closing `---` line; the whole source when there is no frontmatter. */
	body: string;
	/** Whether the source opens frontmatter (`---` on its first line) and never closes it (`---` or `...`). */
	unclosed: boolean;
}

/** Splits a Markdown or MDX source into its frontmatter's YAML and the body after it. */
export function splitFrontmatter(source: string): Frontmatter {
	const match = FRONTMATTER.exec(source);
	if (match) return { yaml: match[1] ?? '', body: source.slice(match[0].length), unclosed: false };
	const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
	const unclosed = lines[0]?.trim() === '---' && !lines.slice(1).some((line) => /^(---|\.\.\.)\s*$/.test(line));
	return { yaml: undefined, body: source, unclosed };
}

/** A top-level field of a frontmatter whose value is a single value (not a list or a map), as written. */
export interface WrittenField {
	key: string;
	/** The value as the author wrote it, without quotes: `2026-02-30` stays text, as the YAML does not roll it over. */
	value: string;
	/** The line of the file the value is on. */
	line: number;
}

/**
 * The top-level fields named in `keys` whose values are single values, in
 * the order written, read from the parsed YAML document with each value's
 * line (counted from `firstLine`, the file's line on which the YAML starts).
 */
export function writtenFields(yaml: string, keys: readonly string[], firstLine = YAML_FIRST_LINE): WrittenField[] {
	const lines = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter: lines });
	if (!isMap(doc.contents)) return [];
	const found: WrittenField[] = [];
	for (const { key, value } of doc.contents.items) {
		if (!isScalar(key) || !isScalar(value) || !keys.includes(String(key.value))) continue;
		const written = value.source ?? String(value.value);
		const line = value.range ? lines.linePos(value.range[0]).line + firstLine - 1 : firstLine;
		found.push({ key: String(key.value), value: written, line });
	}
	return found;
}

/**
 * The fields of a source's frontmatter as plain values (`{}` when it has none,
 * or its YAML is not a map of fields). YAML with mistakes gives the fields
 * that can still be read; the build reports the mistakes.
 */
export function frontmatterData(source: string): Record<string, unknown> {
	const { yaml } = splitFrontmatter(source);
	if (!yaml) return {};
	try {
		const data: unknown = parseDocument(yaml).toJS({ maxAliasCount: 100 });
		return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}
