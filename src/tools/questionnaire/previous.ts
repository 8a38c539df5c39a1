/**
 * The previous run of a saved partner's assessment: its result as it stood
 * before the partner was saved again with other answers, kept with the
 * partner so that the before-and-now table survives reloads. Pure.
 *
 * Rules:
 * - Saving a partner whose saved answers differ from the ones being saved
 *   makes the saved result the previous run.
 * - Saving the same answers again (a new name, new notes) keeps the previous
 *   run as it was, so the comparison is never wiped by a second click.
 * - The snapshot holds scores, not answers: it shows what the reader saw
 *   then, even after the questionnaire changes.
 *
 * The table itself is drawn by `before-now.ts`, loaded when a partner with a
 * previous run is first shown.
 */
import { type Answers, type Questionnaire, score } from './scoring.ts';
import type { Assessment } from './workspace.ts';

/** A saved result, as the before-and-now table shows it. */
export interface Snapshot {
	/** ISO time the earlier answers were saved (empty when that is not known). */
	saved: string;
	/** Overall score, 0–100. */
	percent: number;
	/** The verdict band's name. */
	verdict: string;
	/** Each section's score, 0–100, or no `percent` when nothing in it counted. */
	sections: { id: string; title: string; percent?: number }[];
}

/** The result of a saved assessment, to keep as the previous run. */
export function snapshotOf(q: Questionnaire, a: Pick<Assessment, 'answers' | 'updated'>): Snapshot {
	const result = score(q, a.answers);
	return {
		saved: a.updated,
		percent: result.percent,
		verdict: result.band.verdict,
		sections: result.sections.map((s) => ({
			id: s.id,
			title: s.title,
			...(s.percent === undefined ? {} : { percent: s.percent }),
		})),
	};
}

/** Whether two sets of answers are the same, whatever the order of their keys and of a multiple answer's options. */
export function sameAnswers(a: Answers, b: Answers): boolean {
	const norm = (answers: Answers) =>
		JSON.stringify(
			Object.keys(answers)
				.sort()
				.map((id) => [id, answers[id] === 'na' ? 'na' : [...answers[id]!].sort()]),
		);
	return norm(a) === norm(b);
}

/**
 * The previous run to keep with `saving`, the assessment about to be saved:
 * `earlier` (what is saved now for that partner) when its answers differ,
 * otherwise the previous run already kept (by `earlier`, or carried by
 * `saving` itself, as an imported file does).
 */
export function previousFor(q: Questionnaire, earlier: Assessment | undefined, saving: Assessment): Snapshot | undefined {
	if (earlier && !sameAnswers(earlier.answers, saving.answers)) return snapshotOf(q, earlier);
	return earlier?.previous ?? saving.previous;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isPercent = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 100;

/** A snapshot read from untrusted data (storage, an import), or `undefined` when anything in it is wrong. */
export function parseSnapshot(value: unknown): Snapshot | undefined {
	if (!isRecord(value)) return undefined;
	const { saved, percent, verdict, sections } = value;
	if (typeof saved !== 'string' || (saved !== '' && Number.isNaN(Date.parse(saved)))) return undefined;
	if (!isPercent(percent) || typeof verdict !== 'string' || !Array.isArray(sections)) return undefined;
	const parsed: Snapshot['sections'] = [];
	for (const section of sections) {
		if (!isRecord(section) || typeof section.id !== 'string' || typeof section.title !== 'string') return undefined;
		if (section.percent !== undefined && !isPercent(section.percent)) return undefined;
		parsed.push({ id: section.id, title: section.title, ...(section.percent === undefined ? {} : { percent: section.percent }) });
	}
	return { saved, percent, verdict, sections: parsed };
}
