import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { displayPath } from '../../../src/lib/content-paths.ts';
import { loadSiteConfig, MAX_ALIASES, parseYaml, yamlSyntaxProblems } from '../../../src/loading/site-config.ts';
import { ContentError } from '../../../src/schemas/problems.ts';

/** YAML whose last anchor expands to 9^levels values. */
function aliasBomb(levels: number): string {
	const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
	for (let i = 1; i < levels; i++)
		lines.push(
			`a${i}: &a${i} [${Array(9)
				.fill(`*a${i - 1}`)
				.join(', ')}]`,
		);
	return `${lines.join('\n')}\n`;
}

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FIX = `expands its YAML aliases (*name) into more than ${MAX_ALIASES} copies, which would take the build minutes and gigabytes. Write the values out where they are used, or use fewer aliases.`;

describe('YAML aliases', () => {
	test('an alias bomb is refused at once, naming the file', () => {
		const started = performance.now();
		const { data, problems } = parseYaml(aliasBomb(9), '/site/content/authors/x.yaml');
		expect(performance.now() - started).toBeLessThan(2000);
		expect(data).toBeUndefined();
		expect(problems).toEqual([{ file: displayPath('/site/content/authors/x.yaml'), field: '', message: FIX }]);
	});

	test('a few aliases are fine', () => {
		const { data, problems } = parseYaml('base: &b { label: Website }\nlinks: [*b, *b]\n', 'x.yaml');
		expect(problems).toEqual([]);
		expect(data).toEqual({ base: { label: 'Website' }, links: [{ label: 'Website' }, { label: 'Website' }] });
	});

	test('site.yaml with an alias bomb stops with the file named, not a bare error from the parser', () => {
		const dir = mkdtempSync(join(tmpdir(), 'pb-alias-'));
		dirs.push(dir);
		mkdirSync(join(dir, 'authors'));
		writeFileSync(join(dir, 'authors/maya.yaml'), 'name: Maya\n');
		writeFileSync(
			join(dir, 'site.yaml'),
			`title: T\ndescription: D\nurl: https://news.example.com\nnewsletter: N\ndefaultAuthor: maya\n${aliasBomb(9)}`,
		);
		expect(() => loadSiteConfig(dir)).toThrow(ContentError);
		expect(() => loadSiteConfig(dir)).toThrow(`${displayPath(join(dir, 'site.yaml'))}: ${FIX}`);
		// The check on save in `astro dev` uses the same reader.
		writeFileSync(join(dir, 'one.md'), `---\ntitle: T\n${aliasBomb(9)}---\n\nBody.\n`);
		expect(yamlSyntaxProblems(join(dir, 'one.md')).map((p) => p.message)).toEqual([FIX]);
	});
});
