import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, copyFixture, problemsIn, ROOT, readPage } from '../helpers/build.ts';

/** An issue file with valid frontmatter and `body`. */
const issue = (number: number, body = 'A paragraph.') =>
	`---\nnumber: ${number}\ntitle: Issue ${number}\ndate: 2026-02-${String(number).padStart(2, '0')}\nsummary: A summary.\n---\n\n${body}\n`;

function write(dir: string, path: string, text: string): void {
	mkdirSync(dirname(join(dir, path)), { recursive: true });
	writeFileSync(join(dir, path), text);
}

describe('content that used to fail silently or crash without naming the file', () => {
	test('unreadable file names, slugs from file names, alias bombs, deep nesting and script links stop the build', async () => {
		// File names that clash or cannot be checked out everywhere, and megabytes of nesting, are written here.
		const dir = copyFixture('content-traps', 'content-traps');
		write(dir, 'issues/a#b.md', issue(5));
		write(dir, 'issues/what?.md', issue(6));
		write(dir, 'issues/Case-Dup.md', issue(7));
		write(dir, 'issues/case-dup.md', issue(8));
		write(dir, 'issues/Plans 2027.md', issue(9));
		write(dir, 'issues/q&a #2/notes.md', issue(13));
		const list = Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
		write(dir, 'issues/deep-list.md', issue(10, list));
		write(dir, 'issues/deep-quote.md', issue(11, `${'>'.repeat(5000)} The innermost quote.`));
		// MDX nested this deep crashed the build with a segmentation fault.
		write(dir, 'issues/deeper.mdx', issue(12, list));
		const started = performance.now();
		const result = await buildSite(dir, { out: 'content-traps-build' });
		const seconds = (performance.now() - started) / 1000;
		expect(result.code, result.output).not.toBe(0);
		const at = relative(ROOT, dir);
		const nesting =
			'goes more than 100 levels deep, counting each list, list item, quote, block and HTML element inside another. Browsers, feed readers and email programs cannot show that, and the build would crash on it. Flatten that part to a few levels.';
		const unsafe =
			'puts script or a whole file in the address, which feed readers and email programs block and no newsletter needs. Link to a page instead, such as https://example.com/page or /playbooks/due-diligence/; for an image, use the address of the image file.';
		expect(problemsIn(result.output)).toBe(
			[
				'Pactbook found 14 problems in your content:',
				`${at}/issues/2025/recap.md: slug: "recap" is also used by ${at}/issues/2026/recap.md. Give each one its own slug (set \`slug:\` or rename the file).`,
				`${at}/issues/2026/recap.md: slug: "recap" is also used by ${at}/issues/2025/recap.md. Give each one its own slug (set \`slug:\` or rename the file).`,
				`${at}/issues/a#b.md: file name: has "#" in it, which the build reads as part of an address, so this file would be left out. Rename it using only lower-case letters, digits and hyphens, for example a-b.md.`,
				`${at}/issues/bomb.md: expands its YAML aliases (*name) into more than 100 copies, which would take the build minutes and gigabytes. Write the values out where they are used, or use fewer aliases.`,
				`${at}/issues/Case-Dup.md: slug: "Case-Dup" comes from the file name, and a slug should use only lower-case letters, digits and single hyphens (like "maya-okafor"). Rename the file; "case-dup" is taken by ${at}/issues/case-dup.md, so choose another name, or set \`slug:\`.`,
				`${at}/issues/deep-list.md: nesting (line 57): ${nesting}`,
				`${at}/issues/deep-quote.md: nesting (line 8): ${nesting}`,
				`${at}/issues/deeper.mdx: nesting (line 57): ${nesting}`,
				`${at}/issues/links.md: link " JavaScript:void(0)" (line 12): ${unsafe}`,
				`${at}/issues/links.md: link "data:image/png;base64,iVBORw0KGgo=" (line 10): ${unsafe}`,
				`${at}/issues/links.md: link "javascript:alert(1)" (line 8): ${unsafe}`,
				`${at}/issues/Plans 2027.md: slug: "Plans 2027" comes from the file name, and a slug should use only lower-case letters, digits and single hyphens (like "maya-okafor"). Rename the file, for example to plans-2027.md, or set \`slug:\`.`,
				`${at}/issues/q&a #2/notes.md: file name: has "#" in it, which the build reads as part of an address, so this file would be left out. Rename the folder q&a #2 using only lower-case letters, digits and hyphens, for example q-a-2.`,
				`${at}/issues/what?.md: file name: has "?" in it, which the build reads as part of an address, so this file would be left out. Rename it using only lower-case letters, digits and hyphens, for example what.md.`,
			].join('\n'),
		);
		// Nine levels of aliases in frontmatter took 50 seconds to parse before the build went on;
		// the bound leaves room for a busy machine.
		expect(seconds).toBeLessThan(90);
	}, 180_000);

	test('an author file with an alias bomb, and an author file name that is no id, stop the build', async () => {
		const started = performance.now();
		const result = await buildSite('author-traps');
		const seconds = (performance.now() - started) / 1000;
		expect(result.code, result.output).not.toBe(0);
		expect(problemsIn(result.output)).toBe(
			[
				'Pactbook found 2 problems in your content:',
				'test/fixtures/author-traps/content/authors/Ben Ito.yaml: file name: "Ben Ito" is the id other files use, and an id should use only lower-case letters, digits and single hyphens (like "maya-okafor"). Rename the file, for example to ben-ito.yaml, and use the new id where the old one is named.',
				'test/fixtures/author-traps/content/authors/bomb.yaml: expands its YAML aliases (*name) into more than 100 copies, which would take the build minutes and gigabytes. Write the values out where they are used, or use fewer aliases.',
			].join('\n'),
		);
		// Nine levels of aliases in an author file took more than two minutes; the bound leaves room for a busy machine.
		expect(seconds).toBeLessThan(90);
	}, 180_000);

	test('different tags or series with one address stop the build, naming both and the files using them', async () => {
		const result = await buildSite('tag-clashes');
		expect(result.code, result.output).not.toBe(0);
		const dir = 'test/fixtures/tag-clashes/content/issues';
		const fix =
			'so their articles would be listed as one. Rename one of them so that their letters or digits differ, for example by spelling out a symbol (c-sharp, c-plus-plus).';
		expect(problemsIn(result.output)).toBe(
			[
				'Pactbook found 7 problems in your content:',
				`${dir}/one.md: series: "C# in practice" would share the address /series/c-in-practice/ with "C++ in practice" (${dir}/two.md), ${fix}`,
				`${dir}/one.md: tags: "c#" would share the address /tags/c/ with "C++" (${dir}/three.md, ${dir}/two.md), ${fix}`,
				`${dir}/one.md: tags: "🎉" would share the address /tags/tag/ with "?" (${dir}/two.md), ${fix}`,
				`${dir}/three.md: tags: "C++" would share the address /tags/c/ with "c#" (${dir}/one.md), ${fix}`,
				`${dir}/two.md: series: "C++ in practice" would share the address /series/c-in-practice/ with "C# in practice" (${dir}/one.md), ${fix}`,
				`${dir}/two.md: tags: "c++" would share the address /tags/c/ with "c#" (${dir}/one.md), ${fix}`,
				`${dir}/two.md: tags: "?" would share the address /tags/tag/ with "🎉" (${dir}/one.md), ${fix}`,
			].join('\n'),
		);
	});

	test('issues and pages in sub-folders, headings and tags in any script or of emoji only build with usable addresses', async () => {
		const result = await buildSite('unusual-content');
		expect(result.code, result.output).toBe(0);
		// The slug of a file in a sub-folder is its file name.
		expect(readPage(result.dist, '/issues/plans/')).toContain('Plans for the year');
		expect(readPage(result.dist, '/people/')).toContain('A page kept in a sub-folder.');
		const page = readPage(result.dist, '/issues/world/');
		const ids = [...page.matchAll(/<div class="pb-heading"><h[23] id="([^"]*)"/g)].map((match) => match[1]);
		expect(ids).toEqual(['section', 'section-1', 'שלום-עולם', 'заметки']);
		expect(page).toContain('href="#section-1"');
		// The checklist under the emoji heading is keyed by that heading's id.
		expect(page).toMatch(/<pb-checklist[^>]* data-key="[^"#]*#section"/);
		// Tags in other scripts get pages of their own instead of sharing /tags/tag/.
		for (const tag of ['שותפויות', 'партнёры', 'due-diligence', 'planning']) {
			expect(readPage(result.dist, `/tags/${tag}/`), tag).toContain('<h1');
		}
		expect(page).toContain('<a href="/tags/שותפויות/" data-pagefind-filter="tag">שותפויות</a>');
	});
});
