/**
 * What a reader has typed into forms that an element draws again from its
 * saved data (after a save, or when another tab saves): each form is named by
 * its `data-draft` key, every control the reader changed is remembered under
 * it, and the same form drawn again gets those values back, while controls
 * the reader has not touched show the saved data. {@link keepFocus} gives the
 * focus and the caret back.
 */
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export class FormDrafts {
	#drafts = new Map<string, Map<string, string>>();

	/** Remembers every change made in a `form[data-draft]` inside `root`. */
	constructor(root: HTMLElement) {
		const record = (event: Event) => {
			const control = event.target as Control;
			const key = control.form?.dataset.draft;
			if (!key || !control.name) return;
			const draft = this.#drafts.get(key) ?? new Map<string, string>();
			this.#drafts.set(key, draft.set(control.name, control.value));
		};
		root.addEventListener('input', record);
		root.addEventListener('change', record);
	}

	/** Names `form` as `key`'s, and puts back what was typed in it. */
	restore<F extends HTMLFormElement>(form: F, key: string): F {
		form.dataset.draft = key;
		for (const [name, value] of this.#drafts.get(key) ?? []) {
			const control = form.elements.namedItem(name);
			if (control && 'value' in control) control.value = value;
		}
		return form;
	}

	/** Forgets what was typed in `key`'s form: once it is saved, or cancelled. */
	forget(key: string): void {
		this.#drafts.delete(key);
	}
}

/**
 * Notes which control inside `root` has focus (by its `data-k`) and where its
 * caret is; the function returned focuses the control with that key after
 * `root` is drawn again, with the caret where it was.
 */
export function keepFocus(root: HTMLElement): () => void {
	const active = document.activeElement as HTMLInputElement | null;
	const key = active && root.contains(active) ? active.dataset.k : undefined;
	// Text fields have a caret; number and date fields give null, other controls undefined.
	const { selectionStart: start, selectionEnd: end } = active ?? {};
	return () => {
		const next = key && root.querySelector<HTMLInputElement>(`[data-k="${CSS.escape(key)}"]`);
		if (!next || next === document.activeElement) return;
		next.focus();
		if (typeof start === 'number') next.setSelectionRange(start, end ?? start);
	};
}
