/** What one parser finds in an export, before it becomes Pactbook files. */

/** A post as an export describes it; every field is as the export wrote it. */
export interface RawPost {
	/** Stable id of the post in its export (`substack:123.slug`), written into the file so a second run skips it. */
	key: string;
	/** Where the post is in the export, for the report (`posts/123.slug.html`). */
	source: string;
	title?: string | undefined;
	subtitle?: string | undefined;
	excerpt?: string | undefined;
	date?: unknown | undefined;
	updated?: unknown | undefined;
	slug?: string | undefined;
	/** Body as HTML (Substack, Ghost, WordPress) … */
	html?: string | undefined;
	/** … or as Markdown (another generator's folder). */
	markdown?: string | undefined;
	tags: string[];
	/** Keys of the post's authors in `ParsedExport.authors`, or plain names. */
	authors: string[];
	draft: boolean;
	/** Who alone could read it on the old platform (`paying subscribers`), if not everyone. */
	restricted?: string | undefined;
	/** Issue number the export gives. */
	number?: number | undefined;
	/** Playbook category the export gives (a WordPress category, a `category:` field). */
	category?: string | undefined;
	/** Folder of the export that the post's relative image paths start from. */
	folder?: string | undefined;
	/** Addresses the post had on the old site, its own first (`/posts/my-post/`), so links to it lead to its new page. */
	addresses?: string[] | undefined;
}

export interface RawAuthor {
	/** How posts refer to the author (a Ghost user id, a WordPress login, a name). */
	key: string;
	name: string;
	/** Preferred id, e.g. Ghost's user slug. */
	slug?: string | undefined;
	bio?: string | undefined;
	website?: string | undefined;
}

/** Something the report tells the author. */
export interface ReportLine {
	/** File written or source in the export it concerns. */
	file: string;
	message: string;
	/** What to do about it, if anything. */
	fix?: string | undefined;
}

export interface ParsedExport {
	format: Format;
	/** The old site's address, when the export names it (WordPress). */
	siteUrl?: string | undefined;
	posts: RawPost[];
	authors: RawAuthor[];
	/** Posts left out (pages, podcasts, attachments…), and why. */
	skipped: ReportLine[];
	/** Other things worth knowing about the export as a whole. */
	notes: ReportLine[];
}

export type Format = 'substack' | 'ghost' | 'wordpress' | 'markdown';

export const FORMAT_NAMES: Record<Format, string> = {
	substack: 'Substack export',
	ghost: 'Ghost JSON export',
	wordpress: 'WordPress export (WXR)',
	markdown: 'Markdown folder',
};
