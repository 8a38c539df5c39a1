import { createHash } from 'node:crypto';
import { THEME_KEY } from './storage.ts';

/**
 * Sets the reader's saved theme before the page paints, so a dark page never
 * flashes light, and marks the page `data-js`, so that the styles can lay out
 * from the first paint what scripts are about to show or hide (the theme
 * button, a tool before its element starts) and nothing moves when they run.
 * The only classic inline script Pactbook writes: it runs first in `<body>`,
 * before any module, and the Content Security Policy allows it by the hash of
 * this exact text.
 */
export const THEME_SCRIPT = `document.documentElement.dataset.js = '';
try {
	const t = localStorage.getItem(${JSON.stringify(THEME_KEY)});
	if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
} catch {}`;

/** The CSP source that allows an inline script with exactly this text. */
export function scriptHash(code: string): `sha256-${string}` {
	return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;
}
