import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate } from '../../../scripts/generate-content.mjs';

/** Every article file of a generated folder, by path, with its text. */
function read(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	for (const folder of ['issues', 'playbooks'])
		for (const name of readdirSync(join(dir, folder)).sort())
			files.set(`${folder}/${name}`, readFileSync(join(dir, folder, name), 'utf8'));
	return files;
}

/** The words of an article without the block or component syntax around them. */
const words = (text: string) =>
	text
		.replace(/<InTheWild ([^>]*)>|:::wild\{([^}]*)\}/g, '$1$2')
		.replace(/<\/InTheWild>|<\/?Callout[^>]*>|:::tip|:::/g, '')
		.replace(/\s+/g, ' ')
		.trim();

describe('content generator', () => {
	const out = (name: string) => join(mkdtempSync(join(tmpdir(), 'pactbook-gen-')), name);

	test('the same seed writes the same files; another seed does not', () => {
		const [a, b, c] = [out('a'), out('b'), out('c')];
		expect(generate({ count: 30, seed: 7, out: a })).toEqual({ issues: 21, playbooks: 9 });
		generate({ count: 30, seed: 7, out: b });
		generate({ count: 30, seed: 8, out: c });
		expect(read(b)).toEqual(read(a));
		expect([...read(c).values()]).not.toEqual([...read(a).values()]);
	});

	test('Markdown and MDX editions hold the same words, in blocks and in components', () => {
		const [md, mdx] = [out('md'), out('mdx')];
		generate({ count: 30, seed: 3, out: md });
		generate({ count: 30, seed: 3, out: mdx, format: 'mdx' });
		const plain = [...read(md)];
		const components = [...read(mdx)];
		expect(plain.map(([file]) => file.replace(/\.md$/, '.mdx'))).toEqual(components.map(([file]) => file));
		expect(plain.map(([, text]) => words(text))).toEqual(components.map(([, text]) => words(text)));
		const issue = plain.find(([file]) => file.startsWith('issues/'))![1];
		expect(issue).toMatch(/^:::wild\{source="[^"]+" lesson="[^"]+"\}$/m);
		expect(plain.some(([, text]) => /^:::tip$/m.test(text))).toBe(true);
		expect(plain.every(([, text]) => !/<[A-Z]/.test(text))).toBe(true);
	});

	test('articles have 800 to 1,200 words, headings, a table and links to each other', () => {
		const dir = out('shape');
		generate({ count: 20, seed: 1, out: dir });
		const files = read(dir);
		const linking = [...files.values()].filter((text) => /\]\(\/(issues|playbooks)\/[^)]+\/\)/.test(text));
		expect(linking.length).toBeGreaterThanOrEqual(files.size * 0.8);
		for (const [file, text] of files) {
			const body = text.replace(/^---[\s\S]*?---/, '');
			const count = body
				.replace(/\]\([^)]*\)/g, ']')
				.split(/\s+/)
				.filter((w) => /\w/.test(w)).length;
			expect(count, file).toBeGreaterThanOrEqual(750);
			expect(count, file).toBeLessThanOrEqual(1_300);
			expect(body, file).toMatch(/^## /m);
			expect(body, file).toMatch(/^\| .* \|$/m);
		}
	});
});
