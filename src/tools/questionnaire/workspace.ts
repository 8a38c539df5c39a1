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
 *
 * `deleted` was added without a new version: it only helps two tabs merge
 * their saves, and a page that drops it loses no answers.
 */
import { partnerKey } from '../../lib/partner-key.ts';
import { parseSnapshot, previousFor, type Snapshot, sameAnswers } from './previous.ts';
import { type Answer, type Questionnaire, validAnswer } from './scoring.ts';

/** One assessment: answers and notes, as of a questionnaire version. */
export interface Assessment {
	/** Stable id of a saved assessment (`draft` for the one being filled in). */
	id: string;
	/** Partner name: of a saved partner, or as typed for the draft (empty until then). */
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
	/** Ids of deleted partners, so that merging with another tab's save does not bring them back. */
	deleted?: string[];
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
	// Deleted ids only help merging: a damaged list is dropped, never the answers.
	const deleted = Array.isArray(value.deleted) ? value.deleted.filter((id): id is string => typeof id === 'string') : [];
	return { draft, partners: partners as Assessment[], ...(deleted.length ? { deleted } : {}) };
}

/** Most deleted ids kept for merging. */
const DELETED_MAX = 1000;

/**
 * Combines what another tab saved (`stored`) with what this tab is saving:
 * every partner either side has, the later change of a partner both have
 * (this tab's on a tie), minus partners either side deleted, in the order
 * both saved them. The draft is this tab's: each tab keeps the assessment it
 * has on screen. Deterministic, as the storage module asks.
 */
export function mergeWorkspaces(stored: WorkspaceState, mine: WorkspaceState): WorkspaceState {
	const deleted = [...new Set([...(stored.deleted ?? []), ...(mine.deleted ?? [])])].sort().slice(-DELETED_MAX);
	const gone = new Set(deleted);
	const partners = mine.partners
		.filter((p) => !gone.has(p.id))
		.map((p) => {
			const theirs = stored.partners.find((s) => s.id === p.id);
			return theirs && theirs.updated > p.updated ? theirs : p;
		});
	// Partners only the other tab has go after the partner they follow there.
	let at = 0;
	for (const p of stored.partners) {
		const i = partners.findIndex((m) => m.id === p.id);
		if (i !== -1) at = i + 1;
		else if (!gone.has(p.id)) partners.splice(at++, 0, p);
	}
	return { draft: mine.draft, partners, ...(deleted.length ? { deleted } : {}) };
}

/**
 * What a tab shows once another tab has saved: the stored partners, and the
 * stored draft only when it is the assessment this tab has on screen (open
 * in both, changed there); any other draft stays as this tab has it.
 */
export function heardFromOtherTab(mine: WorkspaceState, stored: WorkspaceState): WorkspaceState {
	return { ...stored, draft: stored.draft.id === mine.draft.id ? stored.draft : mine.draft };
}

const writtenNotes = (a: Assessment) =>
	JSON.stringify(
		Object.entries(a.notes)
			.filter(([, note]) => note.trim())
			.sort(([x], [y]) => (x < y ? -1 : 1)),
	);

/**
 * Whether replacing `a` on screen would lose something: answers, notes or a
 * name not saved under a partner, or changed since its partner was saved.
 */
export function hasUnsavedWork(state: WorkspaceState, a: Assessment): boolean {
	const saved = state.partners.find((p) => p.id === a.id);
	if (!saved)
		return Object.keys(a.answers).length > 0 || writtenNotes(a) !== '[]' || a.name.trim() !== '' || Boolean(a.aside?.length);
	return saved.name !== a.name || !sameAnswers(saved.answers, a.answers) || writtenNotes(saved) !== writtenNotes(a);
}

export type Saved =
	| { ok: true; state: WorkspaceState; saved: Assessment; message: string; updated?: Assessment }
	| { ok: false; message: string };

/**
 * The workspace once `current` is saved under `name`. One partner, one row:
 * - the partner `current` was opened from is updated (and renamed when the name changed);
 * - otherwise a partner saved under that name, whatever its case or spacing,
 *   is updated with these answers as its new run, its earlier result kept as
 *   the previous run (`updated` is that partner as it was, for an undo);
 * - otherwise `current` becomes a new partner, under its own id when no
 *   partner has or had it (so another tab showing it follows), else `newId()`.
 * Renaming a partner to another partner's name is refused, with a message.
 */
export function saveAssessment(
	q: Questionnaire,
	state: WorkspaceState,
	current: Assessment,
	name: string,
	newId: () => string,
	now = new Date(),
): Saved {
	const key = partnerKey(name);
	const opened = state.partners.find((p) => p.id === current.id);
	const namesake = state.partners.findLast((p) => p !== opened && partnerKey(p.name) === key);
	if (opened && namesake && partnerKey(opened.name) !== key)
		return {
			ok: false,
			message: `Another saved partner is already called ${namesake.name}. Choose another name for ${opened.name}, or open ${namesake.name} to update it. Nothing was saved.`,
		};
	const target = opened ?? namesake;
	const reusable = !['draft', 'shared'].includes(current.id) && !state.deleted?.includes(current.id);
	const { previous: _, ...fields } = current;
	const saved: Assessment = {
		...fields,
		id: target?.id ?? (reusable ? current.id : newId()),
		// Saved under another spelling of a partner's name: the partner keeps the name it has.
		name: opened ? name : (namesake?.name ?? name),
		updated: now.toISOString(),
	};
	const previous = previousFor(q, target, current);
	if (previous) saved.previous = previous;
	const partners = target ? state.partners.map((p) => (p === target ? saved : p)) : [...state.partners, saved];
	const next: WorkspaceState = { ...state, draft: saved, partners };
	if (opened)
		return {
			ok: true,
			state: next,
			saved,
			message: opened.name !== name ? `Renamed ${opened.name} to ${name} and saved.` : `Saved ${name}.`,
		};
	if (namesake)
		return {
			ok: true,
			state: next,
			saved,
			updated: namesake,
			message: sameAnswers(namesake.answers, current.answers)
				? `Saved ${namesake.name}.`
				: `${namesake.name} was already saved, so these answers were saved as its new run; its earlier result is kept to compare with.`,
		};
	return { ok: true, state: next, saved, message: `Saved ${name}.` };
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
