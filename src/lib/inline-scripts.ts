import { createHash } from 'node:crypto';
import { THEME_KEY } from './storage.ts';

/**
 * Sets the reader's saved theme before the page paints, so a dark page never
 * flashes light. The only classic inline script Pactbook writes: it runs first
 * in `<body>`, before any module, and the Content Security Policy allows it by the
 * hash of this exact text.
 */
export const THEME_SCRIPT = `try {
	const t = localStorage.getItem(${JSON.stringify(THEME_KEY)});
	if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
} catch {}`;

/** The CSP source that allows an inline script with exactly this text. */
export function scriptHash(code: string): `sha256-${string}` {
	return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;
}
