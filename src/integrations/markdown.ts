import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Slugger, { slug } from 'github-slugger';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';
import { linkField, linkLine, linkProblem } from '../lib/urls.ts';
import { failRender } from '../schemas/problems.ts';
import { displayPath } from './paths.ts';

/** Opening tags written as HTML inside Markdown, and the `href` and `src` values inside one. */
const HTML_TAG = /<[a-z](?:"[^"]*"|'[^']*'|[^'">])*>/gi;
const HTML_ADDRESS = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Stops the render of an article with a link or image address no reader could
 * follow (`http://`, a port out of range) or that runs script (`javascript:`,
 * `data:`), naming the file, the line and the address: the web page would
 * carry a dead or dangerous link, and the feeds and email editions, which make
 * every address absolute, could not be written.
 */
export function checkedLinks(): HastPluginEntry {
	return (factory) => {
		const path = factory.fileURL ? fileURLToPath(factory.fileURL) : undefined;
		const bad = new Map<string, string>();
		const check = (value: unknown) => {
			const fix = typeof value === 'string' ? linkProblem(value) : undefined;
			if (fix) bad.set(value as string, fix);
		};
		return {
			name: 'pactbook-checked-links',
			element: {
				filter: ['a', 'img'],
				visit(node) {
					check(node.properties?.[node.tagName === 'a' ? 'href' : 'src']);
				},
			},
			raw(node) {
				const html = node.value.replace(/<!--[\s\S]*?-->/g, '');
				for (const [tag] of html.matchAll(HTML_TAG)) {
					for (const match of tag.matchAll(HTML_ADDRESS)) check(match[1] ?? match[2]);
				}
			},
			after() {
				if (!bad.size) return;
				const file = path ? displayPath(path) : 'content';
				const source = path ? readFileSync(path, 'utf8') : factory.source;
				failRender(
					path ?? file,
					[...bad].map(([address, fix]) => ({ file, field: linkField(address, linkLine(source, address)), message: fix })),
				);
			},
		};
	};
}

/** The id of a heading with no letters or digits (`## 🎉`), before `-1`, `-2` tell repeats apart. */
export const FALLBACK_HEADING_ID = 'section';

/**
 * Gives every h2 and h3 an id and a visible "#" link to itself, wrapped as
 * `div.pb-heading > [hN, a.pb-anchor]` so the link is not part of the heading's
 * accessible name. Ids are made as GitHub makes them (letters of every script
 * kept, `## Заметки` → `заметки`); a heading with no letter or digit gets
 * `section`, `section-1`… Runs before Astro's own heading-id step, which keeps these ids.
 */
export function headingAnchors(): HastPluginEntry {
	return (): HastPluginDefinition => {
		const slugger = new Slugger();
		return {
			name: 'pactbook-heading-anchors',
			element: {
				filter: ['h2', 'h3'],
				visit(node, ctx) {
					const text = ctx.textContent(node).trim();
					const id = slugger.slug(/[\p{L}\p{N}]/u.test(slug(text)) ? text : FALLBACK_HEADING_ID);
					ctx.setProperty(node, 'id', id);
					ctx.wrapNode(node, {
						type: 'element',
						tagName: 'div',
						properties: { className: ['pb-heading'] },
						children: [
							{
								type: 'element',
								tagName: 'a',
								properties: { className: ['pb-anchor'], href: `#${id}` },
								children: [
									{
										type: 'element',
										tagName: 'span',
										properties: { ariaHidden: 'true' },
										children: [{ type: 'text', value: '#' }],
									},
									{
										type: 'element',
										tagName: 'span',
										properties: { className: ['pb-sr-only'] },
										children: [{ type: 'text', value: `Link to section “${text}”` }],
									},
								],
							},
						],
					});
				},
			},
		};
	};
}

/**
 * Prefixes root-relative links and images in content (`/playbooks/x/`) with the
 * site's `base`, so authors write the same links whether or not the site is
 * hosted under a sub-path.
 */
export function baseLinks(base: string): HastPluginEntry {
	const prefix = base.replace(/\/+$/, '');
	if (!prefix) return null;
	const fix = (value: unknown) =>
		typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(`${prefix}/`)
			? `${prefix}${value}`
			: undefined;
	return {
		name: 'pactbook-base-links',
		element: {
			filter: ['a', 'img'],
			visit(node, ctx) {
				const key = node.tagName === 'a' ? 'href' : 'src';
				const next = fix(node.properties?.[key]);
				if (next) ctx.setProperty(node, key, next);
			},
		},
	};
}
