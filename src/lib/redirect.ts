import { FORWARDING_POLICY } from './csp.ts';
import { escapeHtml } from './escape.ts';

/** What a forwarding page says and where it sends readers. */
export interface Forward {
	language: string;
	siteTitle: string;
	/** Heading and title of the page, such as "Issue #20". */
	title: string;
	/** Name of the destination, shown as the link text. */
	label: string;
	/** Path of the destination, base included. */
	to: string;
	/** Absolute address of the destination. */
	canonical: string;
}

/**
 * A page that forwards at once (meta refresh) with a link for those whose
 * browser does not, for static hosts without server-side redirects. Kept out
 * of search engines; the destination is its canonical address. Its Content
 * Security Policy lets nothing load or run: it needs neither.
 */
export function forwardingPage(page: Forward): string {
	const [title, label, to] = [page.title, page.label, page.to].map(escapeHtml);
	return `<!DOCTYPE html><html lang="${escapeHtml(page.language)}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FORWARDING_POLICY}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${escapeHtml(page.siteTitle)}</title><meta name="description" content="${title} has moved to ${label}."><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0;url=${to}"><link rel="canonical" href="${escapeHtml(page.canonical)}"></head><body><main><h1>${title}</h1><p>This address leads to <a href="${to}">${label}</a>.</p></main></body></html>`;
}
