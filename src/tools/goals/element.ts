/**
 * `<pb-goal-builder>`: macro partner goals broken into micro goals, with
 * check-ins, pace, a tactic log and wins, saved in this browser. Everything
 * the reader types is put on the page as text (textContent, attributes),
 * never as HTML. Export code is loaded on first use.
 */

import { download } from '../../elements/download.ts';
import { FormDrafts, keepFocus } from '../../elements/form-drafts.ts';
import { partnerKey } from '../../lib/partner-key.ts';
import { createStore, type Store, storageKey } from '../../lib/storage.ts';
import { checkState } from './check.ts';
import {
	blankGoal,
	blankMicro,
	dayNumber,
	emptyState,
	GOALS_VERSION,
	type GoalsState,
	isDay,
	localToday,
	type MacroGoal,
	MICRO_STATUSES,
	type MicroGoal,
	type MicroStatus,
	mergeStates,
	newId,
	type Phase,
	STATUS_LABELS,
	type Tactic,
	VERDICTS,
} from './model.ts';
import {
	expectedProgress,
	forecastSentence,
	formatValue,
	measureText,
	paceSentence,
	percent,
	progressOf,
	progressSentence,
	STATUS_TEXT,
	sortedCheckIns,
	summarise,
} from './progress.ts';
import { fromTemplate, type GoalTemplate } from './template.ts';
import type { MergeResult } from './transfer.ts';

type Child = Node | string | false | null | undefined;
type Props = Record<string, string | number | boolean | EventListener | undefined>;

const PROPS = new Set(['value', 'checked', 'hidden', 'disabled', 'selected', 'open']);

/** Creates an element: `text` sets textContent, `on<event>` adds a listener, the rest are attributes or properties. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	for (const [key, value] of Object.entries(props)) {
		if (value === undefined || value === false) continue;
		if (typeof value === 'function') el.addEventListener(key.slice(2), value);
		else if (key === 'text') el.textContent = String(value);
		else if (PROPS.has(key)) (el as unknown as Record<string, unknown>)[key] = value;
		else el.setAttribute(key, value === true ? '' : String(value));
	}
	el.append(...children.filter((c): c is Node | string => Boolean(c)));
	return el;
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag: string, attrs: Record<string, string | number>): SVGElement {
	const el = document.createElementNS(SVG, tag);
	for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
	return el;
}

const num = (value: FormDataEntryValue | null): number | null => {
	const text = String(value ?? '').trim();
	return text === '' ? null : Number(text);
};
const str = (value: FormDataEntryValue | null) => String(value ?? '').trim();
const slug = (text: string) =>
	text
		.toLocaleLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-|-$/g, '') || 'goal';

/** Reads "2026-03-31 10, 2026-06-30 30" (cumulative % by date), or says what is wrong. */
export function readPhases(text: string): Phase[] | string {
	const phases: Phase[] = [];
	for (const part of text.split(/[,;\n]+/)) {
		if (!part.trim()) continue;
		const match = /^\s*(\d{4}-\d{2}-\d{2})\s*[: ]\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(part);
		if (!match || !isDay(match[1]!)) return `“${part.trim()}” is not a date and a percentage, like 2026-03-31 10.`;
		phases.push({ date: match[1]!, percent: Number(match[2]) });
	}
	return phases;
}

let instances = 0;
const KEY = storageKey('goals', 'plan');

type Schema = typeof import('./schema.ts');
let schemaModule: Promise<Schema> | undefined;
/** zod's schema explains what is wrong in a form; it is loaded on the first submit. */
const loadSchema = () => {
	schemaModule ??= import('./schema.ts');
	return schemaModule;
};

class PbGoalBuilder extends HTMLElement {
	#store: Store<GoalsState> | undefined;
	#started = false;
	#state: GoalsState = emptyState();
	#templates: GoalTemplate[] = [];
	#uid = `pbg${++instances}`;
	#root = h('div', { class: 'pb-goals-app' });
	#live = h('p', { class: 'pb-sr-only', role: 'status', 'aria-live': 'polite' });
	/** What loading found (data kept aside, a newer version, no storage), apart from the notices of later actions. */
	#loadNotice = h('div', { class: 'pb-notice pb-load-notice', role: 'alert', hidden: true });
	#notice = h('div', { class: 'pb-notice', role: 'alert', hidden: true });
	/** What typed in the forms is kept while the builder draws again. */
	#drafts = new FormDrafts(this.#root);
	/** What Undo brings back, and the control it focuses then. */
	#undo: { state: GoalsState; label: string; focus: string | undefined } | undefined;
	/** Whether the goal form is open, and for which goal ('' for a new one). */
	#editingGoal: string | undefined;
	#editingMicro: string | undefined;
	#celebrate: string | undefined;
	/** Tactic logs the reader has opened, kept open when the builder draws again. */
	#openTactics = new Set<string>();
	#formError: { form: string; message: string } | undefined;
	/** What the notice says (a failed save, an import that changed nothing) until the next save works. */
	#message = '';
	/** Unreadable data was kept aside: said until the reader dismisses it. */
	#recovered = '';
	/** The saved data cannot be used now (a newer version, no storage). */
	#loadError = '';
	#loadShown = '';
	/** Statuses chosen with the keyboard and not settled yet (Enter, or leaving the list, settles them). */
	#pendingStatus = new Map<string, MicroStatus>();
	#weekly = false;

	connectedCallback() {
		if (this.#started) return;
		this.#started = true;
		const data = document.querySelector('script[data-goal-templates]')?.textContent;
		try {
			this.#templates = data ? (JSON.parse(data) as GoalTemplate[]) : [];
		} catch {
			this.#templates = [];
		}
		for (const fallback of this.querySelectorAll('.pb-goals-fallback')) fallback.remove();
		this.append(this.#live, this.#loadNotice, this.#notice, this.#root);
		window.addEventListener('storage', (event) => {
			if (event.key !== KEY && event.key !== null) return;
			// What another tab saved replaces what an undo here would bring back.
			this.#undo = undefined;
			this.#load();
		});
		this.#load();
	}

	#getStore(): Store<GoalsState> {
		// Saved state is checked by check.ts, which agrees with the zod schema without loading it.
		this.#store ??= createStore({ key: KEY, version: GOALS_VERSION, parse: checkState, merge: mergeStates });
		return this.#store;
	}

	#load() {
		const result = this.#getStore().load();
		this.#loadError = '';
		if (result.status === 'ok') this.#state = result.data;
		else if (result.status === 'recovered')
			this.#recovered = `Your saved goals could not be read (${result.reason}). A copy was kept in this browser under “${result.backupKey}”; you are starting afresh.`;
		else if (result.status !== 'empty') this.#loadError = result.message;
		this.#render();
	}

	#today() {
		return localToday();
	}

	#goal(): MacroGoal | undefined {
		return this.#state.goals.find((g) => g.id === this.#state.open) ?? this.#state.goals[0];
	}

	/**
	 * Saves `next`; once saved, runs `done` (closing a form, say), offers undo
	 * when `undo` is given (Undo then focuses `undoFocus`), announces `said`,
	 * draws again and focuses `focus`. When saving fails, the notice says why and
	 * every form stays as it was, with what was typed in it.
	 */
	#commit(
		next: GoalsState,
		{
			said,
			undo,
			focus,
			undoFocus,
			done,
		}: { said?: string; undo?: string; focus?: string | undefined; undoFocus?: string; done?: () => void } = {},
	): boolean {
		const before = this.#state;
		const result = this.#getStore().save(next);
		if (!result.ok) {
			this.#message = result.message;
			this.#render();
			return false;
		}
		this.#message = '';
		this.#state = result.merged ?? next;
		this.#undo = undo ? { state: before, label: undo, focus: undoFocus } : undefined;
		done?.();
		if (said) this.#say(said);
		this.#render();
		if (focus) this.#focus(focus);
		return true;
	}

	#focus(key: string) {
		this.querySelector<HTMLElement>(`[data-k="${CSS.escape(key)}"]`)?.focus();
	}

	#say(text: string) {
		// A new text node each time, so that the same words are announced again.
		this.#live.replaceChildren(text);
	}

	/** `state` with the open goal changed by `change`, stamped with the time of the change. */
	#withGoal(change: (goal: MacroGoal) => MacroGoal): GoalsState {
		const goal = this.#goal();
		if (!goal) return this.#state;
		const changed = { ...change(goal), updated: new Date().toISOString() };
		return { ...this.#state, goals: this.#state.goals.map((g) => (g.id === goal.id ? changed : g)) };
	}

	#withMicro(id: string, change: (micro: MicroGoal) => MicroGoal): GoalsState {
		return this.#withGoal((goal) => ({ ...goal, micro: goal.micro.map((m) => (m.id === id ? change(m) : m)) }));
	}

	#restore() {
		const undo = this.#undo;
		if (!undo) return;
		const now = new Date().toISOString();
		// Deleted goals come back under a new id (the old one stays deleted for other tabs); changed goals count as changed now.
		const goals = undo.state.goals.map((g) => {
			if (this.#state.deleted.includes(g.id)) return { ...g, id: newId('g'), updated: now };
			const current = this.#state.goals.find((c) => c.id === g.id);
			return current && JSON.stringify(current) !== JSON.stringify(g) ? { ...g, updated: now } : g;
		});
		const open = goals[undo.state.goals.findIndex((g) => g.id === undo.state.open)]?.id ?? undo.state.open;
		this.#commit({ goals, open, deleted: this.#state.deleted }, { said: `Undone: ${undo.label}`, focus: undo.focus });
	}

	#render() {
		const refocus = keepFocus(this);
		const goal = this.#goal();
		this.#notices();
		const creating = this.#editingGoal !== undefined || !goal;
		const parts = [
			this.#goalPicker(goal),
			creating ? this.#goalForm(this.#editingGoal ? goal : undefined) : null,
			goal && !creating ? this.#goalView(goal) : null,
			this.#transfer(goal),
		];
		this.#root.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
		refocus();
		this.#celebrate = undefined;
	}

	/** The load notice (drawn again only when it changes, so it is not announced again), then the latest action's notice or undo. */
	#notices() {
		const load = [this.#recovered, this.#loadError].filter(Boolean).join(' ');
		if (load !== this.#loadShown) {
			this.#loadShown = load;
			this.#loadNotice.replaceChildren();
			if (load) this.#loadNotice.append(h('p', { text: load }));
			if (this.#recovered)
				this.#loadNotice.append(
					h('button', {
						type: 'button',
						class: 'pb-button',
						'data-k': 'dismiss',
						text: 'Dismiss',
						onclick: () => {
							this.#recovered = '';
							this.#render();
							this.#root.querySelector<HTMLElement>('input, select, button, summary')?.focus();
						},
					}),
				);
			this.#loadNotice.hidden = !load;
		}
		// A save refused for the reason the load notice gives already is not said twice.
		const message = this.#message === this.#loadError ? '' : this.#message;
		const undo = this.#undo;
		this.#notice.replaceChildren();
		if (message || undo) this.#notice.append(h('p', { text: message || `${undo!.label}.` }));
		if (undo && !message)
			this.#notice.append(
				h('button', { type: 'button', class: 'pb-button', 'data-k': 'undo', text: 'Undo', onclick: () => this.#restore() }),
			);
		this.#notice.hidden = !message && !undo;
	}

	#goalPicker(goal: MacroGoal | undefined) {
		if (this.#state.goals.length === 0) return null;
		const id = `${this.#uid}-open`;
		const select = h(
			'select',
			{
				id,
				'data-k': 'open',
				onchange: (e) => {
					this.#commit({ ...this.#state, open: (e.target as HTMLSelectElement).value }, { done: () => this.#closeGoalForm() });
				},
			},
			...this.#state.goals.map((g) =>
				h('option', { value: g.id, selected: g.id === goal?.id, text: `${g.partner}: ${g.title}` }),
			),
		);
		return h(
			'div',
			{ class: 'pb-goals-picker pb-noprint' },
			h('label', { for: id, text: 'Open goal' }),
			select,
			h('button', {
				type: 'button',
				class: 'pb-button',
				'data-k': 'new-goal',
				text: 'New macro goal',
				onclick: () => {
					this.#editingGoal = '';
					this.#render();
					this.querySelector<HTMLElement>('[name=title]')?.focus();
				},
			}),
		);
	}

	#field(form: string, label: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string) {
		const id = `${this.#uid}-${form}-${input.getAttribute('name')}`;
		input.id = id;
		input.dataset.k ??= id;
		const hintId = hint ? `${id}-hint` : undefined;
		if (hintId) input.setAttribute('aria-describedby', hintId);
		return h(
			'div',
			{ class: 'pb-field' },
			h('label', { for: id, text: label }),
			hint && h('span', { class: 'pb-hint', id: hintId, text: hint }),
			input,
		);
	}

	/** Where a form says what to fix; empty and hidden until then. */
	#error(form: string) {
		const message = this.#formError?.form === form ? this.#formError.message : '';
		return h('p', { class: 'pb-form-error', role: 'alert', 'data-error': form, hidden: !message, text: message });
	}

	/** Shows what to fix in the form, keeping everything typed in it. */
	#fail(form: string, message: string) {
		this.#formError = { form, message };
		const slot = this.querySelector<HTMLElement>(`[data-error="${CSS.escape(form)}"]`);
		if (slot) {
			slot.textContent = message;
			slot.hidden = false;
		}
	}

	/** The key of the goal form's draft: the goal it edits, or none for a new goal. */
	#goalDraft() {
		return `goal:${this.#editingGoal ?? ''}`;
	}

	#closeGoalForm() {
		this.#drafts.forget(this.#goalDraft());
		this.#editingGoal = undefined;
		this.#formError = undefined;
	}

	#goalForm(goal: MacroGoal | undefined) {
		const today = this.#today();
		const input = (name: string, value: string | number | null, type = 'text', extra: Props = {}) =>
			h('input', { name, type, value: value === null ? '' : String(value), ...extra });
		const form = h(
			'form',
			{ class: 'pb-goal-form pb-noprint', 'aria-labelledby': `${this.#uid}-goal-form` },
			h('h3', { id: `${this.#uid}-goal-form`, text: goal ? 'Edit the macro goal' : 'New macro goal' }),
			this.#field('goal', 'Goal', input('title', goal?.title ?? '', 'text', { required: true, maxlength: 200 })),
			this.#field('goal', 'Partner', input('partner', goal?.partner ?? '', 'text', { required: true, maxlength: 120 })),
			this.#field('goal', 'Metric', input('metric', goal?.metric ?? 'Partner-sourced revenue', 'text', { required: true })),
			this.#field(
				'goal',
				'Unit or currency',
				input('unit', goal?.unit ?? '', 'text', { maxlength: 20 }),
				'For example USD, € or deals.',
			),
			this.#field(
				'goal',
				'Direction',
				h(
					'select',
					{ name: 'direction' },
					h('option', { value: 'increase', text: 'Increase', selected: goal?.direction !== 'decrease' }),
					h('option', { value: 'decrease', text: 'Decrease', selected: goal?.direction === 'decrease' }),
				),
			),
			this.#field('goal', 'Start value', input('start', goal?.start ?? 0, 'number', { step: 'any', required: true })),
			this.#field('goal', 'Target', input('target', goal?.target ?? '', 'number', { step: 'any', required: true })),
			this.#field('goal', 'Stretch target (optional)', input('stretch', goal?.stretch ?? null, 'number', { step: 'any' })),
			this.#field('goal', 'Start date', input('startDate', goal?.startDate ?? today, 'date', { required: true })),
			this.#field('goal', 'Due date', input('dueDate', goal?.dueDate ?? '', 'date', { required: true })),
			this.#field(
				'goal',
				'Phased targets (optional)',
				input('phases', goal?.phases.map((p) => `${p.date} ${p.percent}`).join(', ') ?? ''),
				'Share of the way to the target expected by each date, cumulative: 2026-03-31 10, 2026-06-30 30, 2026-09-30 60.',
			),
			this.#error('goal'),
			h(
				'div',
				{ class: 'pb-actions' },
				h('button', {
					type: 'submit',
					class: 'pb-button',
					'data-k': 'save-goal',
					text: goal ? 'Save the goal' : 'Create the goal',
				}),
				this.#state.goals.length > 0 &&
					h('button', {
						type: 'button',
						class: 'pb-button',
						text: 'Cancel',
						onclick: () => {
							this.#closeGoalForm();
							this.#render();
						},
					}),
			),
		);
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			const { describeIssues, goalSchema } = await loadSchema();
			const data = new FormData(form);
			const phases = readPhases(str(data.get('phases')));
			if (typeof phases === 'string') return this.#fail('goal', phases);
			const fields = {
				title: str(data.get('title')),
				partner: str(data.get('partner')).replace(/\s+/g, ' '),
				metric: str(data.get('metric')),
				unit: str(data.get('unit')),
				direction: data.get('direction') === 'decrease' ? ('decrease' as const) : ('increase' as const),
				start: num(data.get('start')) ?? 0,
				target: num(data.get('target')) ?? Number.NaN,
				stretch: num(data.get('stretch')),
				startDate: str(data.get('startDate')),
				dueDate: str(data.get('dueDate')),
				phases,
			};
			const next = goal ? { ...goal, ...fields, updated: new Date().toISOString() } : blankGoal(fields);
			const clash = this.#state.goals.find((g) => g.id !== next.id && partnerKey(g.partner) === partnerKey(next.partner));
			if (clash)
				return this.#fail(
					'goal',
					`${clash.partner} already has a goal, “${clash.title}”: pick it under “Open goal”, or name another partner.`,
				);
			const checked = goalSchema.safeParse(next);
			if (!checked.success) return this.#fail('goal', `Please check: ${describeIssues(checked.error).join('; ')}.`);
			this.#formError = undefined;
			const goals = goal ? this.#state.goals.map((g) => (g.id === goal.id ? next : g)) : [...this.#state.goals, next];
			this.#commit(
				{ ...this.#state, goals, open: next.id },
				{
					said: goal ? `Saved “${next.title}”.` : `Created “${next.title}”.`,
					focus: 'edit-goal',
					done: () => this.#closeGoalForm(),
				},
			);
		});
		return this.#drafts.restore(form, this.#goalDraft());
	}

	#goalView(goal: MacroGoal) {
		const today = this.#today();
		const summary = summarise(goal, today);
		const headingId = `${this.#uid}-goal`;
		return h(
			'section',
			{ class: 'pb-goal', 'aria-labelledby': headingId },
			h('h3', { id: headingId, text: goal.title }),
			h('p', {
				class: 'pb-muted',
				text: `${goal.partner} · ${goal.metric}: from ${formatValue(goal.start, goal.unit)} to ${formatValue(goal.target, goal.unit)}${goal.stretch === null ? '' : ` (stretch ${formatValue(goal.stretch, goal.unit)})`}, ${goal.startDate} to ${goal.dueDate}${goal.phases.length ? `, in ${goal.phases.length + 1} phases` : ''}.`,
			}),
			h(
				'div',
				{ class: 'pb-actions pb-noprint' },
				h('button', {
					type: 'button',
					class: 'pb-button',
					'data-k': 'edit-goal',
					text: 'Edit the goal',
					onclick: () => {
						this.#editingGoal = goal.id;
						this.#render();
						this.querySelector<HTMLElement>('[name=title]')?.focus();
					},
				}),
				h('button', {
					type: 'button',
					class: 'pb-button',
					'data-k': 'delete-goal',
					text: 'Delete the goal',
					onclick: () => {
						const goals = this.#state.goals.filter((g) => g.id !== goal.id);
						this.#commit(
							{ goals, open: goals[0]?.id ?? '', deleted: [...this.#state.deleted, goal.id] },
							{
								said: `Deleted “${goal.title}”.`,
								undo: `Deleted the goal “${goal.title}”`,
								focus: 'undo',
								undoFocus: 'delete-goal',
							},
						);
					},
				}),
			),
			h(
				'div',
				{ class: 'pb-goal-status', 'data-status': summary.status },
				h(
					'p',
					{ class: 'pb-goal-verdict' },
					h('strong', { text: STATUS_TEXT[summary.status] }),
					summary.over ? ' · target beaten' : '',
				),
				h(
					'ul',
					{},
					h('li', {
						text: `Now ${formatValue(summary.value, goal.unit)}: ${progressSentence(summary)}${summary.stretch === undefined ? '' : ` ${percent(summary.stretch)} of the stretch target.`}`,
					}),
					h('li', { text: paceSentence(summary) }),
					h('li', { text: forecastSentence(summary.forecast, goal.dueDate) }),
					summary.overdue.length > 0 &&
						h('li', { class: 'pb-overdue', text: `Overdue: ${summary.overdue.map((m) => m.action).join('; ')}.` }),
				),
			),
			this.#chart(goal, today),
			this.#checkIns(goal),
			this.#microSection(goal),
			this.#wins(goal),
		);
	}

	/** Progress over time: the pace line, the actual line through the check-ins, and today. Its text equivalent is the check-in table. */
	#chart(goal: MacroGoal, today: string) {
		const w = 600;
		const hgt = 220;
		const pad = 30;
		const start = dayNumber(goal.startDate);
		const end = Math.max(dayNumber(goal.dueDate), dayNumber(today));
		const checkIns = sortedCheckIns(goal);
		const values = checkIns.map((c) => progressOf(goal, c.value));
		const top = Math.max(1.1, ...values);
		const bottom = Math.min(0, ...values);
		const x = (day: number) => pad + ((day - start) / Math.max(1, end - start)) * (w - 2 * pad);
		const y = (p: number) => hgt - pad - ((p - bottom) / (top - bottom)) * (hgt - 2 * pad);
		const pace = [start, ...goal.phases.map((p) => dayNumber(p.date)), dayNumber(goal.dueDate)]
			.map(
				(d) => `${x(d).toFixed(1)},${y(expectedProgress(goal, new Date(d * 86_400_000).toISOString().slice(0, 10))).toFixed(1)}`,
			)
			.join(' ');
		const actual = [
			`${x(start).toFixed(1)},${y(0).toFixed(1)}`,
			...checkIns.map((c, i) => `${x(dayNumber(c.date)).toFixed(1)},${y(values[i]!).toFixed(1)}`),
		].join(' ');
		const svg = s('svg', {
			viewBox: `0 0 ${w} ${hgt}`,
			class: 'pb-goal-chart',
			role: 'img',
			'aria-label': `Chart of progress against the expected pace, from ${goal.startDate} to ${goal.dueDate}. The table of check-ins below gives the same figures.`,
		});
		svg.append(
			s('line', { x1: pad, x2: w - pad, y1: y(1), y2: y(1), class: 'pb-chart-target' }),
			s('line', { x1: pad, x2: w - pad, y1: y(0), y2: y(0), class: 'pb-chart-axis' }),
			s('polyline', { points: pace, class: 'pb-chart-pace' }),
			s('polyline', { points: actual, class: 'pb-chart-actual' }),
			s('line', { x1: x(dayNumber(today)), x2: x(dayNumber(today)), y1: pad / 2, y2: hgt - pad, class: 'pb-chart-today' }),
		);
		const label = (text: string, xPos: number, yPos: number, cls: string) => {
			const t = s('text', { x: xPos, y: yPos, class: cls });
			t.textContent = text;
			return t;
		};
		svg.append(
			label('Target', pad + 2, y(1) - 4, 'pb-chart-label'),
			label('Today', x(dayNumber(today)) + 3, pad / 2 + 10, 'pb-chart-label'),
		);
		return h(
			'figure',
			{ class: 'pb-goal-figure' },
			svg,
			h(
				'figcaption',
				{ class: 'pb-chart-key' },
				h('span', { class: 'pb-key-actual', text: 'Actual' }),
				h('span', { class: 'pb-key-pace', text: 'Expected pace' }),
				h('span', { class: 'pb-key-today', text: 'Today' }),
			),
		);
	}

	#checkIns(goal: MacroGoal) {
		const today = this.#today();
		const draft = `check:${goal.id}`;
		const checkIns = sortedCheckIns(goal);
		const table = h(
			'table',
			{ class: 'pb-goal-table' },
			h('caption', { text: 'Check-ins against the expected pace' }),
			h(
				'thead',
				{},
				h(
					'tr',
					{},
					...['Date', 'Value', 'Progress', 'Expected', 'Confidence', 'Note'].map((t) => h('th', { scope: 'col', text: t })),
				),
			),
			h(
				'tbody',
				{},
				...checkIns.map((c) =>
					h(
						'tr',
						{},
						h('th', { scope: 'row', text: c.date }),
						h('td', { text: formatValue(c.value, goal.unit) }),
						h('td', { text: percent(progressOf(goal, c.value)) }),
						h('td', { text: percent(expectedProgress(goal, c.date)) }),
						h('td', { text: `${c.confidence}/10` }),
						h('td', { text: c.note }),
					),
				),
				checkIns.length === 0 &&
					h('tr', {}, h('td', { colspan: 6, text: 'No check-in yet: record where the metric stands today.' })),
			),
		);
		const form = h(
			'form',
			{ class: 'pb-inline-form pb-noprint', 'aria-label': 'New check-in' },
			this.#field('check', 'Check-in date', h('input', { name: 'date', type: 'date', value: today, required: true })),
			this.#field(
				'check',
				`Value${goal.unit ? ` (${goal.unit})` : ''}`,
				h('input', { name: 'value', type: 'number', step: 'any', required: true }),
			),
			this.#field(
				'check',
				'Confidence (0–10)',
				h('input', { name: 'confidence', type: 'number', min: 0, max: 10, step: 1, value: 5, required: true }),
			),
			this.#field('check', 'Note', h('input', { name: 'note', type: 'text', maxlength: 2000 })),
			this.#error('check'),
			h('button', { type: 'submit', class: 'pb-button', 'data-k': 'add-check-in', text: 'Add the check-in' }),
		);
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			const { describeIssues, checkInSchema } = await loadSchema();
			const data = new FormData(form);
			const checkIn = {
				id: newId('c'),
				date: str(data.get('date')),
				value: num(data.get('value')) ?? Number.NaN,
				confidence: num(data.get('confidence')) ?? 5,
				note: str(data.get('note')),
			};
			const checked = checkInSchema.safeParse(checkIn);
			if (!checked.success) return this.#fail('check', `Please check: ${describeIssues(checked.error).join('; ')}.`);
			this.#formError = undefined;
			const next = this.#withGoal((g) => ({ ...g, checkIns: [...g.checkIns, checked.data] }));
			const after = summarise(next.goals.find((g) => g.id === goal.id)!, today);
			this.#commit(next, {
				said: `Check-in saved. ${STATUS_TEXT[after.status]}: ${progressSentence(after)}`,
				done: () => this.#drafts.forget(draft),
			});
		});
		return h('section', { class: 'pb-goal-checkins', 'aria-label': 'Check-ins' }, table, this.#drafts.restore(form, draft));
	}

	#microSection(goal: MacroGoal) {
		const today = this.#today();
		const headingId = `${this.#uid}-micro`;
		const templateId = `${this.#uid}-template`;
		const picker = h(
			'select',
			{ id: templateId, name: 'template', 'data-k': 'template' },
			...this.#templates.map((t) => h('option', { value: t.id, text: t.title })),
		);
		const hint = h('p', { class: 'pb-hint', id: `${templateId}-hint` });
		const showHint = () => {
			hint.textContent = this.#templates.find((t) => t.id === picker.value)?.summary ?? '';
		};
		picker.setAttribute('aria-describedby', hint.id);
		picker.addEventListener('change', showHint);
		const fromTemplateForm = h(
			'form',
			{ class: 'pb-inline-form pb-noprint', 'aria-label': 'Add a micro goal from a template' },
			h('div', { class: 'pb-field' }, h('label', { for: templateId, text: 'Template' }), picker, hint),
			h('button', { type: 'submit', class: 'pb-button', 'data-k': 'add-template', text: 'Add from the template' }),
		);
		this.#drafts.restore(fromTemplateForm, `template:${goal.id}`);
		showHint();
		fromTemplateForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const template = this.#templates.find((t) => t.id === picker.value);
			if (!template) return;
			const micro = fromTemplate(template, goal.partner, today);
			this.#commit(
				this.#withGoal((g) => ({ ...g, micro: [...g.micro, micro] })),
				{
					said: `Added “${micro.action}”, due ${micro.due}.`,
				},
			);
		});
		const blankForm = h(
			'form',
			{ class: 'pb-inline-form pb-noprint', 'aria-label': 'Add your own micro goal' },
			this.#field('blank', 'Your own micro goal', h('input', { name: 'action', type: 'text', required: true, maxlength: 300 })),
			h('button', { type: 'submit', class: 'pb-button', 'data-k': 'add-blank', text: 'Add' }),
		);
		const blankDraft = `blank:${goal.id}`;
		this.#drafts.restore(blankForm, blankDraft);
		blankForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const action = str(new FormData(blankForm).get('action'));
			if (!action) return;
			const micro = blankMicro({ action });
			this.#commit(
				this.#withGoal((g) => ({ ...g, micro: [...g.micro, micro] })),
				{
					said: `Added “${action}”.`,
					focus: `owner-${micro.id}`,
					done: () => {
						this.#drafts.forget(blankDraft);
						this.#editingMicro = micro.id;
					},
				},
			);
		});
		const overdue = new Set(summarise(goal, today).overdue.map((m) => m.id));
		return h(
			'section',
			{ class: 'pb-goal-micro', 'aria-labelledby': headingId },
			h('h4', { id: headingId, text: `Micro goals (${goal.micro.length})` }),
			this.#templates.length > 0 && fromTemplateForm,
			blankForm,
			goal.micro.length === 0
				? h('p', { class: 'pb-muted', text: 'No micro goal yet. Start with one you can finish this month.' })
				: h('ol', { class: 'pb-micro-list' }, ...goal.micro.map((m, i) => this.#microItem(goal, m, i, overdue.has(m.id)))),
		);
	}

	#move(goal: MacroGoal, index: number, by: number, key: string) {
		const to = index + by;
		if (to < 0 || to >= goal.micro.length) return;
		const micro = [...goal.micro];
		const [moved] = micro.splice(index, 1);
		micro.splice(to, 0, moved!);
		if (
			!this.#commit(
				this.#withGoal((g) => ({ ...g, micro })),
				{ said: `Moved “${moved!.action}” to position ${to + 1} of ${micro.length}.` },
			)
		)
			return;
		// Keep focus on the moved item's button, or on its other one at either end of the list.
		const target =
			this.querySelector<HTMLButtonElement>(`[data-k="${key}"]:not(:disabled)`) ??
			this.querySelector<HTMLButtonElement>(`[data-k="${key.startsWith('up') ? 'down' : 'up'}-${moved!.id}"]`);
		target?.focus();
	}

	#setStatus(m: MicroGoal, status: MicroStatus) {
		const done = status === 'done' && m.status !== 'done';
		const next = this.#withMicro(m.id, (x) => ({ ...x, status, doneOn: status === 'done' ? x.doneOn || this.#today() : '' }));
		const wins = next.goals.find((g) => g.id === this.#goal()?.id)?.micro.filter((x) => x.status === 'done').length ?? 0;
		this.#commit(next, {
			said: done
				? `Well done: “${m.action}” is done. It is on your wins timeline, win ${wins} for this goal.`
				: `“${m.action}” is now ${STATUS_LABELS[status].toLowerCase()}.`,
			done: () => {
				if (done) this.#celebrate = m.id;
			},
		});
	}

	#microItem(goal: MacroGoal, m: MicroGoal, index: number, late: boolean) {
		const id = m.id;
		const statusId = `${this.#uid}-status-${id}`;
		const titleId = `${this.#uid}-title-${id}`;
		const button = (text: string, key: string, onclick: () => void, extra: Props = {}) =>
			h('button', { type: 'button', class: 'pb-button', 'data-k': key, 'aria-describedby': titleId, onclick, ...extra }, text);
		const measure = measureText(m);
		const details = [
			m.owner && `Owner: ${m.owner}`,
			m.due && `Due ${m.due}`,
			measure,
			m.contribution !== null && `Contribution: ${formatValue(m.contribution, goal.unit)}`,
			m.doneOn && `Done ${m.doneOn}`,
		].filter(Boolean) as string[];
		// A status picked with the mouse is saved at once. Arrow keys step through the list, so a status
		// reached with them is saved on Enter or on leaving the list: passing
		// “Done” on the way to “Blocked” records no win.
		const settle = () => {
			const chosen = this.#pendingStatus.get(id);
			this.#pendingStatus.delete(id);
			if (chosen && chosen !== m.status) this.#setStatus(m, chosen);
		};
		let keyed = false;
		const shown = this.#pendingStatus.get(id) ?? m.status;
		const select: HTMLSelectElement = h(
			'select',
			{
				id: statusId,
				'data-k': `status-${id}`,
				'aria-describedby': titleId,
				onpointerdown: () => {
					keyed = false;
				},
				onkeydown: (e) => {
					const key = (e as KeyboardEvent).key;
					if (key === 'Enter') settle();
					else if (key !== 'Tab' && key !== 'Shift') keyed = true;
				},
				onchange: () => {
					this.#pendingStatus.set(id, select.value as MicroStatus);
					if (!keyed) settle();
				},
				// Settled once focus has moved on, so that drawing the list again keeps focus where the reader went.
				onblur: () => {
					if (this.#pendingStatus.has(id)) setTimeout(settle);
				},
			},
			...MICRO_STATUSES.map((st) => h('option', { value: st, text: STATUS_LABELS[st], selected: st === shown })),
		);
		return h(
			'li',
			{
				class: `pb-micro${this.#celebrate === id ? ' pb-celebrate' : ''}`,
				'data-status': m.status,
				'data-id': id,
			},
			h(
				'p',
				{ class: 'pb-micro-title' },
				h('strong', { id: titleId, text: m.action }),
				' ',
				h('span', { class: 'pb-micro-badge', text: STATUS_LABELS[m.status] }),
				late && h('span', { class: 'pb-micro-badge pb-overdue', text: 'Overdue' }),
				this.#celebrate === id && h('span', { class: 'pb-micro-badge pb-win', text: 'Win!' }),
			),
			details.length > 0 && h('p', { class: 'pb-muted', text: details.join(' · ') }),
			m.notes && h('p', { class: 'pb-micro-notes', text: m.notes }),
			h(
				'div',
				{ class: 'pb-actions pb-noprint' },
				h('label', { for: statusId, text: 'Status' }),
				select,
				button(
					'Edit',
					`edit-${id}`,
					() => {
						if (this.#editingMicro) this.#drafts.forget(`micro:${this.#editingMicro}`);
						this.#editingMicro = this.#editingMicro === id ? undefined : id;
						this.#formError = undefined;
						this.#render();
						this.querySelector<HTMLElement>(`[data-k="action-${id}"]`)?.focus();
					},
					{ 'aria-expanded': String(this.#editingMicro === id) },
				),
				button('Move up', `up-${id}`, () => this.#move(goal, index, -1, `up-${id}`), { disabled: index === 0 }),
				button('Move down', `down-${id}`, () => this.#move(goal, index, 1, `down-${id}`), {
					disabled: index === goal.micro.length - 1,
				}),
				button('Delete', `delete-${id}`, () => {
					this.#commit(
						this.#withGoal((g) => ({ ...g, micro: g.micro.filter((x) => x.id !== id) })),
						{ said: `Deleted “${m.action}”.`, undo: `Deleted “${m.action}”`, focus: 'undo', undoFocus: `delete-${id}` },
					);
				}),
			),
			this.#editingMicro === id && this.#microForm(m),
			this.#tactics(m),
		);
	}

	#microForm(m: MicroGoal) {
		const f = `micro-${m.id}`;
		const draft = `micro:${m.id}`;
		const value = (n: number | null) => (n === null ? '' : String(n));
		const form = h(
			'form',
			{ class: 'pb-micro-form pb-noprint', 'aria-label': `Edit ${m.action}` },
			this.#field(
				f,
				'Action',
				h('input', { name: 'action', value: m.action, required: true, maxlength: 300, 'data-k': `action-${m.id}` }),
			),
			this.#field(f, 'Owner', h('input', { name: 'owner', value: m.owner, maxlength: 200, 'data-k': `owner-${m.id}` })),
			this.#field(f, 'Due date', h('input', { name: 'due', type: 'date', value: m.due })),
			this.#field(
				f,
				'Success measure',
				h('input', { name: 'measure', value: m.measure, maxlength: 200 }),
				'What you count, like “sales reps trained”.',
			),
			this.#field(
				f,
				'Measure target',
				h('input', { name: 'measureTarget', type: 'number', step: 'any', value: value(m.measureTarget) }),
			),
			this.#field(
				f,
				'Measure actual',
				h('input', { name: 'measureActual', type: 'number', step: 'any', value: value(m.measureActual) }),
			),
			this.#field(
				f,
				'Contribution to the macro goal',
				h('input', { name: 'contribution', type: 'number', step: 'any', value: value(m.contribution) }),
				'How much of the goal’s metric you expect it to bring.',
			),
			this.#field(f, 'Notes', h('textarea', { name: 'notes', rows: 3, maxlength: 2000, value: m.notes })),
			this.#error(f),
			h(
				'div',
				{ class: 'pb-actions' },
				h('button', { type: 'submit', class: 'pb-button', 'data-k': `save-${m.id}`, text: 'Save' }),
				h('button', {
					type: 'button',
					class: 'pb-button',
					text: 'Cancel',
					onclick: () => {
						this.#drafts.forget(draft);
						this.#editingMicro = undefined;
						this.#formError = undefined;
						this.#render();
						this.querySelector<HTMLElement>(`[data-k="edit-${m.id}"]`)?.focus();
					},
				}),
			),
		);
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			const { describeIssues, microSchema } = await loadSchema();
			const data = new FormData(form);
			const next: MicroGoal = {
				...m,
				action: str(data.get('action')),
				owner: str(data.get('owner')),
				due: str(data.get('due')),
				measure: str(data.get('measure')),
				measureTarget: num(data.get('measureTarget')),
				measureActual: num(data.get('measureActual')),
				contribution: num(data.get('contribution')),
				notes: String(data.get('notes') ?? '').trim(),
			};
			const checked = microSchema.safeParse(next);
			if (!checked.success) return this.#fail(f, `Please check: ${describeIssues(checked.error).join('; ')}.`);
			this.#formError = undefined;
			this.#commit(
				this.#withMicro(m.id, () => checked.data),
				{
					said: `Saved “${next.action}”.`,
					focus: `edit-${m.id}`,
					done: () => {
						this.#drafts.forget(draft);
						this.#editingMicro = undefined;
					},
				},
			);
		});
		return this.#drafts.restore(form, draft);
	}

	#tactics(m: MicroGoal) {
		const f = `tactic-${m.id}`;
		const verdictText = (v: Tactic['verdict']) => (v ? { keep: 'Keep', tweak: 'Tweak', drop: 'Drop' }[v] : 'Not decided yet');
		const form = h(
			'form',
			{ class: 'pb-micro-form pb-noprint', 'aria-label': `Log a tactic for ${m.action}` },
			this.#field(f, 'Tactic tried', h('input', { name: 'what', required: true, maxlength: 2000 })),
			this.#field(f, 'Expected result', h('input', { name: 'expected', maxlength: 2000 })),
			this.#field(f, 'When', h('input', { name: 'when', type: 'date' })),
			this.#field(f, 'What happened', h('input', { name: 'happened', maxlength: 2000 })),
			this.#field(
				f,
				'Keep, tweak or drop',
				h(
					'select',
					{ name: 'verdict' },
					h('option', { value: '', text: 'Not decided yet' }),
					...VERDICTS.map((v) => h('option', { value: v, text: verdictText(v) })),
				),
			),
			this.#field(f, 'Lesson', h('input', { name: 'lesson', maxlength: 2000 })),
			this.#error(f),
			h('button', { type: 'submit', class: 'pb-button', 'data-k': `log-${m.id}`, text: 'Log the tactic' }),
		);
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			const { describeIssues, tacticSchema } = await loadSchema();
			const data = new FormData(form);
			const tactic = {
				id: newId('t'),
				what: str(data.get('what')),
				expected: str(data.get('expected')),
				when: str(data.get('when')),
				happened: str(data.get('happened')),
				verdict: str(data.get('verdict')),
				lesson: str(data.get('lesson')),
			};
			const checked = tacticSchema.safeParse(tactic);
			if (!checked.success) return this.#fail(f, `Please check: ${describeIssues(checked.error).join('; ')}.`);
			this.#formError = undefined;
			this.#openTactics.add(m.id);
			this.#commit(
				this.#withMicro(m.id, (x) => ({ ...x, tactics: [...x.tactics, checked.data] })),
				{
					said: `Logged “${tactic.what}” (${verdictText(checked.data.verdict).toLowerCase()}).`,
					focus: `log-${m.id}`,
					done: () => this.#drafts.forget(f),
				},
			);
		});
		this.#drafts.restore(form, f);
		const details = h('details', {
			class: 'pb-tactics',
			'data-tactics': m.id,
			open: this.#formError?.form === f || this.#openTactics.has(m.id),
			ontoggle: () => (details.open ? this.#openTactics.add(m.id) : this.#openTactics.delete(m.id)),
		});
		const parts: Child[] = [
			h('summary', { 'data-k': `tactics-${m.id}`, text: `Tactic log (${m.tactics.length})` }),
			m.tactics.length > 0 &&
				h(
					'ol',
					{ class: 'pb-tactic-list' },
					...m.tactics.map((t) =>
						h(
							'li',
							{ 'data-verdict': t.verdict || 'open' },
							h(
								'p',
								{},
								h('strong', { text: t.what }),
								' ',
								h('span', { class: 'pb-micro-badge', text: verdictText(t.verdict) }),
							),
							h('p', {
								class: 'pb-muted',
								text: [
									t.when && `Tried ${t.when}`,
									t.expected && `Expected: ${t.expected}`,
									t.happened && `Happened: ${t.happened}`,
								]
									.filter(Boolean)
									.join(' · '),
							}),
							t.lesson && h('p', { text: `Lesson: ${t.lesson}` }),
						),
					),
				),
			form,
		];
		details.append(...parts.filter((part): part is Node => Boolean(part)));
		return details;
	}

	#wins(goal: MacroGoal) {
		const wins = summarise(goal, this.#today()).wins;
		const headingId = `${this.#uid}-wins`;
		return h(
			'section',
			{ class: 'pb-goal-wins', 'aria-labelledby': headingId },
			h('h4', { id: headingId, text: 'Wins' }),
			wins.length === 0
				? h('p', { class: 'pb-muted', text: 'Mark a micro goal done and it shows here. Small wins count.' })
				: h(
						'ol',
						{ class: 'pb-wins' },
						...wins.map((w) =>
							h('li', {}, h('time', { datetime: w.doneOn, text: w.doneOn || 'Done' }), ' ', h('span', { text: w.action })),
						),
					),
		);
	}

	#transfer(goal: MacroGoal | undefined) {
		const weeklyId = `${this.#uid}-weekly`;
		const fileId = `${this.#uid}-import`;
		const exportButton = (text: string, kind: string) =>
			h('button', { type: 'button', class: 'pb-button', 'data-k': `export-${kind}`, text, onclick: () => this.#export(kind) });
		return h(
			'section',
			{ class: 'pb-goal-transfer pb-noprint', 'aria-label': 'Export and import' },
			goal &&
				h(
					'div',
					{ class: 'pb-actions' },
					exportButton('Status update (Markdown)', 'md'),
					exportButton('Micro goals (CSV)', 'csv'),
					exportButton('Check-ins (CSV)', 'checkins'),
					exportButton('Calendar (.ics)', 'ics'),
					h(
						'span',
						{ class: 'pb-check-option' },
						h('input', {
							type: 'checkbox',
							id: weeklyId,
							'data-weekly': true,
							'data-k': 'weekly',
							checked: this.#weekly,
							onchange: (e) => {
								this.#weekly = (e.target as HTMLInputElement).checked;
							},
						}),
						h('label', { for: weeklyId, text: 'with a weekly check-in' }),
					),
					exportButton('All goals (JSON)', 'json'),
					h('button', { type: 'button', class: 'pb-button', 'data-k': 'print', text: 'Print', onclick: () => window.print() }),
				),
			h(
				'div',
				{ class: 'pb-actions' },
				h(
					'label',
					{ class: 'pb-button pb-import', for: fileId },
					'Import goals (JSON)',
					h('input', {
						type: 'file',
						id: fileId,
						accept: 'application/json,.json',
						class: 'pb-sr-only',
						'data-k': 'import',
						onchange: (e) => this.#import(e.target as HTMLInputElement),
					}),
				),
			),
		);
	}

	async #export(kind: string) {
		const goal = this.#goal();
		if (!goal) return;
		const today = this.#today();
		const now = new Date();
		const name = `${slug(goal.partner)}-${today}`;
		try {
			const x = await import('./exports.ts');
			if (kind === 'md') {
				download(`status-${name}.md`, x.statusUpdate(goal, today), 'text/markdown');
				// The next update says what changed since this one.
				this.#commit(
					this.#withGoal((g) => ({ ...g, lastExport: x.snapshot(g, today) })),
					{
						said: 'Status update downloaded.',
					},
				);
			} else if (kind === 'csv') download(`micro-goals-${name}.csv`, x.microCsv(goal), 'text/csv');
			else if (kind === 'checkins') download(`check-ins-${name}.csv`, x.checkInCsv(goal), 'text/csv');
			else if (kind === 'ics') {
				const weekly = this.querySelector<HTMLInputElement>('[data-weekly]')?.checked;
				download(`due-dates-${name}.ics`, x.goalCalendar(goal, { weeklyFrom: weekly ? today : undefined, now }), 'text/calendar');
			} else download(`goals-${today}.json`, x.exportJson(this.#state.goals, now), 'application/json');
			if (kind !== 'md') this.#say('File downloaded.');
		} catch {
			this.#message = 'The export could not be prepared: check your connection and try again.';
			this.#render();
		}
	}

	async #import(input: HTMLInputElement) {
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		let merged: MergeResult;
		let summary = { text: '', changed: false };
		try {
			const x = await import('./exports.ts');
			const read = x.importJson(await file.text());
			merged = read.ok ? x.mergeImport(this.#state, read.goals) : read;
			if (read.ok && merged.ok) summary = x.importSummary(file.name, read.goals, merged);
		} catch {
			merged = { ok: false, message: 'That file could not be read.' };
		}
		if (!merged.ok || !summary.changed) {
			// Nothing changed: a refused file, or one whose goals are all here already in the same or a newer version.
			this.#undo = undefined;
			this.#message = merged.ok ? `${summary.text}.` : merged.message;
			this.#render();
			this.querySelector<HTMLElement>('[data-k=import]')?.focus();
			return;
		}
		this.#commit(merged.state, {
			said: `${summary.text}.`,
			undo: summary.text,
			undoFocus: 'import',
			done: () => this.#closeGoalForm(),
		});
	}
}

if (!customElements.get('pb-goal-builder')) customElements.define('pb-goal-builder', PbGoalBuilder);
