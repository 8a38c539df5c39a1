import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { displayPath } from '../../../src/lib/content-paths.ts';
import { loadSiteConfig, parseYaml } from '../../../src/loading/site-config.ts';
import { ContentError } from '../../../src/schemas/problems.ts';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function content(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'pb-site-'));
	dirs.push(dir);
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(join(dir, name, '..'), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
	return dir;
}

const SITE = 'title: T\ndescription: D\nurl: https://news.example.com\nnewsletter: N\ndefaultAuthor: maya\n';

/** The problem lines of what loadSiteConfig throws. */
function problems(dir: string): string[] {
	try {
		loadSiteConfig(dir);
	} catch (error) {
		expect(error).toBeInstanceOf(ContentError);
		return (error as ContentError).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
	}
	throw new Error('loadSiteConfig accepted the site');
}

describe('site settings', () => {
	test('a missing site.yaml says what to create', () => {
		const dir = content({ 'authors/maya.yaml': 'name: Maya\n' });
		expect(problems(dir)).toEqual([
			`${displayPath(join(dir, 'site.yaml'))}: : is missing. Create it with at least title, description, url, newsletter and defaultAuthor.`,
		]);
	});
	test('a defaultAuthor with no author file names the authors there are', () => {
		const dir = content({ 'site.yaml': SITE, 'authors/ana.yaml': 'name: Ana\n', 'authors/ben.yaml': 'name: Ben\n' });
		expect(problems(dir)).toEqual([
			`${displayPath(join(dir, 'site.yaml'))}: defaultAuthor: "maya" has no file in ${displayPath(join(dir, 'authors'))}/. Use one of: ana, ben, or add maya.yaml there.`,
		]);
		const empty = content({ 'site.yaml': SITE });
		expect(problems(empty)[0]).toMatch(/defaultAuthor: "maya" has no file in .*\/authors\/\. Add maya\.yaml there\.$/);
	});
	test('a complete site.yaml with its author loads, with defaults', () => {
		const dir = content({ 'site.yaml': SITE, 'authors/maya.yaml': 'name: Maya\n' });
		expect(loadSiteConfig(dir)).toMatchObject({ title: 'T', defaultAuthor: 'maya', base: '/', language: 'en' });
	});
});

describe('YAML syntax errors', () => {
	test('an unclosed quote is reported on the line it opens, not where the text ends', () => {
		const source = 'title: Second\nsummary: "Another guide.\ncategory: Goals\nslug: custom-slug\n';
		expect(parseYaml(source, 'x.md', 2).problems.map((p) => p.message)).toEqual([
			'is not valid YAML at line 3: Missing closing "quote. Check the indentation, colons and quotes on that line.',
		]);
		expect(parseYaml("a: 1\nb: 'it\nc: 2\n", 'x.yaml').problems[0]?.message).toMatch(
			/^is not valid YAML at line 2: Missing closing 'quote/,
		);
	});
	test('other errors keep the line the parser gives', () => {
		expect(parseYaml('a: [1, 2\nb: 3\n', 'x.yaml').problems[0]?.message).toMatch(/^is not valid YAML at line 2: Flow sequence/);
	});
});
