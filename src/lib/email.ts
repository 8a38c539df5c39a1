import { type AnyNode, type Document, type Element, isTag } from 'domhandler';
import { findOne } from 'domutils';
import { compile } from 'html-to-text';
import juice from 'juice';
import { escapeHtml, xmlText } from './escape.ts';
import { elementsOf, parseHtml, renderHtml } from './html-tree.ts';
import { BODY_CLASS } from './page-marks.ts';
import { makePortable, type ToolLookup } from './portable-html.ts';

/** What the email edition of an issue shows. */
export interface EmailInput {
	newsletter: string;
	language: string;
	title: string;
	/** "Issue #20 · October 5, 2026". */
	dateline: string;
	summary: string;
	author: string;
	/** Article body from `portableHtml`: absolute URLs, tools already turned into links. */
	body: string;
	/** Absolute address of the web page. */
	webUrl: string;
	/** Absolute address of the site's home page. */
	homeUrl: string;
}

// Styles for a single-column layout that common clients render; juice copies
// them onto each element, then class names are dropped. The frame around the
// article is the same for every issue, so its styles are inlined once; only the
// article body goes through juice per issue, with the rules that can match it.
const FRAME_CSS = `
body { margin: 0; padding: 0; background: #f3f1ec; }
.pb-outer { background: #f3f1ec; }
.pb-inner { background: #ffffff; border-radius: 6px; }
.pb-pad { padding: 24px 28px; font-family: Georgia, 'Times New Roman', serif; font-size: 17px; line-height: 1.6; color: #1d1f23; }
.pb-top { padding: 12px 28px; font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #545860; }
.pb-top a, .pb-foot a { color: #545860; }
.pb-foot { padding: 16px 28px 28px; font-family: Arial, Helvetica, sans-serif; font-size: 13px; line-height: 1.5; color: #545860; }
.pb-name { margin: 0 0 4px; font-family: Arial, Helvetica, sans-serif; font-size: 13px; letter-spacing: 1px; text-transform: uppercase; color: #0b5f8a; }
h1 { margin: 0 0 8px; font-family: Arial, Helvetica, sans-serif; font-size: 28px; line-height: 1.25; color: #1d1f23; }
p { margin: 0 0 16px; }
a { color: #0b5f8a; }
.pb-summary { color: #545860; font-size: 18px; }
.pb-meta { font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #545860; }
`;

const BODY_CSS = `
h1 { margin: 0 0 8px; font-family: Arial, Helvetica, sans-serif; font-size: 28px; line-height: 1.25; color: #1d1f23; }
h2 { margin: 28px 0 8px; font-family: Arial, Helvetica, sans-serif; font-size: 21px; line-height: 1.3; color: #1d1f23; }
h3 { margin: 22px 0 6px; font-family: Arial, Helvetica, sans-serif; font-size: 18px; line-height: 1.3; color: #1d1f23; }
p, ul, ol, blockquote { margin: 0 0 16px; }
a { color: #0b5f8a; }
img { max-width: 100%; height: auto; border: 0; }
blockquote { padding-left: 14px; border-left: 4px solid #d9d5cc; color: #545860; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d9d5cc; padding: 6px 8px; text-align: left; vertical-align: top; font-size: 15px; }
.pb-wild { display: block; margin: 20px 0; padding: 14px 18px; background: #e3f0f7; border-left: 5px solid #0b5f8a; }
.pb-wild-label { font-family: Arial, Helvetica, sans-serif; font-size: 12px; font-weight: bold; letter-spacing: 1px; text-transform: uppercase; }
.pb-callout { display: block; margin: 20px 0; padding: 12px 16px; background: #f3f1ec; border-left: 5px solid #0b5f8a; }
.pb-callout-title { font-weight: bold; }
.pb-tool-items { list-style: none; padding-left: 0; }
.pb-tool-link a { display: inline-block; padding: 10px 18px; background: #0b5f8a; color: #ffffff; border-radius: 4px; font-family: Arial, Helvetica, sans-serif; font-size: 15px; font-weight: bold; text-decoration: none; }
`;

const JUICE_OPTIONS = { preserveImportant: true, applyWidthAttributes: false };

/** Stand-ins for each issue's values in the frame, replaced after inlining. */
const SLOTS = ['language', 'title', 'summary', 'webUrl', 'newsletter', 'dateline', 'author', 'homeUrl', 'body'] as const;
type Slot = (typeof SLOTS)[number];
const slot = (name: Slot) => `%%pactbook-${name}%%`;

let frame: string | undefined;

/** The document around every issue's article, styles inlined, with a slot for each value. */
function inlinedFrame(): string {
	frame ??= juice.inlineContent(
		`<!DOCTYPE html>
<html lang="${slot('language')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${slot('title')}</title>
</head>
<body>
<div data-preheader style="display:none;max-height:0;overflow:hidden">${slot('summary')}</div>
<table role="presentation" class="pb-outer" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px">
<tr><td class="pb-top" align="right"><a href="${slot('webUrl')}">View in your browser</a></td></tr>
<tr><td class="pb-inner"><div class="pb-pad">
<p class="pb-name">${slot('newsletter')}</p>
<h1>${slot('title')}</h1>
<p class="pb-meta">${slot('dateline')} · By ${slot('author')}</p>
<p class="pb-summary">${slot('summary')}</p>
${slot('body')}
</div></td></tr>
<tr><td class="pb-foot">You are reading ${slot('newsletter')}. <a href="${slot('webUrl')}">Read this issue on the web</a> or <a href="${slot('homeUrl')}">browse every issue</a>.</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`,
		FRAME_CSS,
		JUICE_OPTIONS,
	);
	return frame;
}

/** Gives every image an alt text and a width, as email clients need both. */
function sizeImages(nodes: readonly AnyNode[]): void {
	for (const image of nodes.flatMap(elementsOf)) {
		if (image.name !== 'img') continue;
		image.attribs.alt ??= '';
		image.attribs.width ??= '544';
	}
}

/**
 * The email edition of an issue: one self-contained HTML document with every
 * style inlined, no script, no stylesheet, no class names and only absolute URLs.
 */
export function emailHtml(input: EmailInput): string {
	return emailDocument(input, parseHtml(input.body).children);
}

/** `emailHtml` for an article body already parsed, portable already; its images are sized in place. */
function emailDocument(details: EmailDetails, nodes: readonly AnyNode[]): string {
	sizeImages(nodes);
	const body = juice.inlineContent(xmlText(renderHtml([...nodes])), BODY_CSS, JUICE_OPTIONS);
	const value = (text: string) => escapeHtml(xmlText(text));
	const values: Record<Slot, string> = {
		language: value(details.language),
		title: value(details.title),
		summary: value(details.summary),
		webUrl: value(details.webUrl),
		newsletter: value(details.newsletter),
		dateline: value(details.dateline),
		author: value(details.author),
		homeUrl: value(details.homeUrl),
		body,
	};
	const page = parseHtml(inlinedFrame().replace(/%%pactbook-(\w+)%%/g, (_, name: Slot) => values[name]));
	// Class names and ids go from the elements only: text that shows markup, such as `<p class="lead">` in code, stays.
	for (const element of elementsOf(page)) {
		delete element.attribs.class;
		delete element.attribs.id;
	}
	return renderHtml(page);
}

// Compiled once: html-to-text's `convert` compiles its options on every call,
// which costs more than converting an issue.
const toText = compile({
	wordwrap: 78,
	selectors: [
		{ selector: 'a', options: { linkBrackets: ['<', '>'], hideLinkHrefIfSameAsText: true } },
		{ selector: 'h1', options: { uppercase: false } },
		{ selector: 'h2', options: { uppercase: false } },
		{ selector: 'h3', options: { uppercase: false } },
		{ selector: 'table', format: 'dataTable' },
		{ selector: 'img', format: 'skip' },
		{ selector: 'div[data-preheader]', format: 'skip' },
	],
});

/** The plain-text version of an email edition; every link is written out after its text. */
export function emailText(html: string): string {
	return `${toText(html).trim()}\n`;
}

/**
 * The element of a built page that holds its article body, `<div class="pb-body">`,
 * closed by its own end tag. The parser ends an element left open where its
 * parent ends, or past the end of the page: such a body would take in the
 * rest of the page.
 */
function bodyElement(root: Document, length: number): Element {
	const body = findOne(
		(element) => element.name === 'div' && (element.attribs.class ?? '').split(/\s+/).includes(BODY_CLASS),
		root.children,
	);
	if (!body) throw new Error(`the page has no <div class="${BODY_CLASS}"> around its article body`);
	const end = body.endIndex;
	const parent = body.parent;
	if (end == null || end >= length || (parent && isTag(parent) && parent.endIndex === end))
		throw new Error(`the page's <div class="${BODY_CLASS}"> is never closed`);
	return body;
}

/** The article body inside a built page: the inner HTML of its `<div class="pb-body">`, as the parser reads it. */
export function articleBody(page: string): string {
	return renderHtml(bodyElement(parseHtml(page), page.length).children);
}

/** Everything an email edition shows but its body, which comes from the built page. */
export type EmailDetails = Omit<EmailInput, 'body'>;

/**
 * The HTML and plain-text email editions of an issue, from its web page as
 * built, parsed once; `tools` finds each tool's stand-in.
 */
export function emailEdition(details: EmailDetails, page: string, tools: ToolLookup): { html: string; text: string } {
	const body = bodyElement(parseHtml(page), page.length);
	makePortable(body, { pageUrl: details.webUrl, tools });
	const html = emailDocument(details, body.children);
	return { html, text: emailText(html) };
}
