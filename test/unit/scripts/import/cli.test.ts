import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { progressBar, progressLine } from '../../../../scripts/lib/import/progress.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const FIXTURES = join(ROOT, 'test/fixtures');
const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function content(): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'pb-import-cli-')), 'content');
	dirs.push(join(dir, '..'));
	mkdirSync(dir);
	cpSync(join(FIXTURES, 'good/content/site.yaml'), join(dir, 'site.yaml'));
	cpSync(join(FIXTURES, 'good/content/authors'), join(dir, 'authors'), { recursive: true });
	return dir;
}

/** Runs the command as `npm run import --` does, with output to a pipe (not a terminal). */
function run(contentDir: string, ...args: string[]) {
	const result = spawnSync(
		process.execPath,
		['--experimental-strip-types', '--disable-warning=ExperimentalWarning', join(ROOT, 'scripts/import.mjs'), ...args],
		{ cwd: ROOT, env: { ...process.env, PACTBOOK_CONTENT: contentDir }, encoding: 'utf8' },
	);
	return { code: result.status, out: result.stdout, err: result.stderr };
}

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('npm run import', () => {
	test('imports into PACTBOOK_CONTENT, prints the report and writes it beside the content; a second run writes nothing', () => {
		const dir = content();
		const first = run(dir, 'test/fixtures/import-wordpress/export');
		expect(first.err).toBe('');
		expect(first.code).toBe(0);
		expect(first.out).toContain('- 3 issues written (1 as drafts)');
		expect(first.out).toContain('The full report is in');
		// Output to a pipe carries no progress bar.
		expect(first.out).not.toContain('\r');
		const report = readFileSync(join(dir, 'import-report.md'), 'utf8');
		expect(report).toContain('# Import report');
		expect(report).toContain('- issues/002-mapping-territories.md');
		const before = files(dir);
		const second = run(dir, 'test/fixtures/import-wordpress/export');
		expect(second.code).toBe(0);
		expect(second.out).toContain('Nothing new to import: every post of this export was imported before. Nothing was written.');
		expect(files(dir)).toEqual(before);
	});

	test('--dry-run writes nothing', () => {
		const dir = content();
		const before = files(dir);
		const result = run(dir, 'test/fixtures/import-ghost/export', '--dry-run', '--as', 'playbooks', '--tag', 'Ghost');
		expect(result.code).toBe(0);
		expect(result.out).toContain('# Import report (dry run: nothing was written)');
		expect(result.out).toContain('- playbooks/partner-tiers.md');
		expect(files(dir)).toEqual(before);
	});

	test('wrong options and a broken export are clear errors that write nothing', () => {
		const dir = content();
		const before = files(dir);
		expect(run(dir).err).toContain('Give the export to import.');
		expect(run(dir, 'x', '--as', 'pages')).toMatchObject({
			code: 2,
			err: expect.stringContaining('--as takes issues or playbooks, not "pages".'),
		});
		expect(run(dir, 'x', '--start-number', 'ten')).toMatchObject({
			code: 2,
			err: expect.stringContaining('--start-number takes a whole number'),
		});
		expect(run(dir, 'x', '--bogus').code).toBe(2);
		expect(run(dir, 'no/such/export')).toMatchObject({
			code: 1,
			err: 'no/such/export does not exist. Give the path of the export: a .zip, a folder, a .json or an .xml file.\n',
		});
		expect(files(dir)).toEqual(before);
	});
});

describe('progress bar', () => {
	test('a line with the share done', () => {
		expect(progressLine(5, 10, 'Converting posts', 10)).toBe('Converting posts [#####.....] 5/10');
		expect(progressLine(0, 0, 'x', 4)).toBe('x [####] 0/0');
	});

	test('drawn on a terminal for large work, once per percent, and cleared', () => {
		const written: string[] = [];
		const bar = progressBar({ isTTY: true, write: (text: string) => written.push(text) });
		for (let i = 0; i <= 500; i++) bar.update(i, 500, 'Converting posts');
		bar.done();
		expect(written.length).toBe(102);
		expect(written[0]).toBe('\r\x1b[2KConverting posts [..............................] 0/500');
		expect(written.at(-2)).toContain('500/500');
		expect(written.at(-1)).toBe('\r\x1b[2K');
	});

	test('nothing when output is not a terminal, or the work is small', () => {
		const written: string[] = [];
		const piped = progressBar({ isTTY: false, write: (text: string) => written.push(text) });
		piped.update(1, 500, 'x');
		piped.done();
		const small = progressBar({ isTTY: true, write: (text: string) => written.push(text) });
		small.update(1, 5, 'x');
		small.done();
		expect(written).toEqual([]);
	});
});
