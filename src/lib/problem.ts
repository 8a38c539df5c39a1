// Kept in lib/ so that pure checks here can report problems; the formatting is in schemas/problems.ts.
/** One thing wrong with an author's content, with what to do about it. */
export interface Problem {
	/** Path of the file, relative to the project root (e.g. `content/issues/020-x.mdx`). */
	file: string;
	/** The frontmatter field or site setting at fault, as a dotted path (`links.0.url`). */
	field: string;
	/** What is wrong and how to fix it, as one sentence or two. */
	message: string;
}
