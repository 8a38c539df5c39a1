import { contentBlocks } from './blocks.ts';
import { headingAnchors } from './headings.ts';
import { baseLinks, checkedLinks } from './links.ts';
import { taskLists } from './task-lists.ts';

/**
 * Pactbook's Markdown pipeline for Sätteri: the `:::` directive syntax, the
 * blocks (mdast), then link checks, heading anchors, base-prefixed links and
 * checklists (hast). `base` is the site's base path and `content` the content
 * folder. The one definition, used by the Astro config (build/integration.ts)
 * and by the thread that renders a large site's articles beside the loader
 * (loading/markdown-thread.ts), so the two cannot render differently.
 */
export function markdownPipeline(base: string, content: string) {
	return {
		features: { directive: true },
		mdastPlugins: [contentBlocks({ base })],
		hastPlugins: [checkedLinks(), headingAnchors(), baseLinks(base), taskLists(content)],
	};
}
