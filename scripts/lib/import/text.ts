// Text rules every imported article follows: calendar dates, lengths the
// schemas accept, slugs that make valid file names and addresses, tags that
// never share an address.

import { tagSlug } from '../../../src/lib/urls.ts';
import { notACalendarDay } from '../../../src/schemas/fields.ts';
import { bodyTree, span } from './body-tree.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` for a year, month and day, if they name a day on the calendar. */
function day(year: number, month: number, date: number): string | undefined {
	if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
	const text = `${year}-${pad(month)}-${pad(date)}`;
	return notACalendarDay(text) ? undefined : text;
}

function monthNumber(name: string): number | undefined {
	const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
	return index < 0 ? undefined : index + 1;
}

/**
 * A date as `YYYY-MM-DD`, from the ways exports write one: `2020-12-2`,
 * `2020-12-02T23:30:00-05:00` (the day as written, in the writer's time zone),
 * `2020/12/02`, `Dec 2, 2020`, `2 December 2020`, `Wed, 02 Dec 2020 10:00:00 +0000`,
 * a Date, or a Unix time in seconds or milliseconds. Undefined when it names no day.
 */
export function normaliseDate(value: unknown): string | undefined {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		return day(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
	}
	if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
		return normaliseDate(new Date(value > 1e11 ? value : value * 1000));
	}
	if (typeof value !== 'string') {
		// TOML dates (smol-toml's TomlDate) and other objects that print as ISO text.
		return value && typeof value === 'object' && 'toISOString' in value ? normaliseDate(String(value)) : undefined;
	}
	const text = value.trim();
	let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[T\s])/.exec(text);
	if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
	if (/^\d{9,13}$/.test(text)) return normaliseDate(Number(text));
	// `Dec 2, 2020`, `December 2nd 2020`, `Wed, Dec 2, 2020`
	match = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
	if (match) {
		const month = monthNumber(match[1]!);
		return month ? day(Number(match[3]), month, Number(match[2])) : undefined;
	}
	// `2 Dec 2020`, `Wed, 02 Dec 2020 10:00:00 +0000`
	match = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i.exec(text);
	if (match) {
		const month = monthNumber(match[2]!);
		return month ? day(Number(match[3]), month, Number(match[1])) : undefined;
	}
	return undefined;
}

/** Text on one line, with runs of white space made one space. */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text cut to at most `max` characters at a word boundary, with an ellipsis
 * when anything was cut. Text with no space early enough is cut mid-word.
 */
export function cut(text: string, max: number): string {
	const clean = oneLine(text);
	const chars = [...clean];
	if (chars.length <= max) return clean;
	const head = chars.slice(0, max - 1).join('');
	const space = head.lastIndexOf(' ');
	const kept = space >= max / 2 ? head.slice(0, space) : head;
	return `${kept.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** The first sentence or two of plain text that fit in `max` characters, else the text cut at a word. */
export function summaryOf(text: string, max: number): string {
	const clean = oneLine(text);
	if (clean.length <= max) return clean;
	const sentences = clean.match(/[^.!?]+[.!?]+(?=\s|$)/g) ?? [];
	let kept = '';
	for (const sentence of sentences) {
		if ((kept + sentence).trim().length > max) break;
		kept += sentence;
	}
	return kept.trim() || cut(clean, max);
}

/** Plain text of a Markdown paragraph: links, emphasis, code marks and escapes removed. */
export function markdownText(markdown: string): string {
	return oneLine(
		markdown
			.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/\[\^[^\]]+\]/g, '')
			.replace(/<[^>]+>/g, '')
			// An escaped character is text; an unescaped emphasis or code mark is dropped.
			.replace(/\\([\\`*_{}[\]()#+\-.!:<>|~&])|\*\*|__|\*|_|~~|`/g, (_mark, escaped?: string) => escaped ?? ''),
	);
}

/**
 * The first paragraph of a Markdown body that is prose, as the parser reads
 * it: a paragraph of the body itself (not a heading, however it is written,
 * nor a list, quote, table, code, HTML or block), not an image alone or a
 * `:::` line kept as text, and of four words or more.
 */
export function firstParagraph(markdown: string): string | undefined {
	for (const node of bodyTree(markdown).children ?? []) {
		const at = span(node);
		if (node.type !== 'paragraph' || !at) continue;
		const block = markdown.slice(at.start, at.end).trim();
		if (/^(!\[|\\?:::|\[\^)/.test(block)) continue;
		const text = markdownText(block);
		if (text.split(' ').length >= 4) return text;
	}
	return undefined;
}

/** A slug not in `taken`, made by adding `-2`, `-3`…; the one returned is added to `taken`. */
export function uniqueSlug(slug: string, taken: Set<string>): string {
	let candidate = slug;
	for (let n = 2; taken.has(candidate); n++) candidate = `${slug.slice(0, 56).replace(/-+$/, '')}-${n}`;
	taken.add(candidate);
	return candidate;
}

/** The address part a tag gets on the site (`/tags/<address>/`), as the build makes it. */
export function tagAddress(tag: string): string {
	return tagSlug(tag);
}

export const TAG_MAX = 40;

/**
 * Tags that keep one spelling per address: the first spelling seen of an
 * address (those of the site's existing articles first) is used for every tag
 * that maps to it, so `Co-Marketing` and `co marketing` become one tag.
 */
export class TagBook {
	private readonly spelling = new Map<string, string>();

	/** Records the tags already used in the content folder. */
	know(tags: Iterable<string>): void {
		for (const tag of tags) {
			const address = tagAddress(tag);
			if (!this.spelling.has(address)) this.spelling.set(address, tag);
		}
	}

	/**
	 * The tag to write for one written in an export: trimmed, without a leading
	 * `#`, cut to 40 characters, in the spelling already used for its address.
	 * Undefined for a tag with no letters or digits (it would have no address).
	 */
	tag(raw: string): { tag: string; changed?: string } | undefined {
		const clean = cut(raw.replace(/^#+/, ''), TAG_MAX);
		// The site's addresses keep only a-z and 0-9: a tag with none of them would have no address of its own.
		if (!/[a-z0-9]/.test(clean.normalize('NFKD').toLowerCase())) return undefined;
		const address = tagAddress(clean);
		const known = this.spelling.get(address);
		if (known) return { tag: known, ...(known !== raw ? { changed: known } : {}) };
		this.spelling.set(address, clean);
		return { tag: clean, ...(clean !== raw ? { changed: clean } : {}) };
	}

	/** A list of tags made unique by address, in the order given. */
	list(raws: readonly string[]): { tags: string[]; dropped: string[]; merged: [string, string][] } {
		const tags: string[] = [];
		const dropped: string[] = [];
		const merged: [string, string][] = [];
		for (const raw of raws) {
			const made = this.tag(raw);
			if (!made) {
				if (raw.trim()) dropped.push(raw);
				continue;
			}
			if (made.changed && oneLine(raw.replace(/^#+/, '')) !== made.tag) merged.push([raw, made.tag]);
			if (!tags.includes(made.tag)) tags.push(made.tag);
		}
		return { tags, dropped, merged };
	}
}
