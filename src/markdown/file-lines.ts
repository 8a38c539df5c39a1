import { readFileSync } from 'node:fs';
import { bodyLineOffset } from '../lib/blocks.ts';

/**
 * Turns a line the parser reports into the line an editor shows. The parser
 * counts from the top of the body it is given, an editor from the top of the
 * file, frontmatter included; the file at `path` is read only when a line is
 * first asked for, as that happens only when there is a problem to report.
 */
export function fileLines(path: string | undefined, source: string): (line: number) => number {
	let offset: number | undefined;
	return (line) => {
		offset ??= path ? bodyLineOffset(readFileSync(path, 'utf8'), source) : 0;
		return line + offset;
	};
}
