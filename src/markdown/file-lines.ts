import { readFileSync } from 'node:fs';
import { bodyLineOffset } from '../lib/blocks.ts';

/**
 * How a problem names the lines it is on: ` (line 10)`, ` (line 10, 11)`.
 * The parser counts lines from the top of the body it is given, an editor
 * from the top of the file, frontmatter included; the file at `path` is read
 * only when lines are first asked for, as that happens only when there is a
 * problem to report. Lines are left out, rather than given wrong, when the
 * parser gave none for one of them or the file can no longer be read (saved
 * under another name in `astro dev`).
 */
export function fileLines(path: string | undefined, source: string): (lines: readonly (number | undefined)[]) => string {
	let offset: number | null | undefined;
	return (lines) => {
		if (offset === undefined) {
			try {
				offset = path ? bodyLineOffset(readFileSync(path, 'utf8'), source) : 0;
			} catch {
				offset = null;
			}
		}
		const shift = offset;
		if (shift === null || !lines.length || lines.some((line) => line === undefined)) return '';
		return ` (line ${lines.map((line) => line! + shift).join(', ')})`;
	};
}
