// Inline on every page, so it stays tiny and imports only search-shortcut.ts:
// the header button and the Ctrl/⌘-K and "/" shortcuts open the search dialog
// (on /search/ they move focus to the page's search box). The first open loads
// the panel's script (search.ts), which loads Pagefind; the search page loads it
// at once for a query in its address, otherwise when the reader starts typing.
import { opensSearch } from '../lib/search-shortcut.ts';

const panel = document.querySelector<HTMLElement>('pb-search');
const dialog = panel?.closest('dialog');
let returnTo: Element | null = null;

function open(): void {
	if (!panel) return;
	if (dialog && !dialog.open) {
		returnTo = document.activeElement;
		dialog.showModal();
	}
	if (!panel.dataset.state) {
		panel.dataset.state = 'loading';
		const script = document.createElement('script');
		script.type = 'module';
		script.src = panel.dataset.script ?? '';
		script.onerror = () => {
			panel.dataset.state = 'failed';
		};
		document.head.append(script);
	}
	(panel.querySelector<HTMLElement>('pagefind-input input') ?? panel.querySelector<HTMLElement>('[data-pb-standin]'))?.focus();
}

if (!dialog) {
	// The search page: with a query in its address, search at once; without one,
	// show the topics and latest issues and load search when the reader starts typing.
	if (location.search) open();
	else {
		panel?.querySelector<HTMLElement>('[data-pb-standin]')?.focus();
		panel?.addEventListener('input', open, { once: true });
	}
}

document.querySelector('[data-pb-search-open]')?.addEventListener('click', (event) => {
	event.preventDefault();
	open();
});

addEventListener('keydown', (event) => {
	if (!opensSearch(event, event.target instanceof HTMLElement ? event.target : null)) return;
	event.preventDefault();
	open();
});

dialog?.addEventListener('close', () => {
	if (returnTo instanceof HTMLElement) returnTo.focus();
	returnTo = null;
});
