import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HastPluginEntry } from 'satteri';
import { displayPath } from '../lib/content-paths.ts';
import { linkField, linkLine, linkProblem } from '../lib/urls.ts';
import { failRender } from './render-problems.ts';

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
