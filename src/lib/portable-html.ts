import type { ChildNode } from 'domhandler';
import { append, removeElement, replaceElement, textContent } from 'domutils';
import { escapeHtml } from './escape.ts';
import { elementsOf, parseHtml, renderHtml } from './html-tree.ts';
import { linkProblem } from './urls.ts';

/** A link or image address in an article that no reader could follow or that runs script, so it cannot be copied out. */
export class UnfollowableLink extends Error {
	readonly address: string;
	/** What to write instead, as printed after the address. */
	readonly fix: string;
	constructor(address: string, fix: string) {
		super(`link "${address}" ${fix}`);
		this.name = 'UnfollowableLink';
		this.address = address;
		this.fix = fix;
	}
}

export interface PortableOptions {
	/** Absolute address of the article's web page: relative links resolve against it, tools link to it. */
	pageUrl: string;
	/** Wording of the link that replaces each interactive tool. */
	toolLink?: string;
}

/**
 * Rewrites an article's rendered HTML for places outside the site (feeds, email):
 * every URL absolute, interactive checklists replaced by their items and a link
 * to the web page, heading anchor links and build-only attributes removed.
 * Throws `UnfollowableLink` for an address that cannot be made absolute.
 */
export function portableHtml(html: string, { pageUrl, toolLink = 'Fill in this checklist on the web' }: PortableOptions): string {
	const root = parseHtml(html);
	const elements = elementsOf(root);
	for (const element of elements) {
		for (const name of Object.keys(element.attribs)) if (name.startsWith('data-astro-')) delete element.attribs[name];
		for (const name of ['href', 'src'] as const) {
			const value = element.attribs[name];
			if (value === undefined) continue;
			const fix = linkProblem(value);
			if (fix) throw new UnfollowableLink(value, fix);
			if (!/^(mailto|tel):/i.test(value)) element.attribs[name] = new URL(value, pageUrl).href;
		}
	}
	for (const anchor of elements.filter((element) => /\bpb-anchor\b/.test(element.attribs.class ?? ''))) removeElement(anchor);
	for (const tool of elements.filter((element) => element.name === 'pb-checklist')) {
		const id = (tool.attribs['data-key'] ?? '').split('#')[1] ?? '';
		const items = elementsOf(tool)
			.filter((element) => element.name === 'label')
			.map((label) => textContent(label).replace(/\s+/g, ' ').trim());
		const link = new URL(id ? `#${id}` : '', pageUrl).href;
		const [list, after] = parseHtml(
			`<ul class="pb-tool-items">${items.map((item) => `<li>☐ ${escapeHtml(item)}</li>`).join('')}</ul><p class="pb-tool-link"><a href="${escapeHtml(link)}">${escapeHtml(toolLink)}</a></p>`,
		).children as [ChildNode, ChildNode];
		replaceElement(tool, list);
		append(list, after);
	}
	return renderHtml(root);
}
