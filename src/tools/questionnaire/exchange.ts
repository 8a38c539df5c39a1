/**
 * Exports (Markdown summary, CSV, JSON) and the JSON import, loaded on first
 * use. An import is checked whole before anything changes. The JSON export
 * and the Markdown summary carry a partner's previous run; share links do
 * not, to stay short.
 */
import { downloadSlug } from '../../lib/slug.ts';
import { beforeAndNow } from './before-now.ts';
import { adviceFor, answerLabel, percentText, type Questionnaire, questionMax, questionPoints, score } from './scoring.ts';
import { type Assessment, parseAssessment, reconcile } from './workspace.ts';

/** `format` of a JSON export. */
export const EXPORT_FORMAT = 'pactbook-questionnaire';

type Defined = Questionnaire & { id: string };

const titleOf = (a: Assessment) => a.name || 'Unsaved assessment';

/** A Markdown summary to paste into an email or a CRM note: verdict, sections, answers with notes, advice. */
export function toMarkdown(q: Defined, a: Assessment, date = new Date()): string {
	const result = score(q, a.answers);
	const lines = [
		`# ${q.title}: ${titleOf(a)}`,
		'',
		`**${result.band.verdict}** (${percentText(result.percent)}), ${date.toISOString().slice(0, 10)}`,
		'',
		result.band.summary,
		'',
		'## Sections',
		'',
		...result.sections.map((s) => `- ${s.title}: ${s.percent === undefined ? 'not scored' : percentText(s.percent)}`),
		'',
	];
	if (a.previous) {
		const { rows, overall } = beforeAndNow(q, a.previous, a.answers);
		const pct = (percent: number | undefined) => (percent === undefined ? 'not scored' : percentText(percent));
		lines.push(
			`## Since the previous run${a.previous.saved ? ` (${a.previous.saved.slice(0, 10)})` : ''}`,
			'',
			`- Overall: ${percentText(overall.before)} ${overall.beforeVerdict}, now ${percentText(overall.now)} ${overall.nowVerdict} (${overall.change.toLowerCase()})`,
			...rows.map((r) => `- ${r.title}: ${pct(r.before)}, now ${pct(r.now)} (${r.change.toLowerCase()})`),
			'',
		);
	}
	lines.push('## Answers', '');
	for (const question of q.questions) {
		lines.push(`- ${question.text} **${answerLabel(question, a.answers[question.id])}**`);
		if (a.notes[question.id]) lines.push(`  Note: ${a.notes[question.id]!.replace(/\s*\n\s*/g, ' ')}`);
	}
	const advice = adviceFor(q, a.answers);
	if (advice.length) {
		lines.push('', '## What to work on', '');
		for (const { advice: item } of advice)
			lines.push(`- ${item.text}${item.links.map((l) => ` [${l.label}](${l.href})`).join('')}`);
	}
	return `${lines.join('\n')}\n`;
}

/** The name (without extension) of an export: the questionnaire's id, then the partner's name in any script. */
export function exportName(q: Defined, a: Pick<Assessment, 'name'>): string {
	const partner = downloadSlug(a.name);
	return partner ? `${q.id}-${partner}` : q.id;
}

/** A CSV field, quoted when it must be; a leading = + - @ is neutralised so spreadsheets do not run it. */
function csvField(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per question: section, question, answer, points, maximum and note. */
export function toCsv(q: Defined, a: Assessment): string {
	const rows: (string | number)[][] = [['section', 'question', 'answer', 'points', 'max', 'note']];
	for (const question of q.questions) {
		const answer = a.answers[question.id];
		const section = q.sections.find((s) => s.id === question.section)?.title ?? question.section;
		rows.push([
			section,
			question.text,
			answerLabel(question, answer),
			answer === 'na' || answer === undefined ? '' : questionPoints(question, answer),
			answer === 'na' ? '' : questionMax(question),
			a.notes[question.id] ?? '',
		]);
	}
	return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The JSON export, which {@link fromJson} reads back. */
export function toJson(q: Defined, a: Assessment, date = new Date()): string {
	return `${JSON.stringify({ format: EXPORT_FORMAT, questionnaire: q.id, exported: date.toISOString(), assessment: a }, null, 2)}\n`;
}

export type ImportResult = { ok: true; assessment: Assessment; note?: string } | { ok: false; message: string };

/** Reads a JSON export for this questionnaire; anything else gives a message and no assessment. */
export function fromJson(text: string, q: Defined): ImportResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, message: 'This file is not valid JSON, so it cannot be imported.' };
	}
	const data = value as { format?: unknown; questionnaire?: unknown; assessment?: unknown };
	if (typeof value !== 'object' || value === null || data.format !== EXPORT_FORMAT)
		return { ok: false, message: 'This file is not a questionnaire export from this site.' };
	if (data.questionnaire !== q.id)
		return { ok: false, message: `This file holds answers to another questionnaire (“${String(data.questionnaire)}”).` };
	const assessment = parseAssessment(data.assessment);
	if (!assessment) return { ok: false, message: 'This file’s answers are damaged or incomplete, so it cannot be imported.' };
	const fitted = reconcile(q, assessment);
	const note = fitted.revised
		? `It was made for version ${assessment.version} of the questionnaire (now ${q.version}); answers that no longer fit are kept aside.`
		: fitted.setAside.length
			? 'Answers that no longer fit a question are kept aside.'
			: undefined;
	return { ok: true, assessment: fitted.assessment, ...(note ? { note } : {}) };
}
