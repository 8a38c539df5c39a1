/**
 * The before-and-now table of a partner with a previous run (see
 * `previous.ts`), loaded on first use: each section's score then and now,
 * the overall verdicts, and the change told in words, never by colour alone.
 */
import { escapeHtml as esc } from '../../lib/escape.ts';
import { formatDate, isoDate } from '../../lib/format.ts';
import type { Snapshot } from './previous.ts';
import { type Answers, percentText, type Questionnaire, score } from './scoring.ts';

/** One row of the before-and-now table. */
export interface BeforeNowRow {
	title: string;
	before: number | undefined;
	now: number | undefined;
	/** The change in points, as the reader reads it. */
	change: string;
}

/** How a score moved, in words (colour never carries it alone): from the rounded percentages the table shows. */
export function changeText(before: number | undefined, now: number | undefined): string {
	if (before === undefined || now === undefined) return 'Not comparable';
	const points = Math.round(now) - Math.round(before);
	if (points === 0) return 'No change';
	return `${points > 0 ? 'Up' : 'Down'} ${Math.abs(points)} point${Math.abs(points) === 1 ? '' : 's'}`;
}

/**
 * The before-and-now table: each section scored now (in the questionnaire's
 * order), then sections only the previous run had, then the overall score
 * with each verdict.
 */
export function beforeAndNow(q: Questionnaire, previous: Snapshot, answers: Answers) {
	const result = score(q, answers);
	const shown = result.sections.filter((s) => s.max > 0 || s.percent !== undefined);
	const then = new Map(previous.sections.map((s) => [s.id, s]));
	const rows: BeforeNowRow[] = [
		...shown.map((s) => ({ title: s.title, before: then.get(s.id)?.percent, now: s.percent })),
		...previous.sections
			.filter((s) => !shown.some((now) => now.id === s.id))
			.map((s) => ({ title: s.title, before: s.percent, now: undefined })),
	].map((row) => ({ ...row, change: changeText(row.before, row.now) }));
	return {
		rows,
		overall: {
			before: previous.percent,
			beforeVerdict: previous.verdict,
			now: result.percent,
			nowVerdict: result.band.verdict,
			change: changeText(previous.percent, result.percent),
		},
	};
}

/** The table's HTML; `language` names the date the way the page's language does. */
export function beforeNowTable(q: Questionnaire, previous: Snapshot, answers: Answers, language: string): string {
	const { rows, overall } = beforeAndNow(q, previous, answers);
	const when = new Date(previous.saved);
	const date = Number.isNaN(when.getTime())
		? ''
		: ` (<time datetime="${isoDate(when)}">${esc(formatDate(when, language))}</time>)`;
	const cell = (percent: number | undefined) => `<td>${percent === undefined ? 'Not scored' : percentText(percent)}</td>`;
	const body = rows.map(
		(r) => `<tr><th scope="row">${esc(r.title)}</th>${cell(r.before)}${cell(r.now)}<td>${r.change}</td></tr>`,
	);
	body.push(
		`<tr><th scope="row">Overall</th><td>${percentText(overall.before)}, ${esc(overall.beforeVerdict)}</td><td>${percentText(overall.now)}, ${esc(overall.nowVerdict)}</td><td>${overall.change}</td></tr>`,
	);
	return `<table class="pb-q-table"><caption>Before and now, by section</caption><thead><tr><th scope="col">Section</th><th scope="col">Before${date}</th><th scope="col">Now</th><th scope="col">Change</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}
