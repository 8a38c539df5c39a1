import { parseQuery, resolveFilters, toQuery } from '../lib/search-query.ts';
import { type ResultData, resultKind, resultSections, safeHref } from '../lib/search-results.ts';
import type { PagefindInstance, PagefindResults } from './search-pagefind.ts';

/** Adds Pagefind's component UI (script and stylesheet) to the page; resolves once its elements are defined. */
function loadPagefind(bundle: string): Promise<void> {
	const css = document.createElement('link');
	css.rel = 'stylesheet';
	css.href = `${bundle}pagefind-component-ui.css`;
	const script = document.createElement('script');
	script.src = `${bundle}pagefind-component-ui.js`;
	const loaded = new Promise<void>((resolve, reject) => {
		script.onload = () => resolve();
		script.onerror = () => reject(new Error(`Could not load ${script.src}`));
	});
	document.head.append(css, script);
	return loaded;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** A link to a result or one of its sections. */
function link(className: string | undefined, href: string | undefined, text: string): HTMLAnchorElement {
	const a = element('a', className, text);
	const safe = safeHref(href);
	if (safe) a.href = safe;
	return a;
}

/** A passage with the matched words in `<mark>` (Pagefind escapes the page text around them). */
function excerpt(html: string): HTMLParagraphElement {
	const p = element('p', 'pb-hit-excerpt');
	p.innerHTML = html;
	return p;
}

/**
 * One result: title, type (with the issue number) and date, the passage that
 * matched, and the matching sections. Pagefind's keyboard navigation moves
 * between the links inside `.pf-result`.
 */
export function renderResult(result: ResultData): HTMLLIElement {
	const item = element('li', 'pf-result');
	const hit = item.appendChild(element('div', 'pb-hit'));
	hit.append(link('pb-hit-title', result.meta.url ?? result.url, result.meta.title ?? 'Untitled'));
	const meta = hit.appendChild(element('p', 'pb-hit-meta', resultKind(result.meta)));
	if (result.meta.published) {
		const time = element('time', undefined, result.meta.published);
		if (result.meta.date) time.dateTime = result.meta.date;
		meta.append(' · ', time);
	}
	if (result.excerpt) hit.append(excerpt(result.excerpt));
	const sections = resultSections(result);
	if (sections.length > 0) {
		const list = hit.appendChild(element('ul', 'pb-hit-sections'));
		for (const section of sections) {
			const entry = list.appendChild(element('li'));
			entry.append(link(undefined, section.url, section.title), excerpt(section.excerpt));
		}
	}
	return item;
}

/**
 * `<pb-search>`: the glue around Pagefind's components in the search panel,
 * loaded by search-opener.ts the first time search opens (or on /search/).
 * It loads Pagefind, renders results with {@link renderResult}, mirrors
 * Pagefind's progress in `data-state` (loading, idle, busy, found, none,
 * failed) so the stylesheet can show suggestions and hints, and then:
 * - in the header's dialog, closes the dialog when the reader follows a link
 *   or clicks the backdrop;
 * - on /search/, runs the search the address asks for (`?q=…&type=issue`) and
 *   keeps the address in step with the search, so it can be shared.
 */
export class SearchPanelElement extends HTMLElement {
	async connectedCallback(): Promise<void> {
		const dialog = this.closest('dialog');
		if (dialog) closeOnLeave(dialog);
		const standin = this.querySelector<HTMLInputElement>('[data-pb-standin]');
		this.dataset.state = 'loading';
		// Where the filters sit above the results, only the short type filter starts open.
		if (!matchMedia('(min-width: 40rem)').matches) this.querySelector('pagefind-filter-pane')?.setAttribute('open', 'type');
		const search = await loadPagefind(this.dataset.bundle ?? '/pagefind/').then(
			() => window.PagefindComponents?.getInstanceManager().getInstance(),
			() => undefined,
		);
		if (!search) {
			this.dataset.state = 'failed';
			return;
		}
		const results = this.querySelector<PagefindResults>('pagefind-results');
		if (results) results.resultTemplate = renderResult;
		await filtersLoaded(search);
		this.dataset.state = 'idle';
		search.on('loading', () => {
			this.dataset.state = 'busy';
		});
		search.on('results', ({ results }) => {
			this.dataset.state = !search.searchTerm ? 'idle' : results.length > 0 ? 'found' : 'none';
		});
		if (!dialog) await followAddress(search);
		const input = this.querySelector<HTMLInputElement>('pagefind-input input');
		// Words typed while Pagefind loaded move to its input and are searched for.
		if (input && standin?.value && !input.value) {
			input.value = standin.value;
			input.dispatchEvent(new Event('input', { bubbles: true }));
		}
		if (input && (!dialog || dialog.open)) input.focus();
	}
}

/**
 * Waits until Pagefind has loaded every filter's total. It announces them when
 * they arrive, and a search that finished first would have its facet counts
 * replaced by those totals; so the search box appears only after that.
 */
async function filtersLoaded(search: PagefindInstance): Promise<void> {
	const announced = new Promise<void>((done) => search.on('filters', () => done()));
	await search.triggerLoad();
	if (search.totalFilters) return;
	// Should the filters never arrive, search still opens, with counts that may lag.
	await Promise.race([announced, new Promise((wait) => setTimeout(wait, 5000))]);
}

function closeOnLeave(dialog: HTMLDialogElement): void {
	dialog.addEventListener('click', (event) => {
		// The dialog's content fills its box, so a click on the dialog itself is on the backdrop.
		const onBackdrop = event.target === dialog;
		const link = event.target instanceof Element && event.target.closest('a[href]');
		// A link opened in a new tab or window leaves the dialog open.
		if (onBackdrop || (link && !event.ctrlKey && !event.metaKey && !event.shiftKey)) dialog.close();
	});
}

async function followAddress(search: PagefindInstance): Promise<void> {
	const { term, filters } = parseQuery(location.search);
	// Listening first, so that the address is rewritten to the search actually run:
	// filters the index does not have (a stale or edited link) leave it too.
	search.on('search', (next, chosen) => {
		const query = toQuery({ term: next, filters: chosen });
		history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
	});
	if (term || Object.keys(filters).length > 0) {
		await search.triggerLoad();
		search.triggerSearchWithFilters(term, resolveFilters(filters, search.totalFilters ?? {}));
	}
}

if (!customElements.get('pb-search')) customElements.define('pb-search', SearchPanelElement);
