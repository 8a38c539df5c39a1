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

/** A tag as it appears in URLs: lower case, words joined by hyphens. Remembered, as pages ask for the same few tags again and again. */
export function tagSlug(tag: string): string {
	let slug = slugs.get(tag);
	if (slug === undefined) {
		slug =
			tag
				.normalize('NFKD')
				.replace(/[\u0300-\u036f]/g, '')
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-+|-+$/g, '') || 'tag';
		slugs.set(tag, slug);
	}
	return slug;
}

/**
 * Whether a link or image address in an article can be followed from a page
 * of the site: a path, an `#anchor`, or a full address whose host and port are
 * valid (`http://`, `https://x.com:99999/` are not).
 */
export function isFollowable(address: string): boolean {
	return URL.canParse(address.trim(), 'https://pactbook.invalid/page/');
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
] as const;
