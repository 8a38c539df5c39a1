import { describe, expect, test } from 'vitest';
import { isTyping, type KeyPress, opensSearch } from '../../../src/lib/search-shortcut.ts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	shiftKey: false,
	...extra,
});
const link = { tagName: 'A', isContentEditable: false };
const textInput = { tagName: 'INPUT', isContentEditable: false };

describe('opensSearch', () => {
	test('Ctrl-K and ⌘-K open search, even while typing', () => {
		expect(opensSearch(press('k', { ctrlKey: true }), link)).toBe(true);
		expect(opensSearch(press('k', { metaKey: true }), null)).toBe(true);
		expect(opensSearch(press('K', { ctrlKey: true }), textInput)).toBe(true);
	});

	test('"/" opens search unless the reader is typing', () => {
		expect(opensSearch(press('/'), link)).toBe(true);
		expect(opensSearch(press('/'), null)).toBe(true);
		expect(opensSearch(press('/', { shiftKey: true }), link)).toBe(true);
		expect(opensSearch(press('/'), textInput)).toBe(false);
		expect(opensSearch(press('/'), { tagName: 'TEXTAREA' })).toBe(false);
		expect(opensSearch(press('/'), { tagName: 'DIV', isContentEditable: true })).toBe(false);
	});

	test('other keys and combinations do not', () => {
		expect(opensSearch(press('k'), link)).toBe(false);
		expect(opensSearch(press('k', { ctrlKey: true, shiftKey: true }), link)).toBe(false);
		expect(opensSearch(press('k', { ctrlKey: true, altKey: true }), link)).toBe(false);
		expect(opensSearch(press('/', { ctrlKey: true }), link)).toBe(false);
		expect(opensSearch(press('/', { altKey: true }), link)).toBe(false);
		expect(opensSearch(press('?'), link)).toBe(false);
		expect(opensSearch(press('Escape'), link)).toBe(false);
	});

	test('a key another handler used, or one inside an IME composition, is left alone', () => {
		expect(opensSearch(press('/', { defaultPrevented: true }), link)).toBe(false);
		expect(opensSearch(press('k', { ctrlKey: true, defaultPrevented: true }), link)).toBe(false);
		expect(opensSearch(press('/', { isComposing: true }), link)).toBe(false);
	});
});

describe('isTyping', () => {
	test('form fields and editable content take typing', () => {
		for (const tagName of ['INPUT', 'input', 'TEXTAREA', 'SELECT']) expect(isTyping({ tagName }), tagName).toBe(true);
		expect(isTyping({ tagName: 'P', isContentEditable: true })).toBe(true);
	});

	test('buttons, links and other elements do not', () => {
		expect(isTyping({ tagName: 'BUTTON' })).toBe(false);
		expect(isTyping({ tagName: 'INPUTS' })).toBe(false);
		expect(isTyping({ tagName: 'DIV', isContentEditable: false })).toBe(false);
		expect(isTyping(link)).toBe(false);
		expect(isTyping({})).toBe(false);
		expect(isTyping(null)).toBe(false);
		expect(isTyping(undefined)).toBe(false);
	});
});
