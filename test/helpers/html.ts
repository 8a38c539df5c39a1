import { type HTMLElement, parse } from 'node-html-parser';
import { readPage } from './build.ts';

/** A built page, parsed. */
export function page(dist: string, path: string): HTMLElement {
	return parse(readPage(dist, path));
}

/** Text of the first element matching `selector`, whitespace folded. */
export function text(root: HTMLElement, selector: string): string {
	return (root.querySelector(selector)?.text ?? '').replace(/\s+/g, ' ').trim();
}

/** `href`s of every element matching `selector`. */
export function hrefs(root: HTMLElement, selector: string): string[] {
	return root.querySelectorAll(selector).map((a) => a.getAttribute('href') ?? '');
}
