/**
 * CSV of a goal's plan, one row per micro goal, written by papaparse's
 * `unparse` (quotes, commas, line breaks and Unicode as RFC 4180 asks; cells
 * that a spreadsheet would run as a formula are defused). Numbers are passed
 * as numbers, so a negative value stays a number a spreadsheet can add up,
 * while reader text starting with `=`, `+`, `-` or `@` is defused.
 */
import Papa from 'papaparse';
import { type MacroGoal, STATUS_LABELS } from './model.ts';

export const CSV_COLUMNS = [
	'Goal',
	'Partner',
	'Micro goal',
	'Owner',
	'Due',
	'Status',
	'Measure',
	'Measure target',
	'Measure actual',
	'Contribution',
	'Done on',
	'Notes',
	'Tactics',
] as const;

const num = (n: number | null) => n ?? '';
const OPTIONS = { newline: '\r\n', escapeFormulae: true } as const;

/** The micro goals of `goal` as CSV, with a header row; a goal with no micro goals gives the header only. */
export function microCsv(goal: MacroGoal): string {
	const rows = goal.micro.map((m) => [
		goal.title,
		goal.partner,
		m.action,
		m.owner,
		m.due,
		STATUS_LABELS[m.status],
		m.measure,
		num(m.measureTarget),
		num(m.measureActual),
		num(m.contribution),
		m.doneOn,
		m.notes,
		m.tactics.map((t) => `${t.what}${t.verdict ? ` (${t.verdict})` : ''}`).join('; '),
	]);
	return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, OPTIONS)}\r\n`;
}

/** The check-ins of `goal` as CSV. */
export function checkInCsv(goal: MacroGoal): string {
	const rows = goal.checkIns.map((c) => [c.date, c.value, c.confidence, c.note]);
	return `${Papa.unparse({ fields: ['Date', 'Value', 'Confidence', 'Note'], data: rows }, OPTIONS)}\r\n`;
}
