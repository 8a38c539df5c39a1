/** Text with the accents of Latin letters dropped (`Café` → `Cafe`); letters of other scripts are kept whole (`й`, `ά`, `한`). */
export function withoutLatinAccents(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
		.normalize('NFC');
}

/** How {@link slugify} treats a text. */
export interface SlugRules {
	/**
	 * `ascii` (file names, ids, article addresses): only `a-z`, `0-9` and hyphens
	 * remain, apostrophes are dropped (`Don't` → `dont`). `any` (tag addresses):
	 * letters and digits of every script remain, and an apostrophe separates
	 * words like any other mark (`Don't` → `don-t`), as tag addresses always have.
	 */
	letters?: 'ascii' | 'any';
	/** Longest slug, cut at a hyphen-free end. */
	max?: number;
}

/**
 * The one slug rule of Pactbook: lower case, Latin accents dropped, everything
 * between words a single hyphen, no hyphen at either end (`Déjà vu!` → `deja-vu`).
 * Empty when nothing is left (`🎉`); callers choose the fallback.
 */
export function slugify(text: string, { letters = 'ascii', max }: SlugRules = {}): string {
	const lower = withoutLatinAccents(text).toLowerCase();
	const slug =
		letters === 'ascii' ? lower.replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-') : lower.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-');
	const trimmed = slug.replace(/^-+|-+$/g, '');
	return max === undefined ? trimmed : trimmed.slice(0, max).replace(/-+$/, '');
}

/** Longest slug Pactbook writes into a file name (`npm run new:issue`, `npm run import`). */
export const FILE_SLUG_MAX = 60;

/**
 * The part of a downloaded file's name made of the letters and digits of
 * `text`, in any script and with their accents (`Müller 日本` → `müller-日本`),
 * joined by hyphens and cut to 80 characters, never inside a letter. Empty
 * when nothing is left; callers choose the fallback.
 */
export function downloadSlug(text: string | undefined): string {
	const slug = (text ?? '')
		.normalize('NFC')
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	return Array.from(slug).slice(0, 80).join('').replace(/-+$/, '');
}
