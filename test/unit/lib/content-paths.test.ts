import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { hasCollectionFiles } from '../../../src/lib/content-paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'pb-content-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (path: string, text = 'x') => {
	mkdirSync(join(dir, path, '..'), { recursive: true });
	writeFileSync(join(dir, path), text);
};

describe('whether a collection has files', () => {
	test('a file the collection reads, at any depth its pattern allows, counts', () => {
		write('issues/2026/q1/001-first.md');
		write('questionnaires/fit.yml');
		expect(hasCollectionFiles('issues', dir)).toBe(true);
		expect(hasCollectionFiles('questionnaires', dir)).toBe(true);
	});
	test('a missing folder, an empty one, and files the collection leaves out do not', () => {
		write('playbooks/_draft-ideas.md');
		write('playbooks/notes.txt');
		mkdirSync(join(dir, 'pages'), { recursive: true });
		write('authors/nested/ana.yaml');
		write('goal-templates/deal.json');
		for (const name of ['playbooks', 'pages', 'authors', 'goalTemplates'] as const)
			expect(hasCollectionFiles(name, dir)).toBe(false);
		rmSync(join(dir, 'questionnaires'), { recursive: true });
		expect(hasCollectionFiles('questionnaires', dir)).toBe(false);
	});
});
