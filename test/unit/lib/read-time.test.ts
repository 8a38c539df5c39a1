import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countWords, readMinutes, WORDS_PER_MINUTE, wordCount } from '../../../src/lib/read-time.ts';

describe('countWords', () => {
	test('counts words in prose, lists and headings', () => {
		expect(countWords('## A heading\n\nTwo words.\n\n- one item\n- [ ] a task')).toBe(8);
	});
	test('ignores code, imports, JSX tags, URLs and ids', () => {
		const source = [
			"import X from './x.astro';",
			'<InTheWild source="Somewhere" lesson="A lesson.">',
			'Story time here.',
			'</InTheWild>',
			'```js\nconst notCounted = 1;\n```',
			'See [the guide](https://example.com/guide) now.',
			'- [ ] Tick this {#tick-id}',
		].join('\n\n');
		expect(countWords(source)).toBe(3 + 4 + 2);
	});
	test('keeps contractions and hyphenated words whole', () => {
		expect(countWords("don't re-sign partner-sourced deals")).toBe(4);
	});
	test('leaves out the frontmatter, with Windows line ends and a byte-order mark as with Unix ones', () => {
		const lf =
			'---\ntitle: Many words in a long title here\nsummary: And more words\n---\n\nThree plain words.\n\n- [ ] A task {#task}\n';
		const crlf = lf.replace(/\n/g, '\r\n');
		expect(countWords(lf)).toBe(3 + 2);
		expect(countWords(crlf)).toBe(countWords(lf));
		expect(countWords(`\uFEFF${crlf}`)).toBe(countWords(lf));
		expect(readMinutes(crlf)).toBe(readMinutes(lf));
		// Text after a --- line further down is body text, counted.
		expect(countWords('Intro words.\r\n---\r\nMore words.\r\n')).toBe(4);
	});
	test('empty text has no words', () => {
		expect(countWords('')).toBe(0);
		expect(countWords('```\ncode only\n```')).toBe(0);
	});
});

describe('wordCount', () => {
	const byPattern = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
	test('counts what the word pattern matches, in any script and with any punctuation', () => {
		const pieces = fc.constantFrom(
			'a',
			'Z',
			'7',
			'é',
			'й',
			'한',
			'𝒳',
			'²',
			"'",
			'’',
			'-',
			' ',
			'\n',
			'.',
			'—',
			'\uD800',
			'_',
			'#',
		);
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 40 }), (chars) => wordCount(chars.join('')) === byPattern(chars.join(''))),
			{ numRuns: 2000 },
		);
		fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => wordCount(text) === byPattern(text)));
		expect(wordCount("-don't re-sign - 'x’ 𝒳y")).toBe(4);
	});
});

describe('readMinutes', () => {
	const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
	test('rounds to the nearest minute', () => {
		expect(readMinutes(words(WORDS_PER_MINUTE * 4))).toBe(4);
		expect(readMinutes(words(Math.round(WORDS_PER_MINUTE * 4.4)))).toBe(4);
		expect(readMinutes(words(Math.round(WORDS_PER_MINUTE * 4.6)))).toBe(5);
	});
	test('is never below one minute', () => {
		expect(readMinutes('')).toBe(1);
		expect(readMinutes('Hi.')).toBe(1);
	});
});
