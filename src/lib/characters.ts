const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * How many characters a reader sees in `value`, in Unicode's composed form
 * (NFC): an accented letter is one whether it was typed as one code point or
 * as a letter and a combining accent, and so is an emoji made of several.
 */
export function characterCount(value: string): number {
	let count = 0;
	for (const _ of graphemes.segment(value.normalize('NFC'))) count++;
	return count;
}
