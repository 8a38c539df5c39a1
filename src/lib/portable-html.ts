import { ELEMENT_NODE, type ElementNode, type Node, parse, renderSync, TEXT_NODE, walkSync } from 'ultrahtml';
import { toolByElement } from '../tools/index.ts';
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

/** Text of a node and its descendants as HTML text (entities kept), whitespace folded. */
function textOf(node: Node): string {
	let text = '';
	walkSync(node, (child) => {
		if (child.type === TEXT_NODE) text += child.value;
	});
	return text.replace(/\s+/g, ' ').trim();
}

function replace(node: Node, html: string): void {
	const siblings = (node.parent as ElementNode).children;
	const fresh = (parse(html) as ElementNode).children;
	for (const child of fresh) child.parent = node.parent;
	siblings.splice(siblings.indexOf(node), 1, ...fresh);
}

export interface PortableOptions {
	/** Absolute address of the article's web page: relative links resolve against it, tools link to it. */
	pageUrl: string;
	/** Wording of the link that replaces each interactive tool; each tool has its own by default. */
	toolLink?: string;
}

/**
 * Rewrites an article's rendered HTML for places outside the site (feeds, email):
 * every URL absolute, each interactive tool replaced by its stand-in (its
 * declaration's `standIn`: for a checklist, its items and a link to the web
 * page), heading anchor links and build-only attributes removed.
 * Throws `UnfollowableLink` for an address that cannot be made absolute.
 */
export function portableHtml(html: string, { pageUrl, toolLink }: PortableOptions): string {
	const root = parse(html) as Node;
	const tools: ElementNode[] = [];
	const anchors: ElementNode[] = [];
	walkSync(root, (node) => {
		if (node.type !== ELEMENT_NODE) return;
		const element = node as ElementNode;
		if (toolByElement(element.name)) tools.push(element);
		if (/\bpb-anchor\b/.test(element.attributes.class ?? '')) anchors.push(element);
		for (const name of Object.keys(element.attributes)) if (name.startsWith('data-astro-')) delete element.attributes[name];
		for (const name of ['href', 'src'] as const) {
			const value = element.attributes[name];
			if (value === undefined) continue;
			const fix = linkProblem(value);
			if (fix) throw new UnfollowableLink(value, fix);
			if (!/^(mailto|tel):/i.test(value)) element.attributes[name] = new URL(value, pageUrl).href;
		}
	});
	for (const anchor of anchors)
		(anchor.parent as ElementNode).children.splice((anchor.parent as ElementNode).children.indexOf(anchor), 1);
	for (const tool of tools) {
		const labels: string[] = [];
		const legends: string[] = [];
		walkSync(tool, (node) => {
			if (node.type !== ELEMENT_NODE) return;
			const name = (node as ElementNode).name;
			if (name === 'label') labels.push(textOf(node));
			if (name === 'legend') legends.push(textOf(node));
		});
		const declared = toolByElement(tool.name)!;
		replace(
			tool,
			declared.standIn({ attributes: { ...tool.attributes }, labels, legends, pageUrl, ...(toolLink ? { link: toolLink } : {}) }),
		);
	}
	return renderSync(root);
}
