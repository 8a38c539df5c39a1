import { splitFrontmatter } from './frontmatter.ts';

/** Words per minute of an average reader of non-fiction on screen. */
export const WORDS_PER_MINUTE = 230;

/**
 * Counts the words a reader sees in Markdown or MDX source: the frontmatter,
 * code blocks, import/export lines, JSX tag syntax, URLs and Markdown
 * punctuation are left out.
 */
export function countWords(source: string): number {
	return countBodyWords(splitFrontmatter(source).body);
}

/** Whether a character is a letter or a digit of any script. */
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** What {@link LETTER_OR_NUMBER} said of each character of the Basic Multilingual Plane met so far: 0 not asked, 1 no, 2 yes. */
const known = new Uint8Array(0x10000);

/** Whether the character at a code point is a letter or a digit, remembered for the common ones. */
function letterOrNumber(point: number): boolean {
	if (point > 0xffff) return LETTER_OR_NUMBER.test(String.fromCodePoint(point));
	known[point] ||= LETTER_OR_NUMBER.test(String.fromCharCode(point)) ? 2 : 1;
	return known[point] === 2;
}

/**
 * The number of words in text: runs that start with a letter or digit and go
 * on over letters, digits, apostrophes and hyphens (`don't`, `re-sign`): the
 * matches of the Unicode pattern `[\p{L}\p{N}][\p{L}\p{N}'’-]*`. Counted in one
 * pass without building the list of words, as this runs on every article.
 */
export function wordCount(text: string): number {
	let words = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		let letter: boolean;
		if (code < 128) {
			letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
		} else {
			const point = text.codePointAt(i)!;
			if (point > 0xffff) i++;
			letter = letterOrNumber(point);
		}
		if (letter) {
			if (!inWord) words++;
			inWord = true;
		} else if (!(inWord && (code === 39 || code === 0x2019 || code === 45))) {
			inWord = false;
		}
	}
	return words;
}

/** {@link countWords} for the body of a source, after its frontmatter. */
export function countBodyWords(body: string): number {
	const text = body
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/^(import|export)\s.*$/gm, ' ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/\{#[\w-]+\}/g, ' ');
	return wordCount(text);
}

/** Minutes to read a number of words, rounded to the nearest minute and never below one. */
export function minutesFor(words: number, wpm: number = WORDS_PER_MINUTE): number {
	return Math.max(1, Math.round(words / wpm));
}

/** Minutes to read a source, rounded to the nearest minute and never below one. */
export function readMinutes(source: string, wpm: number = WORDS_PER_MINUTE): number {
	return minutesFor(countWords(source), wpm);
}
