import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { afterAll, describe, expect, test } from 'vitest';
import { taskLists } from '../../../src/markdown/task-lists.ts';

const folder = mkdtempSync(join(tmpdir(), 'pb-task-lists-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Renders `body` as the build does: the file holds frontmatter and the body, the parser is given the body alone. */
async function renderFile(name: string, frontmatter: string, body: string, eol = '\n') {
	const path = join(folder, name);
	writeFileSync(path, `${frontmatter}\n\n${body}`.replace(/\n/g, eol));
	const source = body.replace(/\n/g, eol);
	return markdownToHtml(source, { features: { gfm: true }, fileURL: pathToFileURL(path), hastPlugins: [taskLists(folder)] });
}

const frontmatter = '---\ntitle: Repeated\nsummary: Two items that claim one id.\n---';
const body = '## Review\n\n- [ ] Review the pipeline {#review}\n- [ ] Check the plan\n- [ ] Review the joint plan {#review}\n';

describe('task lists', () => {
	test('a repeated {#id} names the lines of the items that carry it, counted from the top of the file', async () => {
		await expect(renderFile('repeated.md', frontmatter, body)).rejects.toThrow(
			'repeated.md: {#review} (line 8, 10): is written on more than one item of the list under “Review”',
		);
	});
	test('the same lines with Windows line ends, and with the old Mac ones', async () => {
		await expect(renderFile('crlf.md', frontmatter, body, '\r\n')).rejects.toThrow('crlf.md: {#review} (line 8, 10): ');
		await expect(renderFile('cr.md', frontmatter, body, '\r')).rejects.toThrow('cr.md: {#review} (line 8, 10): ');
	});
	test('the lines of items of a list inside another list, and in a file with no frontmatter', async () => {
		const nested = '## Review\n\n- Before the call:\n\n  - [ ] One {#a}\n  - [ ] Two\n    over two lines {#a}\n';
		await expect(renderFile('nested.md', frontmatter, nested)).rejects.toThrow('nested.md: {#a} (line 10, 11): ');
		const path = join(folder, 'plain.md');
		writeFileSync(path, body);
		const render = async () =>
			markdownToHtml(body, { features: { gfm: true }, fileURL: pathToFileURL(path), hastPlugins: [taskLists(folder)] });
		await expect(render()).rejects.toThrow('plain.md: {#review} (line 3, 5): ');
	});
	test('each repeated id of a list further down the page gets its own lines', async () => {
		const more = `Intro.\n\n## Review\n\n- [ ] One {#a}\n- [ ] Two {#b}\n\n## Later\n\n- [ ] One {#a}\n- [ ] Two {#b}\n- [ ] Three {#a}\n- [ ] Four {#b}\n`;
		const error = await renderFile('two.md', frontmatter, more).then(
			() => undefined,
			(e: Error) => e.message,
		);
		expect(error).toContain('two.md: {#a} (line 15, 17): is written on more than one item of the list under “Later”');
		expect(error).toContain('two.md: {#b} (line 16, 18): ');
	});
	test('lists without repeated ids render as checklists', async () => {
		const { html } = await renderFile('fine.md', frontmatter, '## Review\n\n- [ ] One {#a}\n- [x] Two\n');
		expect(html).toContain('<pb-checklist');
		expect(html).toContain('data-id="a"');
	});
});
