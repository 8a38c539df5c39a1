import {
	type Band,
	bandFor,
	CHECKLIST_VERSION,
	type ChecklistItem,
	type ChecklistState,
	match,
	mergeStates,
	nextState,
	parseChecklistState,
	progressText,
	savedIds,
	stamp,
} from '../lib/checklist.ts';
import { createStore, MESSAGES, type SaveResult, type Store, storageKey } from '../lib/storage.ts';
import files from './checklist-files.ts?first-use';

const PANEL = `
<div class="pb-checklist-panel">
	<p class="pb-progress"><span class="pb-progress-text"></span><span class="pb-bar" aria-hidden="true"><span></span></span></p>
	<div class="pb-verdict" hidden><p class="pb-verdict-title"></p><p class="pb-verdict-advice"></p></div>
	<p class="pb-sr-only" role="status" aria-live="polite" data-announce></p>
	<div class="pb-notice" role="alert" hidden><p></p><button type="button" class="pb-button" data-undo hidden>Undo</button><button type="button" class="pb-button" data-adopt hidden>Bring them back</button></div>
	<div class="pb-actions pb-noprint" role="group" aria-label="Checklist actions">
		<button type="button" class="pb-button" data-reset>Reset</button>
		<button type="button" class="pb-button" data-export-md>Export Markdown</button>
		<button type="button" class="pb-button" data-export-json>Export JSON</button>
		<label class="pb-button pb-import">Import JSON<input type="file" accept="application/json,.json" class="pb-sr-only" data-import></label>
		<button type="button" class="pb-button" data-print>Print</button>
	</div>
</div>`;

/** `<pb-checklist>`: makes a task list fillable, saved in this browser, scored and exportable. */
class PbChecklist extends HTMLElement {
	#store!: Store<ChecklistState>;
	/** The list's id: the part of its storage key after the namespace, also written into exports. */
	#id = '';
	#items: ChecklistItem[] = [];
	#boxes = new Map<string, HTMLInputElement>();
	#state: ChecklistState = { ticked: {} };
	#ticked = new Set<string>();
	#bands: Band[] | undefined;
	/** The saved state before the last reset or import, while the reader can still go back to it. */
	#undo: ChecklistState | undefined;
	/** Whether the notice on screen offers that undo. */
	#offering = false;
	/** Ticks saved for this list under an earlier key, while the notice offers to bring them back. */
	#earlier: ChecklistState | undefined;
	/** A newer version of the site saved this list: nothing is saved until a reload. */
	#frozen = false;
	/** Whether the notice on screen says a change could not be saved, so that the next save that works clears it. */
	#unsaved = false;

	connectedCallback() {
		if (this.#boxes.size) return;
		this.#id = this.dataset.key ?? location.pathname;
		this.#bands = this.dataset.bands ? (JSON.parse(this.dataset.bands) as Band[]) : undefined;
		for (const li of this.querySelectorAll<HTMLLIElement>('li.pb-check')) {
			const box = li.querySelector<HTMLInputElement>(':scope > input[type=checkbox]');
			const id = li.dataset.id;
			if (!box || !id) continue;
			this.#items.push({ id, text: li.querySelector(':scope > label')?.textContent?.replace(/\s+/g, ' ').trim() ?? id });
			this.#boxes.set(id, box);
			box.disabled = false;
			box.addEventListener('change', () => this.#toggle(id, box.checked));
		}
		this.insertAdjacentHTML('beforeend', PANEL);
		this.#on('[data-reset]', 'click', () => this.#reset());
		this.#on('[data-undo]', 'click', () => this.#restore());
		this.#on('[data-adopt]', 'click', () => this.#adopt());
		this.#on('[data-export-md]', 'click', () => this.#export('md'));
		this.#on('[data-export-json]', 'click', () => this.#export('json'));
		this.#on('[data-print]', 'click', () => window.print());
		this.#on('[data-import]', 'change', (event) => this.#import(event.target as HTMLInputElement));
		this.#store = createStore({
			key: storageKey('checklist', this.#id),
			version: CHECKLIST_VERSION,
			parse: parseChecklistState,
			merge: mergeStates,
			fingerprint: this.#items.map((item) => item.id),
			fingerprintOf: savedIds,
		});
		this.#store.subscribe(window, () => this.#load(true));
		this.#load(false);
	}

	#on(selector: string, type: string, listener: (event: Event) => void) {
		this.querySelector(selector)?.addEventListener(type, listener);
	}

	#load(fromOtherTab: boolean) {
		if (this.#frozen) return;
		// What another tab saved replaces what an undo here would bring back.
		if (fromOtherTab) this.#dropUndo();
		const result = this.#store.load();
		if (result.status === 'newer') {
			this.#freeze(result.message);
			return;
		}
		if (result.status === 'ok') {
			let data = result.data;
			if (fromOtherTab) {
				// The other tab may have saved without a change made here at the same moment: merge, and save it back.
				const saved = this.#store.save(this.#state);
				data = saved.ok ? (saved.merged ?? data) : mergeStates(data, this.#state);
			}
			this.#state = data;
			this.#ticked = match(data, this.#items).ticked;
		} else {
			this.#state = { ticked: {} };
			this.#ticked = new Set([...this.#boxes].filter(([, box]) => box.dataset.default === 'checked').map(([id]) => id));
			if (result.status === 'recovered') {
				this.#notice(
					`Your saved answers for this checklist could not be read (${result.reason}), so it starts empty. A copy was kept in this browser under “${result.backupKey}”.`,
				);
			} else if (result.status === 'unavailable') {
				this.#notice(result.message);
			} else if (!fromOtherTab) {
				this.#findEarlier();
			}
		}
		this.#render(fromOtherTab ? 'Updated from another tab. ' : undefined);
	}

	/**
	 * Looks for ticks saved for this list under another key (the page was
	 * renamed or the heading reworded). The same items on the same page are
	 * this list for sure and come back at once; otherwise the reader is asked.
	 */
	#findEarlier() {
		const lists = [...document.querySelectorAll<HTMLElement>('pb-checklist')].map((list) =>
			storageKey('checklist', list.dataset.key ?? ''),
		);
		const found = this.#store.related(lists).find((saved) => match(saved.data, this.#items).ticked.size > 0);
		if (!found) return;
		const page = (key: string) => key.slice(0, key.lastIndexOf('#') + 1);
		this.#earlier = found.data;
		if (found.same && page(this.#id) && page(found.key) === page(this.#store.key)) {
			this.#adopt('Ticks saved under this list’s earlier heading were brought back. ');
		} else {
			this.#notice('We found ticks saved for this list under its old name — bring them back?', 'adopt');
		}
	}

	#adopt(announce = 'Ticks brought back. ') {
		if (!this.#earlier) return;
		// Ticks made here since the offer appeared are newer and stay as they are.
		const next = mergeStates(this.#earlier, this.#state);
		this.#ticked = match(next, this.#items).ticked;
		const saved = this.#commit(next);
		this.#notice(saved.ok ? '' : saved.message);
		this.#render(announce);
		if (announce.startsWith('Ticks brought')) this.#boxes.values().next().value?.focus();
	}

	/** Shows the message and stops every change: saving now could not keep what a newer version saved. */
	#freeze(message: string) {
		this.#frozen = true;
		this.#undo = undefined;
		for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, [data-reset]')) {
			control.disabled = true;
		}
		this.#notice(message);
		this.#render();
	}

	#toggle(id: string, checked: boolean) {
		if (checked) this.#ticked.add(id);
		else this.#ticked.delete(id);
		// A tick after a reset or an import is a new answer: undo would now throw it away.
		this.#dropUndo();
		const saved = this.#save();
		if (!saved.ok) this.#notice(saved.message);
		else if (this.#unsaved) this.#notice('');
		this.#render('');
	}

	#save() {
		return this.#commit(nextState(this.#state, this.#items, this.#ticked));
	}

	/**
	 * Makes `next` (whose ticks are on screen) this list's state, dating what
	 * changed, and saves it merged with what other tabs saved; their changes
	 * join the ticks on screen.
	 */
	#commit(next: ChecklistState): SaveResult<ChecklistState> {
		const mine = stamp(this.#state, next, Date.now());
		const saved = this.#store.save(mine);
		this.#state = (saved.ok && saved.merged) || mine;
		for (const { id } of this.#items) {
			const ticked = Object.hasOwn(this.#state.ticked, id);
			if (ticked !== Object.hasOwn(mine.ticked, id)) {
				if (ticked) this.#ticked.add(id);
				else this.#ticked.delete(id);
			}
		}
		if (!saved.ok && saved.message === MESSAGES.newer) this.#freeze(saved.message);
		return saved;
	}

	#dropUndo() {
		this.#undo = undefined;
		if (this.#offering) this.#notice('');
	}

	/** What the page shows now, as a state to go back to: ticks on screen (defaults included) and those kept aside. */
	#current(): ChecklistState {
		return nextState(this.#state, this.#items, this.#ticked);
	}

	#reset() {
		// A second reset clears nothing more: the way back stays the one from before the first.
		if (!(this.#offering && this.#ticked.size === 0)) this.#undo = this.#current();
		this.#ticked.clear();
		const saved = this.#save();
		this.#render('');
		this.#notice(saved.ok ? 'All ticks were cleared.' : saved.message, 'undo');
	}

	#restore() {
		if (!this.#undo) return;
		// The whole earlier state comes back, ticks of items no longer on the page included.
		const undo = this.#undo;
		this.#undo = undefined;
		this.#ticked = match(undo, this.#items).ticked;
		const saved = this.#commit(undo);
		this.#render('Ticks restored. ');
		this.#notice(saved.ok ? '' : saved.message);
		// The Undo button has gone; keep the keyboard in the actions.
		this.querySelector<HTMLElement>('[data-reset]')?.focus();
	}

	async #export(kind: 'md' | 'json') {
		const { exportFile }: typeof import('./checklist-files.ts') = await import(/* @vite-ignore */ files);
		const page = document.querySelector('h1')?.textContent ?? document.title;
		const input = {
			key: this.#id,
			title: this.dataset.title ?? page,
			items: this.#items,
			ticked: this.#ticked,
			bands: this.#bands,
			date: new Date(),
		};
		exportFile(kind, input, page);
	}

	async #import(input: HTMLInputElement) {
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		const { fromJson }: typeof import('./checklist-files.ts') = await import(/* @vite-ignore */ files);
		const result = fromJson(await file.text(), this.#id, this.#items);
		if (!result.ok) {
			this.#undo = undefined;
			this.#notice(`${result.message} Nothing was changed.`);
			return;
		}
		const before = { state: this.#state, ticked: this.#ticked, undo: this.#undo };
		this.#undo = this.#current();
		// Ticks kept aside for items no longer on the page stay kept, unless the file has its own for them.
		this.#ticked = result.ticked;
		const saved = this.#commit({ ticked: { ...match(this.#state, this.#items).leftover, ...result.state.ticked } });
		if (!saved.ok && !this.#frozen) {
			// A file too big to save would make every later tick fail to save as well: it is not taken.
			({ state: this.#state, ticked: this.#ticked, undo: this.#undo } = before);
			this.#render('');
			this.#notice(`${saved.message} ${file.name} was not imported; nothing was changed.`);
			return;
		}
		this.#render('Imported. ');
		this.#notice(saved.ok ? `Imported ${file.name}. ${result.note ?? ''}`.trim() : saved.message, 'undo');
	}

	/** Shows `text` (or hides the notice), with the button for what it offers, if anything. */
	#notice(text: string, offer?: 'undo' | 'adopt') {
		const box = this.querySelector<HTMLElement>('.pb-notice')!;
		box.hidden = !text;
		box.querySelector('p')!.textContent = text;
		this.#unsaved = text.startsWith(MESSAGES.full) || text.startsWith(MESSAGES.disabled);
		this.#offering = Boolean(text && offer === 'undo' && this.#undo);
		if (offer !== 'adopt') this.#earlier = undefined;
		(box.querySelector('[data-undo]') as HTMLElement).hidden = !this.#offering;
		(box.querySelector('[data-adopt]') as HTMLElement).hidden = !this.#earlier;
	}

	#render(announce?: string) {
		for (const [id, box] of this.#boxes) {
			box.checked = this.#ticked.has(id);
			box.closest('li')?.toggleAttribute('data-done', box.checked);
		}
		const done = this.#items.filter((item) => this.#ticked.has(item.id)).length;
		const total = this.#items.length;
		const text = progressText(done, total);
		this.querySelector('.pb-progress-text')!.textContent = text;
		this.querySelector<HTMLElement>('.pb-bar > span')!.style.inlineSize = `${total ? (100 * done) / total : 0}%`;
		const band = bandFor(done, this.#bands);
		const verdict = this.querySelector<HTMLElement>('.pb-verdict')!;
		verdict.hidden = !band;
		verdict.querySelector('.pb-verdict-title')!.textContent = band ? `${band.verdict} (${done} of ${total})` : '';
		verdict.querySelector('.pb-verdict-advice')!.textContent = band?.advice ?? '';
		if (announce !== undefined) {
			this.querySelector('[data-announce]')!.textContent = `${announce}${text}.${band ? ` ${band.verdict}.` : ''}`;
		}
	}
}

if (!customElements.get('pb-checklist')) customElements.define('pb-checklist', PbChecklist);
