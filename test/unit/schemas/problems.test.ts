import { describe, expect, test } from 'vitest';
import { authorExamples, authorSchema } from '../../../src/schemas/author.ts';
import { issueExamples, issueSchema } from '../../../src/schemas/issue.ts';
import { ContentError, closest, formatProblems, zodProblems } from '../../../src/schemas/problems.ts';
import { siteSchema } from '../../../src/schemas/site.ts';

const valid = { number: 20, title: 'T', date: new Date('2026-10-05'), summary: 'S' };

function problems(data: unknown): string {
	const result = issueSchema.safeParse(data, { reportInput: true });
	if (result.success) return '(valid)';
	return formatProblems(zodProblems('issues/x.mdx', result.error, issueSchema, issueExamples));
}

function authorProblems(data: unknown): string {
	const result = authorSchema.safeParse(data, { reportInput: true });
	if (result.success) return '(valid)';
	return formatProblems(zodProblems('a.yaml', result.error, authorSchema, authorExamples));
}

describe('issue frontmatter', () => {
	test('accepts a minimal issue and fills defaults', () => {
		expect(issueSchema.parse(valid)).toEqual({ ...valid, tags: [], draft: false });
	});
	test('accepts dates written as quoted text', () => {
		expect(issueSchema.parse({ ...valid, date: '2026-10-05' }).date).toEqual(new Date('2026-10-05'));
	});
	test('explains each problem on its own line', () => {
		expect(
			problems({ ...valid, number: 2.5, title: '', tittle: 'x', date: '05/10/2026', author: 'Maya Okafor' }),
		).toMatchInlineSnapshot(`
			"issues/x.mdx: number: should be a whole number, not 2.5. For example: number: 21
			issues/x.mdx: title: is empty. Write some text. For example: title: "Perseverance is a partnership skill"
			issues/x.mdx: date: should be a date written as YYYY-MM-DD, not "05/10/2026". For example: date: 2026-10-05
			issues/x.mdx: author: should use only lower-case letters, digits and single hyphens (like "maya-okafor"). For example: author: maya-okafor
			issues/x.mdx: tittle: is not a known field. Did you mean "title"? Rename it."
		`);
	});
	test('names a missing field and how to add it', () => {
		expect(problems({ number: 1, date: new Date('2026-01-01') })).toMatchInlineSnapshot(`
			"issues/x.mdx: title: is required. Add it. For example: title: "Perseverance is a partnership skill"
			issues/x.mdx: summary: is required. Add it. For example: summary: "What this issue is about, in a sentence.""
		`);
	});
	test('rejects a date that does not exist', () => {
		expect(problems({ ...valid, date: new Date('invalid') })).toContain(
			'date: should be a date written as YYYY-MM-DD, not a date that does not exist.',
		);
	});
});

describe('author files', () => {
	test('explain nested problems with their path', () => {
		expect(authorProblems({ name: 'A', links: [{ label: 'x', url: 'javascript:alert(1)' }] })).toBe(
			'a.yaml: links.0.url: should be a full address starting with https://. For example: url: https://example.com/maya',
		);
	});
	test('take https:// and mailto: links, and refuse plain http:// with the fix', () => {
		const link = (url: string) => authorProblems({ name: 'A', links: [{ label: 'Site', url }] });
		expect(link('https://a.example/me')).toBe('(valid)');
		expect(link('mailto:ana@a.example')).toBe('(valid)');
		for (const url of ['http://a.example/me', 'HTTP://A.EXAMPLE']) {
			expect(link(url)).toBe(
				'a.yaml: links.0.url: starts with http://, and author links must be secure. Write it with https:// (most sites answer there), or use a mailto: address. For example: url: https://example.com/maya',
			);
		}
	});
});

describe('unknown nested fields', () => {
	test('are matched against the fields allowed where they were written', () => {
		expect(authorProblems({ name: 'A', links: [{ lable: 'Site', url: 'https://a.example' }] })).toContain(
			'a.yaml: links.0.lable: is not a known field. Did you mean "label"? Rename it.',
		);
		expect(problems({ ...valid, checklists: { check: { bands: [{ min: 0, max: 1, verdct: 'Ready' }] } } })).toContain(
			'issues/x.mdx: checklists.check.bands.0.verdct: is not a known field. Did you mean "verdict"? Rename it.',
		);
	});
	test('with no near match, list the fields allowed there', () => {
		expect(authorProblems({ name: 'A', links: [{ label: 'Site', url: 'https://a.example', colour: 'red' }] })).toBe(
			'a.yaml: links.0.colour: is not a known field. Remove it, or use one of: label, url.',
		);
	});
});

describe('site settings', () => {
	test('defaults navigation, language, base and page size', () => {
		const site = siteSchema.parse({
			title: 'T',
			description: 'D',
			url: 'https://x.example',
			newsletter: 'N',
			defaultAuthor: 'a',
		});
		expect(site.language).toBe('en');
		expect(site.base).toBe('/');
		expect(site.pageSize).toBe(20);
		expect(site.navigation.map((n) => n.href)).toEqual(['/issues/', '/playbooks/', '/tags/', '/about/']);
		expect(site.subscribe).toBeUndefined();
	});
});

describe('closest', () => {
	test('suggests near typos only', () => {
		expect(closest('titel', ['title', 'tags'])).toBe('title');
		expect(closest('Summery', ['summary'])).toBe('summary');
		expect(closest('colour', ['title', 'tags'])).toBeUndefined();
	});
});

test('ContentError counts its problems and keeps them', () => {
	const error = new ContentError([
		{ file: 'a.mdx', field: 'title', message: 'is required.' },
		{ file: 'b.yaml', field: '', message: 'is not valid YAML.' },
	]);
	expect(error.message).toBe(
		'Pactbook found 2 problems in your content:\na.mdx: title: is required.\nb.yaml: is not valid YAML.',
	);
	expect(error.problems).toHaveLength(2);
	expect(error.stack).toBe('');
});
