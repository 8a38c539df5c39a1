import Slugger, { slug } from 'github-slugger';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';

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
