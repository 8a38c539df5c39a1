import { hasTaskList } from './checklist-ids.ts';
import { countWords } from './read-time.ts';

/**
 * What Pactbook needs from an article's source once it is rendered. The content
 * loader measures each article as it loads it and keeps this in the entry's data
 * under {@link MEASURES}, so the source itself need not stay in Astro's content
 * store, which every build writes, reads back and compiles.
 */
export interface Measures {
	/** Words a reader sees, for the read time. */
	words: number;
	/** Whether the article has a GFM task list (and so loads the checklist script). */
	checklist: boolean;
}

/** Key of {@link Measures} in an entry's data; frontmatter cannot use it, as the schemas are strict. */
export const MEASURES = '_pactbook';

export function measure(source: string): Measures {
	return { words: countWords(source), checklist: hasTaskList(source) };
}

/** The measures the loader stored in an entry's data; an entry stored by an older Pactbook still has its source instead. */
export function measuresOf(entry: { data: object; body?: string }): Measures {
	return (entry.data as { [MEASURES]?: Measures })[MEASURES] ?? measure(entry.body ?? '');
}
