import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateExport } from '../../../../scripts/generate-export.mjs';
import { renderReport } from '../../../../scripts/lib/import/report.ts';
import { articleProblems, runImport } from '../../../../scripts/lib/import/run.ts';
import { tagSlug } from '../../../../src/lib/urls.ts';

const work = mkdtempSync(join(tmpdir(), 'pb-generated-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(['substack', 'ghost', 'wordpress'] as const)('a generated %s export of 60 posts', (format) => {
	test('imports every post, each valid, with unique slugs, numbers and tag addresses', async () => {
		const source = generateExport({ posts: 60, seed: 3, format, out: join(work, format, 'export') });
		const contentDir = join(work, format, 'content');
		mkdirSync(contentDir, { recursive: true });
		cpSync(join(import.meta.dirname, '../../../fixtures/good/content/site.yaml'), join(contentDir, 'site.yaml'));
		const result = await runImport(source, { contentDir, today: new Date(2026, 10, 23) });
		const issues = result.written.filter((w) => w.kind === 'issue');
		expect(issues).toHaveLength(60);
		expect(result.skipped).toEqual([]);
		const data = issues.map(({ path }) => {
			const text = readFileSync(join(contentDir, path), 'utf8');
			expect(articleProblems(path, text, 'issues'), path).toEqual([]);
			return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
		});
		expect(new Set(data.map((d) => d.slug)).size).toBe(60);
		expect(data.map((d) => d.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
		const tags = [...new Set(data.flatMap((d) => d.tags))];
		expect(new Set(tags.map(tagSlug)).size).toBe(tags.length);
		// The printed report stays short however large the export.
		const printed = renderReport(result, { limit: 20 });
		expect(printed.split('\n').length).toBeLessThan(120);
	});
});
