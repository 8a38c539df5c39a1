import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { scaffold } from '../../scripts/lib/scaffold.mjs';
import { buildSite } from '../helpers/build.ts';

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
});
