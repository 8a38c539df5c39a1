import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fileLines } from '../../../src/markdown/file-lines.ts';

const folder = mkdtempSync(join(tmpdir(), 'pb-file-lines-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('file lines', () => {
	test('count from the top of the file, frontmatter and the blank lines after it included, with any line ends', () => {
		for (const eol of ['\n', '\r\n', '\r']) {
			const path = join(folder, `eol-${eol.length}-${eol.charCodeAt(0)}.md`);
			writeFileSync(path, `---${eol}title: T${eol}---${eol}${eol}${eol}Body.${eol}${eol}More.${eol}`);
			const lines = fileLines(path, `Body.${eol}${eol}More.${eol}`);
			expect(lines([1]), JSON.stringify(eol)).toBe(' (line 6)');
			expect(lines([1, 3])).toBe(' (line 6, 8)');
		}
	});
	test('are the parser’s own lines for a source with no file, or a file with no frontmatter', () => {
		expect(fileLines(undefined, 'Body.')([4, 5])).toBe(' (line 4, 5)');
		const path = join(folder, 'plain.md');
		writeFileSync(path, 'Body.\n\nMore.\n');
		expect(fileLines(path, 'Body.\n\nMore.\n')([3])).toBe(' (line 3)');
	});
	test('are left out, not given wrong, when one is unknown or the file can no longer be read', () => {
		const path = join(folder, 'kept.md');
		writeFileSync(path, '---\ntitle: T\n---\n\nBody.\n');
		expect(fileLines(path, 'Body.\n')([1, undefined])).toBe('');
		expect(fileLines(path, 'Body.\n')([])).toBe('');
		expect(fileLines(join(folder, 'renamed.md'), 'Body.\n')([1])).toBe('');
	});
	test('read the file once, when lines are first asked for', () => {
		const path = join(folder, 'late.md');
		const lines = fileLines(path, 'Body.\n');
		// Written after the lines were set up but before they were asked for: read then.
		writeFileSync(path, '---\ntitle: T\n---\n\nBody.\n');
		expect(lines([1])).toBe(' (line 5)');
		writeFileSync(path, 'Body.\n');
		expect(lines([1])).toBe(' (line 5)');
	});
});
