import { hasTaskList } from './checklist-ids.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { countBodyWords } from './read-time.ts';

/**
 * What Pactbook needs from an article's source once it is rendered. The content
 * loader measures each article as it loads it and keeps this in the entry's data
 * under {@link MEASURES}, so the source itself need not stay in Astro's content
 * store, which every build writes, reads back and compiles.
 */
export interface Measures {
	/** Version of the rules that took these measures; see {@link MEASURES_VERSION}. */
	v: number;
	/** Words a reader sees, for the read time. */
	words: number;
	/** Whether the article has a GFM task list (and so loads the checklist script). */
	checklist: boolean;
}

/** Key of {@link Measures} in an entry's data; frontmatter cannot use it, as the schemas are strict. */
export const MEASURES = '_pactbook';

/**
 * Raise this when the counting rules (read-time.ts, checklist-ids.ts) change:
 * entries measured by older rules are then loaded and measured again.
 */
export const MEASURES_VERSION = 1;

/** Measures an article from its whole file; the frontmatter is not counted. */
export function measure(file: string): Measures {
	const { body } = splitFrontmatter(file);
	return { v: MEASURES_VERSION, words: countBodyWords(body), checklist: hasTaskList(body) };
}

/** Whether an entry's data holds measures taken by the current rules. */
export function hasCurrentMeasures(data: object): boolean {
	return (data as { [MEASURES]?: Measures })[MEASURES]?.v === MEASURES_VERSION;
}

/** The measures the loader stored in an entry's data; an entry stored by an older Pactbook still has its source instead. */
export function measuresOf(entry: { data: object; body?: string }): Measures {
	return (entry.data as { [MEASURES]?: Measures })[MEASURES] ?? measure(entry.body ?? '');
}
