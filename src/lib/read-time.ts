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

/** {@link countWords} for the body of a source, after its frontmatter. */
export function countBodyWords(body: string): number {
	const text = body
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/^(import|export)\s.*$/gm, ' ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/\{#[\w-]+\}/g, ' ');
	const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
	return words ? words.length : 0;
}

/** Minutes to read a number of words, rounded to the nearest minute and never below one. */
export function minutesFor(words: number, wpm: number = WORDS_PER_MINUTE): number {
	return Math.max(1, Math.round(words / wpm));
}

/** Minutes to read a source, rounded to the nearest minute and never below one. */
export function readMinutes(source: string, wpm: number = WORDS_PER_MINUTE): number {
	return minutesFor(countWords(source), wpm);
}
