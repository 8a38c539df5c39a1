import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MAX_NESTING, nestingBound, parsedTooDeep, tooDeep } from '../../../src/lib/nesting.ts';

const FRONT = '---\ntitle: Deep\n---\n\n';
const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');

describe('nesting depth', () => {
	test('a 1,500-level list and 5,000 quote markers are too deep, from the line where they pass the limit', () => {
		// A list level is a list and its item, two levels each: the paragraph of the 50th is the 101st level.
		// The list starts after the frontmatter's four lines.
		expect(tooDeep(FRONT + list(1500))).toBe(4 + MAX_NESTING / 2);
		expect(tooDeep(`${FRONT}${'>'.repeat(5000)} quote`)).toBe(5);
		expect(tooDeep(FRONT + list(1500), { mdx: true })).toBe(4 + MAX_NESTING / 2);
	});

	test('HTML elements and components inside one another count too', () => {
		const divs = (n: number) => `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`;
		expect(tooDeep(`Intro\n\n${divs(3000)}\n`)).toBe(3);
		expect(tooDeep(`Intro\n\n${divs(50)}\n`)).toBeUndefined();
		expect(tooDeep(`Intro\n\n${'<Box>'.repeat(300)}x${'</Box>'.repeat(300)}\n`, { mdx: true })).toBe(3);
		// Elements that hold nothing, closed tags and comments add no level.
		expect(tooDeep(`${'<br><img src="/a.png"><span/><!-- <div> -->'.repeat(500)}\n`)).toBeUndefined();
		expect(tooDeep(`${'<p>a</p>'.repeat(500)}\n`)).toBeUndefined();
	});

	test('a few levels are fine, and so is every sample article', () => {
		expect(tooDeep(FRONT + list(20))).toBeUndefined();
		expect(tooDeep(`${FRONT}${'>'.repeat(40)} quote`)).toBeUndefined();
		expect(tooDeep('', { max: 0 })).toBeUndefined();
		const root = join(import.meta.dirname, '../../../content');
		for (const folder of ['issues', 'playbooks', 'pages']) {
			for (const name of readdirSync(join(root, folder))) {
				const path = join(root, folder, name);
				expect(tooDeep(readFileSync(path, 'utf8'), { mdx: name.endsWith('.mdx') }), path).toBeUndefined();
			}
		}
	});

	test('MDX with checklist ids is measured as the build reads it; MDX that does not parse is left to its compiler', () => {
		const items = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- [ ] item ${i} {#item-${i}}`).join('\n');
		expect(tooDeep(`${items}\n`, { mdx: true })).toBe(MAX_NESTING / 2);
		expect(tooDeep('- [ ] Checked references {#refs}\n', { mdx: true })).toBeUndefined();
		expect(tooDeep('A {broken expression\n', { mdx: true })).toBeUndefined();
	});

	test('measures depths that would overflow a recursive walk', () => {
		expect(tooDeep(`${'>'.repeat(10_000)} quote`, { max: 1_000_000 })).toBeUndefined();
		expect(tooDeep(`${'>'.repeat(10_000)} quote`, { max: 9_999 })).toBe(1);
	});

	test('a source the quick bound clears is not parsed, and one it does not clear is', () => {
		expect(nestingBound('Two words.\n\n- a list\n')).toBeLessThan(MAX_NESTING);
		expect(nestingBound(list(60))).toBeGreaterThan(MAX_NESTING);
		expect(parsedTooDeep(FRONT + list(1500))).toBe(tooDeep(FRONT + list(1500)));
	});

	test('the quick bound is never below the depth a parse finds, so skipping the parse under it misses nothing', () => {
		const pieces = fc.constantFrom(
			'- ',
			'* ',
			'+ ',
			'1. ',
			'2) ',
			'> ',
			'  ',
			'\t',
			'\n',
			'\n\n',
			'word ',
			'*em*',
			'**',
			'_',
			'[a](b)',
			'[',
			']',
			'`c`',
			'~~',
			':::tip\n',
			':::\n',
			'::leaf\n',
			':t[x]',
			'<div>',
			'</div>',
			'<br>',
			'<Box>',
			'{x}',
			'![i](j)',
			'| a | b |\n| - | - |\n| c | d |\n',
			'```\n',
			'# ',
			'---\n',
			'text\n===\n',
			'[^1]: note\n',
			'\r\n',
		);
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 60 }), fc.boolean(), (parts, mdx) => {
				const source = parts.join('');
				return parsedTooDeep(source, { mdx, max: nestingBound(source) }) === undefined;
			}),
			{ numRuns: 1500 },
		);
	});
});
