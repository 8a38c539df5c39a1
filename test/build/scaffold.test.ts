import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { scaffold } from '../../scripts/lib/scaffold.mjs';
import { buildSite, readPage } from '../helpers/build.ts';

const dirs: string[] = [];
function contentCopy(): string {
	const dir = mkdtempSync(join(tmpdir(), 'pb-scaffold-'));
	dirs.push(dir);
	cpSync(join(import.meta.dirname, '../fixtures/good/content'), dir, { recursive: true });
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const today = new Date(2026, 10, 23, 9, 30);

describe('new:issue and new:playbook', () => {
	test('the new drafts build, held back from the published site', async () => {
		const dir = contentCopy();
		scaffold('issue', 'Fresh draft', { contentDir: dir, today });
		scaffold('playbook', 'Fresh guide', { contentDir: dir, today });
		const result = await buildSite(dir, { out: 'scaffolded' });
		expect(result.code, result.output).toBe(0);
		expect(result.output).toMatch(
			/Held back 2 of 8 issues[^\n]*\n[^\n]*07-draft\.mdx \(draft\)\n[^\n]*100-fresh-draft\.md \(draft\)/,
		);
		expect(result.output).toMatch(/Held back 1 of 3 playbooks[^\n]*\n[^\n]*fresh-guide\.md \(draft\)/);
	});

	test('drafts with titles of other scripts or emoji build, and a title of 120 decomposed accents is 120 characters', async () => {
		const dir = contentCopy();
		for (const title of ['Партнёры и друзья', '日本語のタイトル', '🚀🚀']) scaffold('issue', title, { contentDir: dir, today });
		const title = 'e\u0301'.repeat(120);
		writeFileSync(
			join(dir, 'issues', '103-accents.md'),
			`---\nnumber: 103\ntitle: "${title}"\ndate: 2026-03-01\nsummary: "Decomposed ${'e\u0301'}."\n---\n\nText.\n`,
		);
		const result = await buildSite(dir, { out: 'scaffolded-scripts' });
		expect(result.code, result.output).toBe(0);
		expect(result.output).toMatch(/100-issue\.md \(draft\)\n[^\n]*101-issue\.md \(draft\)\n[^\n]*102-issue\.md \(draft\)/);
		// Kept and shown composed, as it was measured.
		const page = readPage(result.dist, '/issues/103-accents/');
		expect(page).toContain(`<h1`);
		expect(page).toContain('é'.repeat(120));
		expect(page).not.toContain('e\u0301');
		expect(readFileSync(join(result.dist, 'feed.xml'), 'utf8')).toContain('é'.repeat(120));
	});
});
