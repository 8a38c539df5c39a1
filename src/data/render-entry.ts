import { type CollectionKey, type DataEntryMap, render } from 'astro:content';
import { entryFile, entryFilePath } from '../lib/entry-file.ts';
import { peekRenderProblems } from '../markdown/render-problems.ts';
import { ContentError } from '../schemas/problems.ts';

type Entry = DataEntryMap[CollectionKey][string];

/**
 * Astro's `render` for an article or page, except that a file saved broken
 * (frontmatter or Markdown Astro could not render) stops with what is wrong
 * rather than showing an empty or stale page. A build has already stopped on it
 * while loading content; this is what `astro dev` shows after the author saves
 * a broken file.
 */
export async function renderEntry(entry: Entry): ReturnType<typeof render> {
	// Problems recorded since the entry was last good (a broken save in `astro dev`).
	const recorded = entry.filePath ? peekRenderProblems(entryFilePath(entry.filePath)) : undefined;
	if (recorded) throw new ContentError(recorded);
	if (entry.filePath?.endsWith('.md') && !entry.rendered) {
		throw new ContentError([
			{ file: entryFile(entry.filePath), field: '', message: 'could not be rendered; see the terminal for why.' },
		]);
	}
	return render(entry);
}
