import type { AnyNode } from 'domhandler';
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

/** What a tool's stand-in in feeds and email is made from: the tool's element, read from the built HTML. */
export interface StandInInput {
	/** The element's attributes (`data-key`, `data-id`, …). */
	attributes: Record<string, string>;
	/** Text of each `<label>` inside the element, in order (entities kept, whitespace folded). */
	labels: string[];
	/** Whether the control of each `<label>` (the one it names with `for`, or holds) starts checked, in the same order. */
	checked: boolean[];
	/** Text of each `<legend>` inside the element, in order. */
	legends: string[];
	/** Absolute address of the page the tool is on; links resolve against it. */
	pageUrl: string;
	/** Wording of the link to the web page, when the caller overrides the tool's own. */
	link?: string;
}

/** Finds the interactive tool an element is (src/tools/index.ts: `toolByElement`), and how to show it outside the site. */
export type ToolLookup = (tag: string) => { standIn: (input: StandInInput) => string } | undefined;

export interface PortableOptions {
	/** Absolute address of the article's web page: relative links resolve against it, tools link to it. */
	pageUrl: string;
	/** Wording of the link that replaces each interactive tool; each tool has its own by default. */
	toolLink?: string;
	/** The declared tools, each replaced by its stand-in. */
	tools: ToolLookup;
}

/**
 * Rewrites an article's rendered HTML for places outside the site (feeds, email):
 * every URL absolute, each interactive tool replaced by its stand-in (its
 * declaration's `standIn`: for a checklist, its items and a link to the web
 * page), heading anchor links and build-only attributes removed.
 * Throws `UnfollowableLink` for an address that cannot be made absolute.
 */
export function portableHtml(html: string, options: PortableOptions): string {
	const root = parseHtml(html);
	makePortable(root, options);
	return renderHtml(root);
}

/** `portableHtml` on a parsed tree, changed in place: for HTML already parsed, such as a built page's article body. */
export function makePortable(root: AnyNode, { pageUrl, toolLink, tools }: PortableOptions): void {
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
	for (const tool of elements) {
		const declared = tools(tool.name);
		if (!declared) continue;
		// Text as HTML (escaped again), whitespace folded: what the stand-ins expect.
		const inside = elementsOf(tool);
		const texts = (name: string) =>
			inside
				.filter((element) => element.name === name)
				.map((element) => escapeHtml(textContent(element).replace(/\s+/g, ' ').trim()));
		const checked = inside
			.filter((element) => element.name === 'label')
			.map((label) => {
				const target = label.attribs.for;
				const control = target
					? inside.find((element) => element.attribs.id === target)
					: elementsOf(label).find((e) => e.name === 'input');
				return control?.attribs.checked !== undefined;
			});
		const standIn = declared.standIn({
			attributes: { ...tool.attribs },
			labels: texts('label'),
			checked,
			legends: texts('legend'),
			pageUrl,
			...(toolLink ? { link: toolLink } : {}),
		});
		const [first, ...rest] = parseHtml(standIn).children;
		if (!first) {
			removeElement(tool);
			continue;
		}
		replaceElement(tool, first);
		let previous = first;
		for (const node of rest) {
			append(previous, node);
			previous = node;
		}
	}
}
