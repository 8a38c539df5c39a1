/**
 * Share links: answers carried in the URL fragment (`#pb-share=…`), which
 * browsers never send to a server. A link is checked when opened: one that
 * was changed, cut short, made for another questionnaire or for another
 * version of it gives a message and is not used. Notes are never shared.
 *
 * Three kinds of link:
 * - `result`: my answers, to show someone else the same result;
 * - `ask`: a request for a partner to answer from their side (no answers);
 * - `reply`: the partner's answers to an `ask` link, with its reference, so
 *   the asker sees both sides compared.
 */
import { type Answer, type Answers, type Questionnaire, validAnswer } from './scoring.ts';

export const SHARE_PREFIX = '#pb-share=';

export type ShareKind = 'result' | 'ask' | 'reply';

export interface SharePayload {
	kind: ShareKind;
	/** Questionnaire id. */
	questionnaire: string;
	version: number;
	answers: Answers;
	/** Partner name the link is about (`result`, `ask`), or the replying partner's name (`reply`). */
	name?: string;
	/** Reference of the asking assessment, for `ask` and `reply`. */
	ref?: string;
}

export type DecodeResult = { ok: true; payload: SharePayload } | { ok: false; message: string };

export const SHARE_MESSAGES = {
	damaged:
		'This link is damaged: it was changed or cut short after it was made, so it cannot be opened. Ask for the whole link again. Nothing you saved was changed.',
	other: (id: string) =>
		`This link is for another questionnaire (“${id}”), so it cannot be opened here. Nothing you saved was changed.`,
	outdated: (from: number, to: number) =>
		`This link was made for version ${from} of this questionnaire, which has changed since (it is now version ${to}), so its answers cannot be shown as they were given. Ask for a new link. Nothing you saved was changed.`,
} as const;

/** What the share dialog says for each kind of link: its title, and what the link does. */
export const SHARE_DIALOG: Record<ShareKind, [string, string]> = {
	result: [
		'Share link',
		'Anyone with this link sees these answers and their result. The answers travel in the link itself; your notes stay here.',
	],
	ask: [
		'Ask the partner',
		'Send this link to your partner. It opens this questionnaire for them to answer from their side, then gives them a link to send back to you.',
	],
	reply: [
		'Send my answers back',
		'Send this link back to whoever asked you. It carries your answers, and opening it shows both sides compared.',
	],
};

/** What the reader is told once a `result` or `ask` link is open. */
export function openedText({ kind, name }: Pick<SharePayload, 'kind' | 'name'>): string {
	const about = name ? ` about ${name}` : '';
	return kind === 'ask'
		? `You were asked to answer this questionnaire from your side${about}. Your answers are not saved here; when you are done, choose “Send my answers back”.`
		: `These are the answers from a shared link${about}. They are not saved in this browser unless you save them under a partner name; what you saved before is unchanged.`;
}

/** FNV-1a, 32 bits: enough to notice a changed or cut link (it is no security measure; the link is the secret). */
function checksum(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

function toBase64Url(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | undefined {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
	try {
		const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
		return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
	} catch {
		return undefined;
	}
}

/** Compact answers: an option id, a list of ids (multiple), or 0 for N/A. */
type Compact = Record<string, string | string[] | 0>;

const KINDS: Record<ShareKind, string> = { result: 'r', ask: 'a', reply: 'y' };

/** The fragment (with its `#pb-share=`) that carries a payload. */
export function encodeShare(payload: SharePayload): string {
	const a: Compact = {};
	for (const [id, answer] of Object.entries(payload.answers)) {
		a[id] = answer === 'na' ? 0 : answer.length === 1 ? answer[0]! : [...answer];
	}
	const body = JSON.stringify({
		k: KINDS[payload.kind],
		q: payload.questionnaire,
		v: payload.version,
		a,
		...(payload.name ? { n: payload.name } : {}),
		...(payload.ref ? { r: payload.ref } : {}),
	});
	return `${SHARE_PREFIX}${toBase64Url(body)}.${checksum(body)}`;
}

/** Whether a URL fragment holds a share link (valid or not). */
export const isShareFragment = (hash: string) => hash.startsWith(SHARE_PREFIX);

/**
 * Reads and checks a share fragment against the questionnaire on the page.
 * Every answer must name a question and options it has.
 */
export function decodeShare(hash: string, q: Questionnaire & { id: string }): DecodeResult {
	if (!isShareFragment(hash)) return { ok: false, message: SHARE_MESSAGES.damaged };
	let fragment: string;
	try {
		fragment = decodeURIComponent(hash.slice(SHARE_PREFIX.length));
	} catch {
		// A `%` not followed by a whole, valid UTF-8 sequence.
		return { ok: false, message: SHARE_MESSAGES.damaged };
	}
	const [encoded = '', sum = '', ...rest] = fragment.split('.');
	const body = fromBase64Url(encoded);
	if (rest.length || body === undefined || checksum(body) !== sum) return { ok: false, message: SHARE_MESSAGES.damaged };
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch {
		return { ok: false, message: SHARE_MESSAGES.damaged };
	}
	const data = value as { k?: unknown; q?: unknown; v?: unknown; a?: unknown; n?: unknown; r?: unknown };
	const kind = (Object.keys(KINDS) as ShareKind[]).find((k) => KINDS[k] === data.k);
	if (!kind || typeof data.q !== 'string' || typeof data.v !== 'number' || typeof data.a !== 'object' || data.a === null)
		return { ok: false, message: SHARE_MESSAGES.damaged };
	if (data.q !== q.id) return { ok: false, message: SHARE_MESSAGES.other(data.q) };
	if (data.v !== q.version) return { ok: false, message: SHARE_MESSAGES.outdated(data.v, q.version) };
	const answers: Record<string, Answer> = {};
	for (const [id, raw] of Object.entries(data.a as Record<string, unknown>)) {
		const question = q.questions.find((question) => question.id === id);
		const answer: Answer | undefined =
			raw === 0
				? 'na'
				: typeof raw === 'string'
					? [raw]
					: Array.isArray(raw) && raw.every((x) => typeof x === 'string')
						? raw
						: undefined;
		if (!question || answer === undefined || !validAnswer(question, answer))
			return { ok: false, message: SHARE_MESSAGES.damaged };
		answers[id] = answer;
	}
	if ((data.n !== undefined && typeof data.n !== 'string') || (data.r !== undefined && typeof data.r !== 'string'))
		return { ok: false, message: SHARE_MESSAGES.damaged };
	return {
		ok: true,
		payload: {
			kind,
			questionnaire: data.q,
			version: data.v,
			answers,
			...(typeof data.n === 'string' && data.n ? { name: data.n } : {}),
			...(typeof data.r === 'string' && data.r ? { ref: data.r } : {}),
		},
	};
}
