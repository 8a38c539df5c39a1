// Substack's export: `posts.csv` (one row per post) and `posts/<post_id>.html`
// bodies, where `post_id` is `<number>.<slug>`.
import { parse } from 'csv-parse/sync';
import { type ExportSource, ImportError, readText } from './source.ts';
import type { ParsedExport, RawPost, ReportLine } from './types.ts';

/** The folder of the export that holds `posts.csv`: the root, or the one folder a zip wraps it in. */
export function substackRoot(source: ExportSource): string | undefined {
	const csv = source.files.find((file) => /^(?:[^/]+\/)?posts\.csv$/.test(file));
	return csv === undefined ? undefined : csv.slice(0, -'posts.csv'.length);
}

/** The rows of a CSV file with a header line, as objects; broken quoting is a clear error naming the line. */
export function csvRows(text: string, file: string): Record<string, string>[] {
	try {
		return parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: false }) as Record<string, string>[];
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		throw new ImportError(
			`${file} could not be read as CSV: ${detail} Nothing was written. Download the export again from Substack (Settings → Exports); if you edited posts.csv, check that every quote opened in a field is closed.`,
		);
	}
}

const yes = (value: string | undefined) => /^(true|1|yes|t)$/i.test((value ?? '').trim());

export function parseSubstack(source: ExportSource): ParsedExport {
	const root = substackRoot(source);
	if (root === undefined) throw new ImportError(`${source.name} has no posts.csv, so it is not a Substack export.`);
	const csvFile = `${root}posts.csv`;
	const rows = csvRows(readText(source, csvFile) ?? '', `${source.name}: posts.csv`);
	const missing = ['post_id', 'title'].filter((column) => rows.length && !(column in rows[0]!));
	if (missing.length) {
		throw new ImportError(
			`${source.name}: posts.csv has no ${missing.join(' or ')} column, so it is not Substack's posts.csv. Nothing was written.`,
		);
	}
	const bodies = new Map<string, string>();
	for (const file of source.files) {
		const match = new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}posts/(.+)\\.html$`).exec(file);
		if (match) bodies.set(match[1]!, file);
	}
	const posts: RawPost[] = [];
	const skipped: ReportLine[] = [];
	const notes: ReportLine[] = [];
	for (const row of rows) {
		const id = (row.post_id ?? '').trim();
		if (!id) continue;
		const body = bodies.get(id) ?? [...bodies].find(([name]) => name.startsWith(`${id}.`))?.[1];
		const source_ = `posts/${id}.html`;
		const type = (row.type ?? 'newsletter').trim();
		if (type === 'thread') {
			skipped.push({ file: source_, message: 'a discussion thread, not an article; it was not imported.' });
			continue;
		}
		const html = body ? readText(source, body) : undefined;
		if (html === undefined) {
			skipped.push({
				file: source_,
				message: `posts.csv lists "${row.title ?? id}", but the export has no posts/${id}.html, so it was not imported.`,
				fix: 'Download the export again; Substack writes one HTML file per post.',
			});
			continue;
		}
		const audience = (row.audience ?? '').trim();
		if (type === 'podcast' || type === 'video') {
			notes.push({
				file: body ? body.slice(root.length) : source_,
				message: `a ${type} post: its ${type === 'podcast' ? 'audio' : 'video'} is not in the export, so only its text was imported.`,
				fix: `Link the ${type === 'podcast' ? 'episode' : 'video'} where it is hosted.`,
			});
		}
		posts.push({
			key: `substack ${id}`,
			source: body ? body.slice(root.length) : source_,
			title: row.title,
			subtitle: row.subtitle,
			date: row.post_date || row.email_sent_at || undefined,
			slug: id.includes('.') ? id.slice(id.indexOf('.') + 1) : undefined,
			html,
			tags: [],
			authors: [],
			draft: !yes(row.is_published),
			...(audience === 'only_paid' || audience === 'founding' ? { restricted: 'paying subscribers' } : {}),
		});
	}
	return {
		format: 'substack',
		posts,
		authors: [],
		skipped,
		notes: posts.length
			? [
					...notes,
					{
						file: 'posts.csv',
						message: 'Substack exports name no authors, so every imported issue uses the site’s defaultAuthor.',
						fix: 'Set `author:` in the issues written by someone else.',
					},
				]
			: [],
	};
}
