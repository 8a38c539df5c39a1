/** What the shortcut check needs from a key press (a `KeyboardEvent` fits). */
export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	shiftKey: boolean;
	isComposing?: boolean;
	defaultPrevented?: boolean;
}

/** What it needs from the element that has focus (an `HTMLElement` fits). */
export interface KeyTarget {
	tagName?: string;
	isContentEditable?: boolean;
}

/**
 * Whether the focused element is a form field or editable text, where a "/"
 * belongs to the reader's typing. As with Pagefind's own shortcut, every input
 * counts, checkboxes included, which keeps the check (shipped on every page) small.
 */
export function isTyping(target: KeyTarget | null | undefined): boolean {
	return !!target && (!!target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/i.test(target.tagName ?? ''));
}

/**
 * Whether a key press opens search: Ctrl-K or ⌘-K anywhere, or "/" when the
 * reader is not typing. A press another handler already used, one that is
 * part of an IME composition, or one with Alt held never does.
 */
export function opensSearch(press: KeyPress, target: KeyTarget | null | undefined): boolean {
	if (press.defaultPrevented || press.isComposing || press.altKey) return false;
	if (press.ctrlKey || press.metaKey) return !press.shiftKey && press.key.toLowerCase() === 'k';
	// Shift is allowed: on many layouts "/" is typed with it (Shift-7 in German).
	return press.key === '/' && !isTyping(target);
}
