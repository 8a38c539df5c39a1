/**
 * What the reader keeps in this browser for one questionnaire: the
 * assessment being filled in, and saved assessments by partner, each with its
 * previous run. Pure: the element stores it through `src/lib/storage.ts`.
 *
 * Versions of the stored shape:
 * 1. the draft and the partners;
 * 2. each assessment may carry `previous`, the result it had before it was
 *    last saved with other answers (see `previous.ts`). Pages of version 1
 *    would drop it when saving, so they leave version 2 data alone.
 */
import { parseSnapshot, type Snapshot } from './previous.ts';
import { type Answer, type Questionnaire, validAnswer } from './scoring.ts';

/** One assessment: answers and notes, as of a questionnaire version. */
export interface Assessment {
	/** Stable id of a saved assessment (`draft` for the one being filled in). */
	id: string;
	/** Partner name; empty for the draft until it is saved. */
	name: string;
	/** Questionnaire version the answers were given to. */
	version: number;
	answers: Record<string, Answer>;
	/** A note per question id. */
	notes: Record<string, string>;
	/** Answers and notes to questions the questionnaire no longer has (or to answers it no longer offers), kept for the reader. */
	aside?: { question: string; answer?: Answer; note?: string }[];
	/** ISO time of the last change. */
	updated: string;
	/** The result as it was before the partner was last saved with other answers. */
	previous?: Snapshot;
}

export interface WorkspaceState {
	draft: Assessment;
	/** Saved assessments, by partner, in the order saved. */
	partners: Assessment[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Version of the stored shape (for the storage envelope). */
export const WORKSPACE_VERSION = 2;

/** Upgrades for the storage envelope, from version `n` to `n + 1`. */
export const WORKSPACE_MIGRATIONS: Record<number, (data: unknown) => unknown> = {
	// Version 1 had no previous runs: anything under that name was not written by this site.
	1: (data) => {
		if (!isRecord(data)) return data;
		const strip = (a: unknown) => {
			if (!isRecord(a)) return a;
			const { previous: _, ...rest } = a;
			return rest;
		};
		return { ...data, draft: strip(data.draft), ...(Array.isArray(data.partners) ? { partners: data.partners.map(strip) } : {}) };
	},
};

function parseAnswer(value: unknown): Answer | undefined {
	if (value === 'na') return 'na';
	if (Array.isArray(value) && value.every((id) => typeof id === 'string')) return value as string[];
	return undefined;
}

/** An assessment read from untrusted data (storage, an import), or `undefined` when its shape is wrong. */
export function parseAssessment(value: unknown): Assessment | undefined {
	if (!isRecord(value)) return undefined;
	const { id, name, version, answers, notes, aside, updated } = value;
	// A damaged previous run only loses the before-and-now table, never the answers.
	const previous = parseSnapshot(value.previous);
	if (typeof id !== 'string' || typeof name !== 'string' || typeof version !== 'number' || !isRecord(answers)) return undefined;
	const parsedAnswers: Record<string, Answer> = {};
	for (const [key, raw] of Object.entries(answers)) {
		const answer = parseAnswer(raw);
		if (answer === undefined) return undefined;
		parsedAnswers[key] = answer;
	}
	const parsedNotes: Record<string, string> = {};
	if (notes !== undefined) {
		if (!isRecord(notes)) return undefined;
		for (const [key, note] of Object.entries(notes)) {
			if (typeof note !== 'string') return undefined;
			parsedNotes[key] = note;
		}
	}
	let parsedAside: Assessment['aside'];
	if (aside !== undefined) {
		if (!Array.isArray(aside)) return undefined;
		parsedAside = [];
		for (const item of aside) {
			if (!isRecord(item) || typeof item.question !== 'string') return undefined;
			const answer = item.answer === undefined ? undefined : parseAnswer(item.answer);
			if (item.answer !== undefined && answer === undefined) return undefined;
			if (item.note !== undefined && typeof item.note !== 'string') return undefined;
			parsedAside.push({
				question: item.question,
				...(answer !== undefined ? { answer } : {}),
				...(typeof item.note === 'string' ? { note: item.note } : {}),
			});
		}
	}
	return {
		id,
		name,
		version,
		answers: parsedAnswers,
		notes: parsedNotes,
		...(parsedAside?.length ? { aside: parsedAside } : {}),
		updated: typeof updated === 'string' ? updated : '',
		...(previous ? { previous } : {}),
	};
}

/** The stored workspace, or `undefined` when its shape is wrong (storage then keeps a backup). */
export function parseWorkspace(value: unknown): WorkspaceState | undefined {
	if (!isRecord(value) || !Array.isArray(value.partners)) return undefined;
	const draft = parseAssessment(value.draft);
	const partners = value.partners.map(parseAssessment);
	if (!draft || partners.some((p) => p === undefined)) return undefined;
	return { draft, partners: partners as Assessment[] };
}

/** A fresh, empty assessment for a questionnaire. */
export function emptyAssessment(q: Questionnaire, id = 'draft', now = new Date()): Assessment {
	return { id, name: '', version: q.version, answers: {}, notes: {}, updated: now.toISOString() };
}

/** What {@link reconcile} changed, to tell the reader. */
export interface Reconciled {
	assessment: Assessment;
	/** The questionnaire changed since these answers were given. */
	revised: boolean;
	/** Answers newly kept aside, by question id. */
	setAside: string[];
	/** Questions of the current version with no answer in this assessment that it did not know of. */
	added: string[];
}

/**
 * Fits an assessment to the questionnaire as it is now. Answers (and notes)
 * to questions that no longer exist, or answers it no longer offers, are kept
 * aside rather than lost; questions added since stay unanswered. Nothing is
 * ever dropped: what was aside stays aside.
 */
export function reconcile(q: Questionnaire, assessment: Assessment): Reconciled {
	const answers: Record<string, Answer> = {};
	const notes: Record<string, string> = {};
	const aside = [...(assessment.aside ?? [])];
	const setAside: string[] = [];
	const byId = new Map(q.questions.map((question) => [question.id, question]));
	for (const [id, answer] of Object.entries(assessment.answers)) {
		const question = byId.get(id);
		if (question && validAnswer(question, answer)) answers[id] = answer;
		else {
			aside.push({
				question: id,
				answer,
				...(assessment.notes[id] !== undefined && !question ? { note: assessment.notes[id] } : {}),
			});
			setAside.push(id);
		}
	}
	for (const [id, note] of Object.entries(assessment.notes)) {
		if (byId.has(id)) notes[id] = note;
		else if (!(id in assessment.answers)) {
			aside.push({ question: id, note });
			setAside.push(id);
		}
	}
	const revised = assessment.version !== q.version;
	const known = new Set([...Object.keys(assessment.answers), ...Object.keys(assessment.notes)]);
	const added = revised
		? q.questions.filter((question) => !known.has(question.id) && !(question.id in answers)).map((qq) => qq.id)
		: [];
	return {
		assessment: { ...assessment, version: q.version, answers, notes, ...(aside.length ? { aside } : {}) },
		revised,
		setAside,
		added,
	};
}

/** What to tell the reader after {@link reconcile}, or `undefined` when nothing changed. */
export function reconcileMessage(r: Reconciled, from: number, to: number): string | undefined {
	if (!r.revised && !r.setAside.length) return undefined;
	const parts = [r.revised ? `This questionnaire was revised since these answers were given (version ${from}, now ${to}).` : ''];
	if (r.setAside.length)
		parts.push(
			`${r.setAside.length === 1 ? '1 answer no longer fits a question' : `${r.setAside.length} answers no longer fit a question`} and ${r.setAside.length === 1 ? 'is' : 'are'} kept aside below.`,
		);
	if (r.added.length)
		parts.push(`${r.added.length === 1 ? '1 new question is' : `${r.added.length} new questions are`} unanswered.`);
	return parts.filter(Boolean).join(' ');
}
