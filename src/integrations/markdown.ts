import Slugger from 'github-slugger';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';

/**
 * Gives every h2 and h3 an id and a visible "#" link to itself, wrapped as
 * `div.pb-heading > [hN, a.pb-anchor]` so the link is not part of the heading's
 * accessible name. Runs before Astro's own heading-id step, which keeps these ids.
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
					const id = slugger.slug(text);
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
