/**
 * `<pb-questionnaire>`: makes the built form lively. Answers are scored as
 * they are given and saved in this browser through the shared storage
 * module; saved partners can be reopened, renamed, deleted (with undo) and
 * compared. Share links, comparison and export code load on first use.
 */
import { createStore, type Store } from '../../lib/storage.ts';
import { sectionChart } from './chart.ts';
import {
	type Answer,
	adviceFor,
	answerLabel,
	isAsked,
	moveUp,
	percentText,
	progress,
	type Questionnaire,
	score,
} from './scoring.ts';
import type { SharePayload } from './share.ts';
import {
	type Assessment,
	emptyAssessment,
	hasUnsavedWork,
	heardFromOtherTab,
	mergeWorkspaces,
	parseWorkspace,
	reconcile,
	reconcileMessage,
	saveAssessment,
	WORKSPACE_MIGRATIONS,
	WORKSPACE_VERSION,
	type WorkspaceState,
} from './workspace.ts';

type Defined = Questionnaire & { id: string };

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const newId = () => `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** Said while an assessment replaced on screen with unsaved answers can be brought back. */
const keptText = (a: Assessment) =>
	`Your unsaved answers${a.name.trim() ? ` for ${a.name.trim()}` : ''} are still here: Undo brings them back.`;
/** What a comparison was drawn from: a partner renamed or saved again since draws it again. */
const comparedKey = (partners: Assessment[]) => JSON.stringify(partners.map((p) => [p.id, p.name, p.updated]));

class PbQuestionnaire extends HTMLElement {
	#q!: Defined;
	#store!: Store<WorkspaceState>;
	#state!: WorkspaceState;
	/** Answers from a link (a shared result, or a partner answering from their side): shown, not saved. */
	#visiting: { kind: 'result' | 'ask'; assessment: Assessment; ref?: string; name?: string } | undefined;
	#undo: (() => void) | undefined;
	/** Assessments replaced on screen (by Open, Rename, New, Import) while they held unsaved answers: Undo brings back the last, whatever notice came since. */
	#kept: Assessment[] = [];
	/** Ids of the partners compared, and what they were when drawn, to redraw or drop the comparison when they change. */
	#compared: { ids: string[]; drawn: string } = { ids: [], drawn: '' };
	#saving = true;
	/** Counts the before-and-now table's renders, so that a slow first load never draws an outdated one. */
	#beforeRun = 0;

	connectedCallback() {
		if (this.#q) return;
		this.#q = JSON.parse(this.querySelector('.pb-q-definition')!.textContent!) as Defined;
		for (const input of this.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('.pb-q-form input, .pb-q-form textarea'))
			input.disabled = false;
		this.querySelector<HTMLElement>('.pb-q-panel')!.hidden = false;
		this.#store = createStore({
			key: `pb-questionnaire:${this.#q.id}`,
			version: WORKSPACE_VERSION,
			migrations: WORKSPACE_MIGRATIONS,
			parse: parseWorkspace,
			merge: mergeWorkspaces,
		});
		this.#store.subscribe(window, () => this.#load('Updated from another tab.', true));
		const form = this.querySelector('.pb-q-form')!;
		form.addEventListener('change', (event) => this.#changed(event.target as HTMLInputElement));
		form.addEventListener('input', (event) => {
			const target = event.target as HTMLElement;
			if (target instanceof HTMLTextAreaElement) this.#noted(target);
		});
		const name = this.querySelector<HTMLInputElement>('.pb-q-name')!;
		name.addEventListener('input', () => this.#edit((a) => ({ ...a, name: name.value })));
		this.#on('[data-apply]', () => this.#applyMoveUp());
		this.#on('[data-save]', () => this.#saveAs());
		this.#on('[data-new]', () => this.#fresh());
		this.#on('[data-compare]', () => this.#compare());
		this.#on('[data-undo]', () => this.#runUndo());
		this.#on('[data-share]', () => this.#share('result'));
		this.#on('[data-ask]', () => this.#share(this.#visiting?.kind === 'ask' ? 'reply' : 'ask'));
		this.#on('[data-print]', () => window.print());
		this.#on('[data-copy]', () => this.#copy());
		this.#on('[data-close]', () => this.querySelector('dialog')!.close());
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-export]'))
			button.addEventListener('click', () => this.#export(button.dataset.export as 'md' | 'csv' | 'json'));
		this.querySelector<HTMLInputElement>('[data-import]')!.addEventListener('change', (event) =>
			this.#import(event.target as HTMLInputElement),
		);
		this.querySelector('.pb-q-advice-list ul')!.addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-plan]');
			if (button) void this.#plan(button);
		});
		this.querySelector('.pb-q-saved tbody')!.addEventListener('click', (event) => this.#row(event));
		this.querySelector('.pb-q-saved tbody')!.addEventListener('change', () => this.#renderPartners());
		this.#load();
		if (location.hash.startsWith('#pb-share=')) void this.#openLink(location.hash);
		window.addEventListener('hashchange', () => {
			if (location.hash.startsWith('#pb-share=')) void this.#openLink(location.hash);
		});
	}

	#on(selector: string, listener: () => void) {
		this.querySelector(selector)!.addEventListener('click', listener);
	}

	/** The assessment on screen. */
	get #current(): Assessment {
		return this.#visiting?.assessment ?? this.#state.draft;
	}

	/** Reads what is saved; `heard` when another tab saved it, whose draft then replaces this tab's only when it is the same assessment. */
	#load(announce?: string, heard = false) {
		const result = this.#store.load();
		const notes: string[] = [];
		if (result.status === 'ok') {
			const fit = (a: Assessment) => {
				const r = reconcile(this.#q, a);
				const message = reconcileMessage(r, a.version, this.#q.version);
				if (message) notes.push(a.name ? `${a.name}: ${message}` : message);
				return r.assessment;
			};
			const stored = { ...result.data, draft: fit(result.data.draft), partners: result.data.partners.map(fit) };
			this.#state = heard ? heardFromOtherTab(this.#state, stored) : stored;
			if (notes.length) this.#persist();
		} else {
			this.#state = { draft: heard ? this.#state.draft : emptyAssessment(this.#q, newId()), partners: [] };
			if (result.status === 'recovered')
				notes.push(
					`Your saved answers could not be read (${result.reason}), so this starts empty. A copy was kept in this browser under “${result.backupKey}”.`,
				);
			// Storage that cannot be used, or data a newer version of the site saved: the store says why.
			if ('message' in result) notes.push(result.message);
		}
		this.#notice(notes.join(' ') || (announce ?? ''));
		this.#render();
	}

	#persist(): boolean {
		if (!this.#saving) return true;
		const saved = this.#store.save(this.#state);
		if (!saved.ok) this.#notice(saved.message);
		// Partners another tab saved or deleted meanwhile, merged with this tab's.
		else if (saved.merged) this.#state = saved.merged;
		return saved.ok;
	}

	#edit(change: (a: Assessment) => Assessment) {
		const next = { ...change(this.#current), updated: new Date().toISOString() };
		if (this.#visiting) this.#visiting.assessment = next;
		else {
			this.#state = { ...this.#state, draft: next };
			this.#persist();
		}
		this.#render();
	}

	#changed(input: HTMLInputElement) {
		const fieldset = input.closest<HTMLElement>('fieldset[data-q]');
		if (!fieldset || input.type === 'textarea') return;
		const id = fieldset.dataset.q!;
		if (input.value === 'na' && input.checked)
			for (const box of fieldset.querySelectorAll<HTMLInputElement>('input')) box.checked = box === input;
		else if (input.type === 'checkbox' && input.checked) {
			const na = fieldset.querySelector<HTMLInputElement>('input[value=na]');
			if (na) na.checked = false;
		}
		const checked = [...fieldset.querySelectorAll<HTMLInputElement>('.pb-q-options input:checked')].map((box) => box.value);
		const answer: Answer | undefined = checked.includes('na') ? 'na' : checked.length ? checked : undefined;
		this.#edit((a) => {
			const answers = { ...a.answers };
			if (answer) answers[id] = answer;
			else delete answers[id];
			return { ...a, answers };
		});
	}

	#noted(area: HTMLTextAreaElement) {
		const id = area.closest<HTMLElement>('fieldset[data-q]')!.dataset.q!;
		this.#edit((a) => ({ ...a, notes: { ...a.notes, [id]: area.value } }));
	}

	#render() {
		const q = this.#q;
		const a = this.#current;
		for (const question of q.questions) {
			const fieldset = this.querySelector<HTMLElement>(`fieldset[data-q="${question.id}"]`)!;
			fieldset.hidden = !isAsked(q, question, a.answers);
			const answer = a.answers[question.id];
			for (const box of fieldset.querySelectorAll<HTMLInputElement>('.pb-q-options input'))
				box.checked = answer === 'na' ? box.value === 'na' : (answer ?? []).includes(box.value);
			for (const advice of fieldset.querySelectorAll<HTMLElement>('.pb-q-advice'))
				advice.hidden = answer === 'na' || !(answer ?? []).includes(advice.dataset.option!);
			const note = fieldset.querySelector('textarea')!;
			if (note.value !== (a.notes[question.id] ?? '')) note.value = a.notes[question.id] ?? '';
		}
		// A section whose questions are all hidden is hidden too.
		for (const section of this.querySelectorAll<HTMLElement>('.pb-q-section'))
			section.hidden = !section.querySelector('fieldset[data-q]:not([hidden])');
		const counted = progress(q, a.answers);
		const result = score(q, a.answers);
		this.#text('.pb-q-progress', counted.text);
		const box = this.querySelector<HTMLElement>('.pb-q-result')!;
		box.hidden = counted.answered === 0;
		const capped = result.knockouts[0];
		this.#text(
			'.pb-q-verdict',
			`${result.band.verdict}: ${percentText(result.percent)}${capped ? ` (capped by your answer to “${capped.question.text}”)` : ''}${counted.answered < counted.total ? `, with ${counted.total - counted.answered} still to answer` : ''}`,
		);
		this.#text('.pb-q-summary', result.band.summary);
		const base = this.dataset.base ?? '/';
		const link = (href: string) => (href.startsWith('/') ? base + href.slice(1) : href);
		this.querySelector('.pb-q-next')!.innerHTML = result.band.next
			.map((n) => `<li>${esc(n.text)}${n.link ? ` <a href="${esc(link(n.link.href))}">${esc(n.link.label)}</a>` : ''}</li>`)
			.join('');
		const rows = result.sections.filter((s) => s.max > 0 || s.percent !== undefined);
		this.querySelector('.pb-q-chart-box')!.innerHTML = sectionChart(rows.map((s) => ({ title: s.title, percents: [s.percent] })));
		this.querySelector('.pb-q-table tbody')!.innerHTML = rows
			.map(
				(s) =>
					`<tr><th scope="row">${esc(s.title)}</th><td>${s.percent === undefined ? 'Not scored' : percentText(s.percent)}</td></tr>`,
			)
			.join('');
		this.#renderBefore();
		const advice = adviceFor(q, a.answers);
		const adviceBox = this.querySelector<HTMLElement>('.pb-q-advice-list')!;
		adviceBox.hidden = advice.length === 0;
		const list = adviceBox.querySelector('ul')!;
		list.replaceChildren(
			...advice.map(({ question, option }) => {
				const item = document.createElement('li');
				item.innerHTML = `<strong>${esc(question.text)}</strong> ${esc(option.label)}.`;
				const source = this.querySelector(`fieldset[data-q="${question.id}"] .pb-q-advice[data-option="${option.id}"]`);
				if (source) {
					const copy = source.cloneNode(true) as HTMLElement;
					copy.hidden = false;
					item.append(copy);
				}
				const add = document.createElement('button');
				add.type = 'button';
				add.className = 'pb-button pb-noprint';
				add.dataset.plan = question.id;
				add.dataset.option = option.id;
				add.textContent = 'Add to a plan';
				add.setAttribute('aria-label', `Add to a plan: “${question.text}”`);
				item.append(add);
				return item;
			}),
		);
		this.#renderMoveUp();
		const aside = this.querySelector<HTMLElement>('.pb-q-aside')!;
		aside.hidden = !a.aside?.length;
		aside.querySelector('ul')!.innerHTML = (a.aside ?? [])
			.map(
				(item) =>
					`<li>${esc(item.question)}: ${item.answer === undefined ? '' : esc(item.answer === 'na' ? 'Not applicable' : item.answer.join(', '))}${item.note ? ` (note: ${esc(item.note)})` : ''}</li>`,
			)
			.join('');
		const name = this.querySelector<HTMLInputElement>('.pb-q-name')!;
		if (document.activeElement !== name) name.value = a.name;
		this.#text('[data-ask]', this.#visiting?.kind === 'ask' ? 'Send my answers back' : 'Ask the partner');
		this.#renderPartners();
	}

	/** Each section's score in the partner's previous run and now, whenever the partner on screen has one (drawn by code loaded on first use). */
	#renderBefore() {
		const box = this.querySelector<HTMLElement>('.pb-q-before')!;
		const a = this.#current;
		// The saved partner's record holds its previous run; an imported assessment not yet saved carries its own.
		const previous = this.#visiting ? undefined : (this.#state.partners.find((p) => p.id === a.id) ?? a).previous;
		const run = ++this.#beforeRun;
		if (!previous) {
			box.hidden = true;
			box.innerHTML = '';
			return;
		}
		void import('./before-now.ts').then(({ beforeNowTable }) => {
			// A later render has drawn (or hidden) the table since.
			if (run !== this.#beforeRun) return;
			box.innerHTML = beforeNowTable(this.#q, previous, a.answers, document.documentElement.lang || 'en');
			box.hidden = false;
		});
	}

	/** Adds a weak answer's advice to the goal builder's plan for the partner named above. */
	async #plan(button: HTMLButtonElement) {
		const status = this.querySelector<HTMLElement>('.pb-q-plan-status')!;
		const field = this.querySelector<HTMLInputElement>('.pb-q-name')!;
		const question = this.#q.questions.find((item) => item.id === button.dataset.plan);
		const option = question?.options.find((item) => item.id === button.dataset.option);
		if (!question || !option) return;
		if (!field.value.trim()) {
			status.textContent = 'Type the partner’s name in “Partner name” first: the plan is kept per partner. Nothing was added.';
			field.focus();
			return;
		}
		const [{ draftFromAdvice }, { addToPlan }] = await Promise.all([import('./to-plan.ts'), import('../goals/plan-store.ts')]);
		const draft = draftFromAdvice(this.#q, question, option, field.value, new Date().toISOString().slice(0, 10));
		const result = addToPlan(draft);
		const link = document.createElement('a');
		link.href = `${this.dataset.base ?? '/'}tools/micro-goals/`;
		link.textContent = 'Open the goal builder';
		status.replaceChildren(`${result.message} `, link);
	}

	#text(selector: string, text: string) {
		this.querySelector(selector)!.textContent = text;
	}

	#renderMoveUp() {
		const box = this.querySelector<HTMLElement>('.pb-q-moveup')!;
		// Capped so that a long questionnaire with many follow-up questions never stalls typing.
		const up = progress(this.#q, this.#current.answers).answered ? moveUp(this.#q, this.#current.answers, 300_000) : undefined;
		box.hidden = !up;
		if (!up) return;
		box.querySelector('p')!.textContent =
			`${up.changes.length === 1 ? 'One change' : `${up.changes.length} changes`} would reach ${up.target.verdict} (${percentText(up.result.percent)}):`;
		box.querySelector('ul')!.innerHTML = up.changes
			.map(
				(c) =>
					`<li>${esc(c.question.text)} ${esc(answerLabel(c.question, c.from))} → <strong>${esc(answerLabel(c.question, c.to))}</strong></li>`,
			)
			.join('');
	}

	#applyMoveUp() {
		const up = moveUp(this.#q, this.#current.answers, 300_000);
		if (!up) return;
		const before = this.#current;
		this.#edit((a) => {
			const answers = { ...a.answers };
			for (const change of up.changes) answers[change.question.id] = change.to;
			return { ...a, answers };
		});
		this.#offerUndo(`Applied: the verdict is now ${up.target.verdict}.`, () => this.#edit(() => before));
		this.querySelector<HTMLElement>('.pb-q-verdict')!.focus?.();
	}

	#renderPartners() {
		const body = this.querySelector('.pb-q-saved tbody')!;
		const checked = new Set([...body.querySelectorAll<HTMLInputElement>('input:checked')].map((box) => box.value));
		// The control with focus is drawn again: focus goes to its new copy.
		const active =
			document.activeElement instanceof HTMLElement && body.contains(document.activeElement) ? document.activeElement : null;
		const row = active?.closest<HTMLElement>('tr[data-partner]');
		const control = row ? [...row.querySelectorAll('input, button')].indexOf(active!) : -1;
		const partners = this.#state.partners;
		this.querySelector<HTMLElement>('.pb-q-saved')!.hidden = partners.length === 0;
		this.querySelector<HTMLElement>('.pb-q-empty-partners')!.hidden = partners.length > 0;
		body.innerHTML = partners
			.map((p) => {
				const result = score(this.#q, p.answers);
				const name = esc(p.name);
				const editing = p.id === this.#state.draft.id && !this.#visiting;
				return `<tr data-partner="${esc(p.id)}"><td><input type="checkbox" value="${esc(p.id)}" aria-label="Compare ${name}"${checked.has(p.id) ? ' checked' : ''}></td><th scope="row">${name}${editing ? ' <span class="pb-muted">(open)</span>' : ''}</th><td>${esc(result.band.verdict)}, ${percentText(result.percent)}</td><td><button type="button" class="pb-button" data-open aria-label="Open ${name}">Open</button> <button type="button" class="pb-button" data-rename aria-label="Rename ${name}">Rename</button> <button type="button" class="pb-button" data-delete aria-label="Delete ${name}">Delete</button></td></tr>`;
			})
			.join('');
		if (row && control !== -1)
			body
				.querySelector(`tr[data-partner="${CSS.escape(row.dataset.partner!)}"]`)
				?.querySelectorAll<HTMLElement>('input, button')
				[control]?.focus();
		const count = body.querySelectorAll('input:checked').length;
		const compare = this.querySelector<HTMLButtonElement>('[data-compare]')!;
		compare.hidden = partners.length < 2;
		compare.textContent = count >= 2 && count <= 4 ? `Compare ${count} partners` : 'Compare selected (2 to 4)';
		this.#refreshComparison();
	}

	/** The comparison drawn again when a partner in it changed, without the deleted ones; gone with fewer than two left. */
	#refreshComparison() {
		const { ids, drawn } = this.#compared;
		if (!ids.length) return;
		const partners = ids.flatMap((id) => this.#state.partners.filter((p) => p.id === id));
		if (partners.length < 2) {
			this.#compared = { ids: [], drawn: '' };
			const box = this.querySelector<HTMLElement>('.pb-q-compare')!;
			box.hidden = true;
			box.replaceChildren();
			return;
		}
		if (comparedKey(partners) !== drawn) void this.#drawComparison(partners, false);
	}

	#row(event: Event) {
		const button = (event.target as HTMLElement).closest('button');
		const id = button?.closest<HTMLElement>('tr')?.dataset.partner;
		const partner = this.#state.partners.find((p) => p.id === id);
		if (!button || !partner) return;
		if (button.hasAttribute('data-open') || button.hasAttribute('data-rename')) {
			const { before, kept } = this.#replaceDraft({ ...partner });
			const name = this.querySelector<HTMLInputElement>('.pb-q-name')!;
			if (button.hasAttribute('data-rename')) {
				const text = `Type the new name for ${partner.name}, then choose Save assessment.`;
				if (kept) this.#offerUndo(`${text} ${keptText(before)}`, () => this.#replaceDraft(before));
				else this.#notice(text);
				name.focus();
				name.select();
			} else {
				this.#offerUndo(
					`Opened ${partner.name}. Changes are saved to this browser as you answer; choose Save assessment to update ${partner.name}.${kept ? ` ${keptText(before)}` : ''}`,
					() => this.#replaceDraft(before),
				);
				this.querySelector<HTMLElement>('.pb-q-form input:not([disabled])')?.focus();
			}
		} else if (button.hasAttribute('data-delete')) {
			const index = this.#state.partners.indexOf(partner);
			this.#state = {
				...this.#state,
				partners: this.#state.partners.filter((p) => p !== partner),
				deleted: [...(this.#state.deleted ?? []), partner.id],
			};
			this.#persist();
			this.#render();
			this.#offerUndo(`Deleted ${partner.name}.`, () => {
				// Back under a new id: the old one stays deleted for other tabs.
				const back = { ...partner, id: newId(), updated: new Date().toISOString() };
				const partners = [...this.#state.partners];
				partners.splice(index, 0, back);
				const draft = this.#state.draft.id === partner.id ? { ...this.#state.draft, id: back.id } : this.#state.draft;
				this.#state = { ...this.#state, draft, partners };
				this.#persist();
				this.#render();
			});
			// Focus goes to the row that took its place (or the one before), else to Undo.
			const rows = this.querySelectorAll<HTMLElement>('.pb-q-saved tbody tr');
			(rows[Math.min(index, rows.length - 1)]?.querySelector<HTMLElement>('input') ?? this.#undoButton).focus();
		}
	}

	get #undoButton() {
		return this.querySelector<HTMLElement>('.pb-notice [data-undo]')!;
	}

	/**
	 * Puts `next` on screen in place of the draft. A draft holding answers
	 * not saved under a partner is kept (`kept`), and Undo brings it back
	 * until it is used, whatever notice comes in between.
	 */
	#replaceDraft(next: Assessment): { before: Assessment; kept: boolean } {
		const before = this.#state.draft;
		this.#leaveVisit();
		this.#kept = this.#kept.filter((a) => a !== next);
		const kept = before !== next && hasUnsavedWork(this.#state, before);
		if (kept) this.#kept.push(before);
		this.#state = { ...this.#state, draft: next };
		this.#persist();
		this.#render();
		return { before, kept };
	}

	#leaveVisit() {
		if (!this.#visiting) return;
		this.#visiting = undefined;
		this.#saving = true;
		history.replaceState(null, '', location.pathname + location.search);
	}

	#saveAs() {
		const name = this.querySelector<HTMLInputElement>('.pb-q-name')!.value.trim();
		if (!name) {
			this.#notice('Type the partner’s name first, then save.');
			this.querySelector<HTMLInputElement>('.pb-q-name')!.focus();
			return;
		}
		const result = saveAssessment(this.#q, this.#state, this.#current, name, newId);
		if (!result.ok) {
			this.#notice(result.message);
			this.querySelector<HTMLInputElement>('.pb-q-name')!.focus();
			return;
		}
		const before = this.#state;
		this.#leaveVisit();
		this.#state = result.state;
		const saved = this.#persist();
		this.#render();
		if (!saved) return;
		const { updated } = result;
		if (updated)
			// Saved over a partner of that name: Undo brings back its earlier answers (as a change made now, so that it wins over other tabs).
			this.#offerUndo(result.message, () => {
				const back = { ...updated, updated: new Date().toISOString() };
				this.#state = {
					...this.#state,
					draft: before.draft,
					partners: this.#state.partners.map((p) => (p.id === back.id ? back : p)),
				};
				this.#persist();
				this.#render();
			});
		else this.#notice(result.message);
	}

	#fresh() {
		const { before, kept } = this.#replaceDraft(emptyAssessment(this.#q, newId()));
		this.#offerUndo(`Started a new, empty assessment.${kept ? ` ${keptText(before)}` : ''}`, () => this.#replaceDraft(before));
	}

	async #compare() {
		const ids = [...this.querySelectorAll<HTMLInputElement>('.pb-q-saved tbody input:checked')].map((box) => box.value);
		if (ids.length < 2 || ids.length > 4) {
			this.#notice('Tick two to four partners to compare them.');
			return;
		}
		await this.#drawComparison(
			ids.map((id) => this.#state.partners.find((p) => p.id === id)!),
			true,
		);
	}

	async #drawComparison(shown: Assessment[], focus: boolean) {
		const box = this.querySelector<HTMLElement>('.pb-q-compare')!;
		this.#compared = { ids: shown.map((p) => p.id), drawn: comparedKey(shown) };
		const { comparisonHtml } = await import('./compare.ts');
		// Partners changed again while the code loaded: the later call draws.
		if (this.#compared.drawn !== comparedKey(shown)) return;
		box.innerHTML = comparisonHtml(this.#q, shown);
		box.hidden = false;
		if (focus) box.focus();
	}

	async #share(kind: 'result' | 'ask' | 'reply') {
		const { encodeShare, SHARE_DIALOG } = await import('./share.ts');
		const a = this.#current;
		const payload: SharePayload =
			kind === 'ask'
				? {
						kind,
						questionnaire: this.#q.id,
						version: this.#q.version,
						answers: {},
						ref: a.id,
						...(a.name ? { name: a.name } : {}),
					}
				: kind === 'reply'
					? {
							kind,
							questionnaire: this.#q.id,
							version: this.#q.version,
							answers: a.answers,
							ref: this.#visiting?.ref ?? 'draft',
							...(this.#visiting?.name ? { name: this.#visiting.name } : {}),
						}
					: {
							kind,
							questionnaire: this.#q.id,
							version: this.#q.version,
							answers: a.answers,
							...(a.name ? { name: a.name } : {}),
						};
		const url = `${location.origin}${location.pathname}${encodeShare(payload)}`;
		const texts = SHARE_DIALOG[kind];
		const dialog = this.querySelector('dialog')!;
		this.#text('.pb-q-dialog-title', texts[0]);
		this.#text('.pb-q-dialog-text', texts[1]);
		this.#text('.pb-q-copied', '');
		dialog.querySelector<HTMLInputElement>('.pb-q-link')!.value = url;
		dialog.showModal();
		dialog.querySelector<HTMLInputElement>('.pb-q-link')!.select();
	}

	async #copy() {
		const input = this.querySelector<HTMLInputElement>('.pb-q-link')!;
		try {
			await navigator.clipboard.writeText(input.value);
			this.#text('.pb-q-copied', 'Copied.');
		} catch {
			input.select();
			this.#text('.pb-q-copied', 'Select the link and copy it.');
		}
	}

	async #openLink(hash: string) {
		const { decodeShare, openedText } = await import('./share.ts');
		const decoded = decodeShare(hash, this.#q);
		if (!decoded.ok) {
			this.#notice(decoded.message);
			return;
		}
		const { payload } = decoded;
		const assessment: Assessment = {
			...emptyAssessment(this.#q, 'shared'),
			answers: { ...payload.answers },
			name: payload.name ?? '',
		};
		if (payload.kind === 'reply') {
			const mine = [this.#state.draft, ...this.#state.partners].find((a) => a.id === payload.ref) ?? this.#state.draft;
			await this.#sides(mine, assessment, payload.name);
			return;
		}
		this.#visiting = {
			kind: payload.kind,
			assessment,
			...(payload.ref ? { ref: payload.ref } : {}),
			...(payload.name ? { name: payload.name } : {}),
		};
		this.#saving = false;
		this.#render();
		this.#notice(openedText(payload));
	}

	async #sides(mine: Assessment, theirs: Assessment, name: string | undefined) {
		const { sidesHtml } = await import('./compare.ts');
		const box = this.querySelector<HTMLElement>('.pb-q-sides')!;
		box.querySelector('div')!.innerHTML = sidesHtml(this.#q, mine.answers, theirs.answers, mine.name);
		box.hidden = false;
		this.#notice(
			`The partner’s answers came back${name ? ` for ${name}` : ''}. They are compared with yours below; nothing you saved was changed.`,
		);
		box.focus();
	}

	async #export(kind: 'md' | 'csv' | 'json') {
		const exchange = await import('./exchange.ts');
		const { download } = await import('../../elements/download.ts');
		const a = this.#current;
		const name = exchange.exportName(this.#q, a);
		if (kind === 'md') download(`${name}.md`, exchange.toMarkdown(this.#q, a), 'text/markdown');
		else if (kind === 'csv') download(`${name}.csv`, exchange.toCsv(this.#q, a), 'text/csv');
		else download(`${name}.json`, exchange.toJson(this.#q, a), 'application/json');
	}

	async #import(input: HTMLInputElement) {
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		const { fromJson } = await import('./exchange.ts');
		const result = fromJson(await file.text(), this.#q);
		if (!result.ok) {
			this.#notice(`${result.message} Nothing was changed.`);
			return;
		}
		const { before, kept } = this.#replaceDraft({ ...result.assessment, id: newId() });
		this.#offerUndo(
			`Imported ${file.name}. ${result.note ?? ''} Save it under a partner name to keep it with your partners.${kept ? ` ${keptText(before)}` : ''}`,
			() => this.#replaceDraft(before),
		);
	}

	#offerUndo(text: string, undo: () => void) {
		this.#undo = undo;
		this.#notice(text, true);
	}

	#runUndo() {
		const kept = this.#kept.at(-1);
		const undo = this.#undo ?? (kept && (() => this.#replaceDraft(kept)));
		this.#undo = undefined;
		undo?.();
		this.#notice('Undone.');
		this.querySelector<HTMLElement>('[data-save]')!.focus();
	}

	/** Shows `text`; with `undo`, the Undo button runs what {@link #offerUndo} gave, else it brings back the last kept assessment, if any. */
	#notice(text: string, undo = false) {
		const box = this.querySelector<HTMLElement>('.pb-notice')!;
		if (!undo) this.#undo = undefined;
		const kept = this.#kept.at(-1);
		const more = !this.#undo && kept ? `${text ? ' ' : ''}${keptText(kept)}` : '';
		box.hidden = !(text || more);
		box.querySelector('p')!.textContent = text + more;
		this.#undoButton.hidden = !(this.#undo || kept);
	}
}

if (!customElements.get('pb-questionnaire')) customElements.define('pb-questionnaire', PbQuestionnaire);
