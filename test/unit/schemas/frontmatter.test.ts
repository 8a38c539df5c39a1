import { describe, expect, test } from 'vitest';
import { frontmatterText, unclosedFrontmatter, writtenProblems } from '../../../src/schemas/frontmatter.ts';

describe('frontmatter as written', () => {
	test('is unclosed when the opening --- has no closing line', () => {
		expect(unclosedFrontmatter('---\ntitle: T\n\nBody.\n')).toBe(true);
		expect(unclosedFrontmatter('\uFEFF---\r\ntitle: T\r\nsummary: S.---\r\n')).toBe(true);
		expect(unclosedFrontmatter('---\ntitle: T\n---\n\nBody.\n')).toBe(false);
		expect(unclosedFrontmatter('---\r\ntitle: T\r\n---\r\n')).toBe(false);
		expect(unclosedFrontmatter('---\ntitle: T\n...\n')).toBe(false);
		expect(unclosedFrontmatter('No frontmatter.\n---\n')).toBe(false);
	});
	test('an unclosed frontmatter is one problem that covers every field', () => {
		const { problems, fields } = writtenProblems('issues/x.md', '---\ntitle: T\n\nBody.\n');
		expect(fields).toBe('all');
		expect(problems).toEqual([
			{
				file: 'issues/x.md',
				field: 'frontmatter',
				message:
					'opens with --- on line 1 but is never closed, so none of its fields are read. Add a line with only --- after the last field.',
			},
		]);
	});
	test('a file without frontmatter, or with TOML frontmatter, is one problem that covers every field', () => {
		const examples = { title: '"Perseverance is a partnership skill"' };
		for (const source of ['Just a body.\n', '\uFEFF\r\nBody after a blank line.\r\n', '']) {
			const { problems, fields } = writtenProblems('issues/x.md', source, examples);
			expect(fields).toBe('all');
			expect(problems).toEqual([
				{
					file: 'issues/x.md',
					field: 'frontmatter',
					message:
						'is missing, so none of the file\'s fields are read. Start the file with a line of ---, then its fields (for example title: "Perseverance is a partnership skill"), then another line of ---.',
				},
			]);
		}
		expect(writtenProblems('issues/x.md', '+++\r\ntitle = "T"\r\n+++\r\n', examples).problems[0]?.message).toBe(
			'is written in TOML between +++ lines, which Pactbook does not read. Write the fields as YAML between two lines of --- (for example title: "Perseverance is a partnership skill"), or bring the file in with npm run import.',
		);
		expect(writtenProblems('issues/x.md', '---\n---\nBody.\n').problems).toEqual([]);
	});
	test('impossible dates name their field and an example', () => {
		const { problems, fields } = writtenProblems('issues/x.md', '---\ndate: 2026-02-30\n---\n', { date: '2026-10-05' });
		expect(fields).toEqual(new Set(['date']));
		expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
			'date: 2026-02-30 is not a day on the calendar (February 2026 has 28 days). For example: date: 2026-10-05',
		]);
	});
});

describe('frontmatterText', () => {
	test('is the YAML between the --- lines, with a byte-order mark, Windows line ends or spaces after ---', () => {
		expect(frontmatterText('---\ntitle: T\n---\n\nBody.\n')).toBe('title: T');
		expect(frontmatterText('\uFEFF---\r\ntitle: T\r\n--- \r\nBody.')).toBe('title: T');
		expect(frontmatterText('---\ntitle: T\n----\n')).toBeUndefined();
		expect(frontmatterText('No frontmatter.\n---\n')).toBeUndefined();
	});
});
