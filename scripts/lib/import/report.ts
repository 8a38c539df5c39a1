// The report an import prints and writes beside the content as import-report.md.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_NAMES, type ImportResult, writeInside } from './run.ts';
import type { ReportLine } from './types.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const line = ({ file, message, fix }: ReportLine) => `- ${file}: ${message}${fix ? ` Fix: ${fix}` : ''}`;

/** The counts of an import, as one sentence per kind. */
export function summaryLines(result: ImportResult): string[] {
	const count = (kind: string) => result.written.filter((w) => w.kind === kind).length;
	const articles = result.written.filter((w) => w.kind === 'issue' || w.kind === 'playbook');
	const drafts = articles.filter((w) => w.draft).length;
	const verb = result.dryRun ? 'to write' : 'written';
	const lines = [
		`${plural(articles.length, result.as === 'issues' ? 'issue' : 'playbook')} ${verb}${drafts ? ` (${drafts} as drafts)` : ''}`,
		`${plural(count('author'), 'author file')} ${verb}`,
		`${plural(count('image'), 'image')} ${verb}`,
	];
	if (result.already) lines.push(`${plural(result.already, 'post')} imported before, left as they are`);
	if (result.skipped.length) lines.push(`${plural(result.skipped.length, 'post or entry', 'posts or entries')} skipped`);
	if (result.losses.length) lines.push(`${plural(result.losses.length, 'thing', 'things')} to check`);
	if (result.remote.length) lines.push(`${plural(result.remote.length, 'remote image')} not downloaded`);
	return lines;
}

/**
 * The report as Markdown. `limit` caps each list (the printed report stays
 * short; the file lists everything).
 */
export function renderReport(result: ImportResult, { limit, date }: { limit?: number; date?: string } = {}): string {
	const out: string[] = [];
	out.push(`# Import report${result.dryRun ? ' (dry run: nothing was written)' : ''}`, '');
	out.push(`From ${result.exportName} (${FORMAT_NAMES[result.format]})${date ? ` on ${date}` : ''}, as ${result.as}.`, '');
	out.push(...summaryLines(result).map((l) => `- ${l}`), '');
	if (!result.written.length) {
		out.push(
			result.already
				? 'Nothing new to import: every post of this export was imported before. Nothing was written.'
				: 'Nothing to import. Nothing was written.',
			'',
		);
	} else {
		out.push(`## ${result.dryRun ? 'Files it would write' : 'Files written'}`, '');
		const shown = limit === undefined ? result.written : result.written.slice(0, limit);
		out.push(...shown.map((w) => `- ${w.path}${w.draft ? ' (draft)' : ''}`));
		if (shown.length < result.written.length)
			out.push(`- … and ${result.written.length - shown.length} more, listed in import-report.md`);
		out.push('');
	}
	const section = (title: string, lines: ReportLine[]) => {
		if (!lines.length) return;
		const shown = limit === undefined ? lines : lines.slice(0, limit);
		out.push(`## ${title}`, '', ...shown.map(line));
		if (shown.length < lines.length) out.push(`- … and ${lines.length - shown.length} more, listed in import-report.md`);
		out.push('');
	};
	section('Skipped', result.skipped);
	section('To check', [...result.notes, ...result.losses]);
	section('Remote images', result.remote);
	if (result.written.length && !result.dryRun) {
		out.push(
			'## Next',
			'',
			'1. Read the issues marked as drafts above, fix what the report lists, and remove `draft: true` from those ready to publish.',
			'2. Run `npm run build`, then `npm run preview` to look at the result.',
			'',
		);
	}
	return `${out.join('\n').trimEnd()}\n`;
}

/** Where the report goes: `import-report.md` in the content folder, numbered when one exists. */
export function reportPath(contentDir: string): string {
	let name = 'import-report.md';
	for (let n = 2; existsSync(join(contentDir, name)); n++) name = `import-report-${n}.md`;
	return name;
}

/**
 * Writes the full report beside the content when the import wrote anything
 * (a dry run, or a run with nothing new, leaves the folder as it was), and
 * returns its name.
 */
export function writeReport(result: ImportResult, date: string): string | undefined {
	if (result.dryRun || !result.written.length) return undefined;
	const name = reportPath(result.contentDir);
	writeInside(result.contentDir, name, renderReport(result, { date }));
	result.reportFile = name;
	return name;
}
