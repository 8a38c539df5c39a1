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
