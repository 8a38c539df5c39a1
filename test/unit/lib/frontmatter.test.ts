import { describe, expect, test } from 'vitest';
import { frontmatterData, splitFrontmatter, writtenFields } from '../../../src/lib/frontmatter.ts';
import { FILE_SLUG_MAX, slugify } from '../../../src/lib/slug.ts';

describe('the frontmatter reader', () => {
	const lf = '---\ntitle: "T"\ndate: 2026-02-30\nupdated: \'2026-10-05\'\ntags: [a, b]\n---\n\nBody text.\n';
	const crlf = lf.replace(/\n/g, '\r\n');

	test('splits YAML and body alike for Unix and Windows line ends and a byte-order mark', () => {
		expect(splitFrontmatter(lf)).toEqual({
			yaml: 'title: "T"\ndate: 2026-02-30\nupdated: \'2026-10-05\'\ntags: [a, b]',
			body: '\nBody text.\n',
			unclosed: false,
		});
		expect(splitFrontmatter(`\uFEFF${crlf}`)).toEqual({
			yaml: 'title: "T"\r\ndate: 2026-02-30\r\nupdated: \'2026-10-05\'\r\ntags: [a, b]',
			body: '\r\nBody text.\r\n',
			unclosed: false,
		});
		expect(splitFrontmatter('---\n---\nBody.')).toEqual({ yaml: '', body: 'Body.', unclosed: false });
		expect(splitFrontmatter('No frontmatter.\n---\n')).toEqual({
			yaml: undefined,
			body: 'No frontmatter.\n---\n',
			unclosed: false,
		});
		expect(splitFrontmatter('---\r\ntitle: T\r\n\r\nBody.').unclosed).toBe(true);
	});

	test('reads fields as written from the parsed YAML, with the file line of each', () => {
		for (const source of [lf, crlf]) {
			expect(writtenFields(splitFrontmatter(source).yaml!, ['date', 'updated', 'tags'])).toEqual([
				{ key: 'date', value: '2026-02-30', line: 3 },
				{ key: 'updated', value: '2026-10-05', line: 4 },
			]);
		}
		// Only top-level fields: a `date:` inside another field is not the article's.
		expect(writtenFields('links:\n  date: 2026-02-30\ndate: 2026-01-02', ['date'])).toEqual([
			{ key: 'date', value: '2026-01-02', line: 4 },
		]);
	});

	test('gives the fields as values, and none for YAML that is not a map', () => {
		expect(frontmatterData(crlf)).toEqual({ title: 'T', date: '2026-02-30', updated: '2026-10-05', tags: ['a', 'b'] });
		expect(frontmatterData('---\n- a list\n---\n')).toEqual({});
		expect(frontmatterData('Body only.')).toEqual({});
	});
});

describe('the slug rule', () => {
	test('keeps a-z and digits for file names, letters of every script for tags', () => {
		expect(slugify("  Partner's Déjà vu!  ")).toBe('partners-deja-vu');
		expect(slugify('Партнёры и альянсы')).toBe('');
		expect(slugify('Партнёры и альянсы', { letters: 'any' })).toBe('партнёры-и-альянсы');
		expect(slugify("Partner's day", { letters: 'any' })).toBe('partner-s-day');
		expect(slugify(`${'word '.repeat(20)}`, { max: FILE_SLUG_MAX })).toBe(
			'word-word-word-word-word-word-word-word-word-word-word-word',
		);
	});
});
