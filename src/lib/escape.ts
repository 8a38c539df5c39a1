/** Escapes text for use in HTML content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
	'\t': '&#9;',
	'\n': '&#10;',
};

/**
 * Escapes text for XML character data or a quoted attribute, after `xmlText`.
 * Tabs and line feeds are written as references, which attribute values keep.
 */
export function escapeXml(text: string): string {
	return xmlText(text).replace(/[&<>"'\t\n]/g, (character) => XML_ESCAPES[character] as string);
}

/** Whether XML 1.0 allows a character: tab, line feed, carriage return, and U+0020 up but the surrogates, U+FFFE and U+FFFF. */
function xmlAllows(code: number): boolean {
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7ff) ||
		(code >= 0xe000 && code <= 0xfffd) ||
		code >= 0x10000
	);
}

/** Anything but the characters most text is made of; only text holding one is looked at closely. */
const UNUSUAL = /[^\t\n\u0020-\ud7ff\ue000-\ufffd]/;

/**
 * Text as XML can carry it, for feeds and email editions: characters XML
 * forbids are removed, except the vertical tab and form feed a word processor
 * pastes for a soft line or page break, which become a space so the words on
 * either side stay apart; line breaks are written as XML reads them (`\n`).
 */
export function xmlText(text: string): string {
	if (!UNUSUAL.test(text)) return text;
	let kept = '';
	// Iterating by code point: a surrogate pair is one character, a lone surrogate is its own.
	for (const character of text.replace(/\r\n?/g, '\n')) {
		const code = character.codePointAt(0) as number;
		if (code === 0xb || code === 0xc) kept += ' ';
		else if (xmlAllows(code)) kept += character;
	}
	return kept;
}

/**
 * JSON for the inside of an HTML `<script>` element (JSON-LD, data blocks):
 * `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no
 * string can close the element or open a comment, and U+2028 and U+2029 as
 * escapes for readers that take the text for JavaScript. `JSON.parse` of the
 * element's text gives the value back.
 */
export function scriptJson(value: unknown): string {
	return (JSON.stringify(value) ?? 'null').replace(
		/[<>&\u2028\u2029]/g,
		(character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
