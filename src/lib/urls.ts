import { slugify, withoutLatinAccents } from './slug.ts';

/**
 * Joins the site's base (`/` or `/newsletter/`) and a path inside the site,
 * keeping exactly one slash between them. Full addresses and `#anchors` pass through.
 */
export function withBase(base: string, path: string): string {
	if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(path)) return path;
	const head = base.endsWith('/') ? base : `${base}/`;
	return head + path.replace(/^\/+/, '');
}

const slugs = new Map<string, string>();

/**
 * A tag as it appears in URLs: lower case, Latin accents dropped, letters of
 * every script kept, everything else between words a hyphen (`Due Diligence` →
 * `due-diligence`, `Партнёры` → `партнёры`); `tag` when nothing is left (`🎉`).
 * Remembered, as pages ask for the same few tags again and again.
 */
export function tagSlug(tag: string): string {
	let slug = slugs.get(tag);
	if (slug === undefined) {
		slug = slugify(tag, { letters: 'any' }) || 'tag';
		slugs.set(tag, slug);
	}
	return slug;
}

/**
 * What tells two tags apart beyond their spelling: two tags with the same key
 * are one tag written two ways (`Co-selling`, `co selling`) and share a page;
 * two tags with different keys and one {@link tagSlug} (`c#`, `c++`) would be
 * merged by mistake.
 */
export function tagKey(tag: string): string {
	return withoutLatinAccents(tag)
		.toLowerCase()
		.replace(/[\s_-]+/g, '');
}

/**
 * Schemes whose address runs script or carries a whole file: no newsletter
 * needs them, feed readers and email programs block them, and in a page they
 * would run on the site's own origin, where readers' saved answers live.
 */
const UNSAFE_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:', 'file:', 'blob:']);

/**
 * What is wrong with a link or image address in an article, as the fix to
 * print after it, or undefined when it can be followed from a page of the site:
 * a path, an `#anchor`, or a full address whose host and port are valid
 * (`http://`, `https://x.com:99999/` are not) and whose scheme runs no script
 * (`javascript:`, `data:` and the like, in any case or spacing).
 */
export function linkProblem(address: string): string | undefined {
	const trimmed = address.trim();
	const base = 'https://pactbook.invalid/page/';
	if (!URL.canParse(trimmed, base)) return LINK_FIX;
	return UNSAFE_SCHEMES.has(new URL(trimmed, base).protocol) ? UNSAFE_LINK_FIX : undefined;
}

/** Whether a link or image address in an article can be followed (see {@link linkProblem}). */
export function isFollowable(address: string): boolean {
	return linkProblem(address) === undefined;
}

/** The 1-based line of a source on which `text` first appears, if it does. */
export function lineOf(source: string, text: string): number | undefined {
	const at = source.indexOf(text);
	return at < 0 ? undefined : source.slice(0, at).split('\n').length;
}

/**
 * The 1-based line of a source on which a link to `address` is written: as a
 * Markdown link or image `(address`, a reference `]: address`, an HTML
 * attribute or `<address>`, else wherever the text first appears.
 */
export function linkLine(source: string, address: string): number | undefined {
	for (const written of [`](${address}`, `]: ${address}`, `="${address}"`, `='${address}'`, `<${address}>`]) {
		const line = lineOf(source, written);
		if (line !== undefined) return line;
	}
	return lineOf(source, address);
}

/** How a problem message names a link: its address and, when known, its line. */
export function linkField(address: string, line?: number): string {
	return `link "${address}"${line ? ` (line ${line})` : ''}`;
}

/** What to write instead of an address that cannot be followed. */
export const LINK_FIX =
	'is not an address a reader can follow. Write a full address such as https://example.com/page, or a path on this site such as /playbooks/due-diligence/.';

/** What to write instead of an address that runs script or carries a file (`javascript:`, `data:`). */
export const UNSAFE_LINK_FIX =
	'puts script or a whole file in the address, which feed readers and email programs block and no newsletter needs. Link to a page instead, such as https://example.com/page or /playbooks/due-diligence/; for an image, use the address of the image file.';

/**
 * Top-level addresses the site's own pages and files use, so a standalone
 * page (`content/pages/`) cannot take them: its page would silently lose to
 * the built-in one.
 */
export const RESERVED_PAGE_SLUGS = [
	'404',
	'_astro',
	'authors',
	'issues',
	'pagefind',
	'playbooks',
	'search',
	'self-assessments',
	'series',
	'tags',
	'tools',
] as const;
