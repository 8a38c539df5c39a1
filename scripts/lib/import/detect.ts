// Which platform an export comes from, from the files it holds.
import { findGhostFile, parseGhost } from './ghost.ts';
import { markdownFiles, parseMarkdownFolder } from './markdown.ts';
import { type ExportSource, ImportError } from './source.ts';
import { parseSubstack, substackRoot } from './substack.ts';
import type { Format, ParsedExport } from './types.ts';
import { findWordpressFile, parseWordpress } from './wordpress.ts';

/** The format of an export: Substack (posts.csv), Ghost (.json), WordPress (.xml), else a Markdown folder. */
export function detectFormat(source: ExportSource): Format {
	if (substackRoot(source) !== undefined) return 'substack';
	if (source.files.some((f) => /\.xml$/i.test(f)) && findWordpressFile(source)) return 'wordpress';
	if (source.files.some((f) => /\.json$/i.test(f)) && findGhostFile(source)) return 'ghost';
	if (markdownFiles(source).length) return 'markdown';
	throw new ImportError(
		`${source.name} is not an export Pactbook can read. Give a Substack export (the .zip, or its folder with posts.csv), a Ghost export (.json), a WordPress export (.xml), or a folder of Markdown files.`,
	);
}

const PARSERS: Record<Format, (source: ExportSource) => ParsedExport> = {
	substack: parseSubstack,
	ghost: parseGhost,
	wordpress: parseWordpress,
	markdown: parseMarkdownFolder,
};

/** Reads an export in its detected format. */
export function parseExport(source: ExportSource): ParsedExport {
	return PARSERS[detectFormat(source)](source);
}
