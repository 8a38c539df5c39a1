import { type CollectionKey, type DataEntryMap, render } from 'astro:content';
import { resolve } from 'node:path';
import { ContentError, peekRenderProblems } from '../schemas/problems.ts';

type Entry = DataEntryMap[CollectionKey][string];

/**
 * Astro's `render` for an article or page, except that a Markdown file Astro
 * could not render stops with what is wrong rather than showing an empty page.
 * A build has already stopped on it while loading content; this is what
 * `astro dev` shows after the author saves a broken file.
 */
export async function renderEntry(entry: Entry): ReturnType<typeof render> {
	if (entry.filePath?.endsWith('.md') && !entry.rendered) {
		const file = resolve(entry.filePath);
		throw new ContentError(
			peekRenderProblems(file) ?? [
				{ file: entry.filePath, field: '', message: 'could not be rendered; see the terminal for why.' },
			],
		);
	}
	return render(entry);
}
