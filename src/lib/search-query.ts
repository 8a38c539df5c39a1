import { tagSlug } from './urls.ts';

/** Chosen values per filter, as Pagefind takes them: `{ type: ['Issue'] }`. */
export type FilterSelection = Record<string, string[]>;

/** Values the index has per filter, with the number of pages for each. */
export type FilterCounts = Record<string, Record<string, number>>;

/** What the search page's address asks for. */
export interface SearchQuery {
	term: string;
	filters: FilterSelection;
}

/** Query-string key of the search words. */
export const TERM_KEY = 'q';

/** Filters a search address may set, in the order they are written: `?q=…&type=issue&tag=goals`. */
export const FILTER_KEYS = ['type', 'tag', 'series', 'author'] as const;

/**
 * Reads the words (`q`) and the filters (`type`, `tag`, `series`, `author`,
 * each repeatable) from a query string. Other keys, such as campaign tags, are
 * ignored; blank values and repeats are dropped.
 */
export function parseQuery(search: string): SearchQuery {
	const params = new URLSearchParams(search);
	const filters: FilterSelection = {};
	for (const key of FILTER_KEYS) {
		const values = [...new Set(params.getAll(key).map((v) => v.trim()))].filter(Boolean);
		if (values.length > 0) filters[key] = values;
	}
	return { term: (params.get(TERM_KEY) ?? '').trim(), filters };
}

/**
 * Writes a search back as a query string, `?q=due+diligence&type=issue`, with
 * filter values as URL slugs so addresses stay short and readable. Empty when
 * there is nothing to keep.
 */
export function toQuery({ term, filters }: SearchQuery): string {
	const params = new URLSearchParams();
	if (term.trim()) params.set(TERM_KEY, term.trim());
	for (const key of FILTER_KEYS) {
		for (const value of new Set((filters[key] ?? []).map(tagSlug))) params.append(key, value);
	}
	const query = params.toString();
	return query ? `?${query}` : '';
}

/**
 * Matches the values an address asks for (`issue`, `due-diligence`) to the
 * values in the index (`Issue`, `due-diligence`) by their slugs. Values the
 * index does not have are dropped, so a stale link still searches instead of
 * finding nothing.
 */
export function resolveFilters(wanted: FilterSelection, available: FilterCounts): FilterSelection {
	const resolved: FilterSelection = {};
	for (const [key, values] of Object.entries(wanted)) {
		const known = Object.keys(available[key] ?? {});
		const found = values.flatMap((value) => known.filter((k) => tagSlug(k) === tagSlug(value)));
		if (found.length > 0) resolved[key] = [...new Set(found)];
	}
	return resolved;
}
