/** A matching section of a result page: a heading with an id, and the text under it. */
export interface ResultSection {
	title: string;
	url: string;
	/** Passage with the matched words in `<mark>`; Pagefind escapes the page text. */
	excerpt: string;
	/** Positions of the matched words in the section. */
	locations?: number[];
}

/** What Pagefind returns for one result page (the parts Pactbook shows). */
export interface ResultData {
	url: string;
	excerpt: string;
	/** From the page's `data-pagefind-meta`: title, type, issue, date, published. */
	meta: Record<string, string | undefined>;
	sub_results?: ResultSection[];
}

/** What a result says it is: "Issue #20", "Playbook" or "Page". */
export function resultKind(meta: ResultData['meta']): string {
	const type = meta.type ?? 'Page';
	return meta.issue ? `${type} #${meta.issue}` : type;
}

/**
 * The sections to list under a result: those matching the search, without the
 * page itself (Pagefind lists the part above the first heading as a section
 * too), at most `limit` of them, the ones with the most matches, in page order.
 */
export function resultSections(result: ResultData, limit = 3): ResultSection[] {
	const all = result.sub_results ?? [];
	const page = result.meta.url ?? result.url;
	const sections = all.filter((section) => section.url !== page);
	if (sections.length <= limit) return sections;
	const matches = (section: ResultSection) => section.locations?.length ?? 0;
	const kept = new Set([...sections].sort((a, b) => matches(b) - matches(a)).slice(0, limit));
	return sections.filter((section) => kept.has(section));
}

/** A result's address if it is a path in the site or a web address; anything else (a `javascript:` URL) is refused. */
export function safeHref(url: string | undefined): string | undefined {
	return url && /^(\/(?!\/)|https?:\/\/)/i.test(url) ? url : undefined;
}
