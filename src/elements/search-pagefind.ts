// Types only (no code, so importing them adds nothing to a bundle): the parts
// of Pagefind's component UI (`pagefind-component-ui.js`, which sets
// `window.PagefindComponents`) that Pactbook's search glue uses.

import type { FilterCounts, FilterSelection } from '../lib/search-query.ts';
import type { ResultData } from '../lib/search-results.ts';

/** Arguments Pagefind passes to each instance event. */
export interface PagefindEvents {
	search: [term: string, filters: FilterSelection];
	loading: [];
	results: [result: { results: unknown[] }];
	filters: [filters: { available: FilterCounts; total: FilterCounts }];
}

/** One search instance, shared by every Pagefind component on the page. */
export interface PagefindInstance {
	searchTerm: string;
	/** Every filter value in the index with its page count, once loaded. */
	totalFilters: FilterCounts | null;
	on<E extends keyof PagefindEvents>(event: E, callback: (...args: PagefindEvents[E]) => void): void;
	triggerLoad(): Promise<void>;
	triggerSearchWithFilters(term: string, filters: FilterSelection): void;
}

/** `<pagefind-results>`: renders each result with `resultTemplate` when it is set. */
export interface PagefindResults extends HTMLElement {
	resultTemplate: ((result: ResultData) => Element) | null;
}

declare global {
	interface Window {
		PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): PagefindInstance } };
	}
}
