/**
 * The questionnaire's first HTML, rendered at build time by the `.astro`
 * component and by the `:::questionnaire` Markdown block alike: the whole
 * form (a section per `<section>`, a `<fieldset>` and `<legend>` per question,
 * a labelled input per answer), which reads, prints and is indexed without
 * JavaScript, and the panel the element fills in (hidden until it runs).
 * The definition travels in a JSON script for the element.
 */
import { escapeHtml as esc } from '../../lib/escape.ts';
import type { Questionnaire } from './scoring.ts';

type Defined = Questionnaire & { id: string };

export interface RenderOptions {
	/** Level of the section headings: 2 on the tool's own page, 3 inside an article. */
	level: 2 | 3;
	/** Turns a site path into the address to write (adds the base). */
	link?: (href: string) => string;
	/** Address of the tool's own page, for the embed's title link. */
	page?: string;
}

/** JSON safe inside `<script type="application/json">`. */
export const scriptJson = (value: unknown) =>
	JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** A short fingerprint of a definition (FNV-1a): a cached article render whose embed carries another one is out of date. */
export function digestOf(q: Defined): string {
	const text = JSON.stringify(q);
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return hash.toString(16).padStart(8, '0');
}

/** Id prefix of a questionnaire's elements. */
export const domId = (q: { id: string }, ...parts: string[]) => ['pb-q', q.id, ...parts].join('-');

function adviceHtml(q: Defined, link: (href: string) => string, questionId: string): string {
	const question = q.questions.find((x) => x.id === questionId)!;
	return question.options
		.filter((o) => o.advice)
		.map(
			(o) =>
				`<div class="pb-q-advice" data-option="${esc(o.id)}"><p>${esc(o.advice!.text)}</p>${
					o.advice!.links.length
						? `<ul>${o.advice!.links.map((l) => `<li><a href="${esc(link(l.href))}">${esc(l.label)}</a></li>`).join('')}</ul>`
						: ''
				}</div>`,
		)
		.join('');
}

/** The panel the element fills in: progress, result, chart and table, advice, move-up, partners and actions. */
function panel(q: Defined, level: 2 | 3): string {
	const h = `h${level}`;
	const id = (part: string) => domId(q, part);
	return `<div class="pb-q-panel" hidden data-pagefind-ignore>
<p class="pb-q-progress" role="status" aria-live="polite"></p>
<div class="pb-notice" role="alert" hidden><p></p><button type="button" class="pb-button" data-undo hidden>Undo</button></div>
<section class="pb-q-result" aria-labelledby="${id('result')}">
<${h} id="${id('result')}">Result</${h}>
<p class="pb-q-verdict"></p><p class="pb-q-summary"></p>
<ul class="pb-q-next"></ul>
<div class="pb-q-chart-box"></div>
<table class="pb-q-table"><caption>Score by section</caption><thead><tr><th scope="col">Section</th><th scope="col">Score</th></tr></thead><tbody></tbody></table>
<div class="pb-q-before" hidden></div>
<div class="pb-q-moveup" hidden><${h}>What would move it up a band</${h}><p></p><ul></ul><button type="button" class="pb-button" data-apply>Apply these answers</button></div>
<div class="pb-q-advice-list" hidden><${h}>What to work on</${h}><ul></ul><p class="pb-q-plan-status" role="status" aria-live="polite"></p></div>
<div class="pb-q-aside" hidden><${h}>Answers kept aside</${h}><p>These answers were given to questions this questionnaire no longer asks.</p><ul></ul></div>
</section>
<section class="pb-q-partners pb-noprint" aria-labelledby="${id('partners')}">
<${h} id="${id('partners')}">Partners</${h}>
<p class="pb-q-name-row"><label for="${id('name')}">Partner name</label> <input id="${id('name')}" class="pb-q-name" type="text" maxlength="80" autocomplete="off"> <button type="button" class="pb-button" data-save>Save assessment</button> <button type="button" class="pb-button" data-new>New assessment</button></p>
<p class="pb-q-empty-partners">No saved partners yet.</p>
<table class="pb-q-saved" hidden><caption>Saved assessments</caption><thead><tr><th scope="col">Compare</th><th scope="col">Partner</th><th scope="col">Verdict</th><th scope="col">Actions</th></tr></thead><tbody></tbody></table>
<button type="button" class="pb-button" data-compare hidden>Compare selected</button>
<div class="pb-q-compare" hidden tabindex="-1"></div>
</section>
<div class="pb-actions pb-noprint" role="group" aria-label="Questionnaire actions">
<button type="button" class="pb-button" data-share>Share link</button>
<button type="button" class="pb-button" data-ask>Ask the partner</button>
<button type="button" class="pb-button" data-export="md">Export Markdown</button>
<button type="button" class="pb-button" data-export="csv">Export CSV</button>
<button type="button" class="pb-button" data-export="json">Export JSON</button>
<label class="pb-button pb-import">Import JSON<input type="file" accept="application/json,.json" class="pb-sr-only" data-import></label>
<button type="button" class="pb-button" data-print>Print</button>
</div>
<dialog class="pb-q-dialog" aria-labelledby="${id('dialog')}"><h2 id="${id('dialog')}" class="pb-q-dialog-title">Share link</h2><p class="pb-q-dialog-text"></p><p><label for="${id('link')}">Link</label> <input id="${id('link')}" class="pb-q-link" type="text" readonly></p><p class="pb-q-copied" role="status"></p><p><button type="button" class="pb-button" data-copy>Copy link</button> <button type="button" class="pb-button" data-close>Close</button></p></dialog>
<section class="pb-q-sides" hidden tabindex="-1" aria-labelledby="${id('sides')}"><${h} id="${id('sides')}">Both sides compared</${h}><div></div></section>
</div>`;
}

/** The questionnaire's HTML, as built pages hold it. */
export function renderQuestionnaire(q: Defined, { level, link = (href) => href, page }: RenderOptions): string {
	const h = `h${level}`;
	const sections = q.sections
		.map((section) => {
			const questions = q.questions.filter((question) => question.section === section.id);
			if (!questions.length) return '';
			const body = questions
				.map((question) => {
					const name = domId(q, question.id);
					const type = question.type === 'multiple' ? 'checkbox' : 'radio';
					const options = [
						...question.options.map((o) => ({ id: o.id, label: o.label })),
						...(question.allowNA ? [{ id: 'na', label: 'Not applicable' }] : []),
					]
						.map(
							(o) =>
								`<li><input type="${type}" name="${esc(name)}" id="${esc(`${name}-${o.id}`)}" value="${esc(o.id)}" disabled><label for="${esc(`${name}-${o.id}`)}">${esc(o.label)}</label></li>`,
						)
						.join('');
					const showIf = question.showIf
						? ` data-show-if="${esc(question.showIf.question)}" data-any-of="${esc(question.showIf.anyOf.join(' '))}"`
						: '';
					const parent = question.showIf ? q.questions.find((x) => x.id === question.showIf!.question) : undefined;
					const when = parent
						? `<p class="pb-q-when">Asked when the answer to “${esc(parent.text)}” is ${question
								.showIf!.anyOf.map((id) => `“${esc(parent.options.find((o) => o.id === id)?.label ?? id)}”`)
								.join(' or ')}.</p>`
						: '';
					return `<fieldset class="pb-q-question" data-q="${esc(question.id)}"${showIf}>
<legend>${esc(question.text)}${question.required ? ' <span class="pb-q-required">(required)</span>' : ''}</legend>
${when}${question.help ? `<p class="pb-q-help">${esc(question.help)}</p>` : ''}
<ul class="pb-q-options">${options}</ul>
${adviceHtml(q, link, question.id)}
<p class="pb-q-note"><label for="${esc(`${name}-note`)}">Note</label> <textarea id="${esc(`${name}-note`)}" rows="1" maxlength="2000" disabled></textarea></p>
</fieldset>`;
				})
				.join('\n');
			return `<section class="pb-q-section" aria-labelledby="${esc(domId(q, 'section', section.id))}"><${h} id="${esc(domId(q, 'section', section.id))}">${esc(section.title)}</${h}>\n${body}</section>`;
		})
		.join('\n');
	const bands = `<details class="pb-q-bands"><summary>How the verdict is given</summary><ul>${q.bands
		.map((b) => `<li><strong>${esc(b.verdict)}</strong> (${b.min}–${b.max}%): ${esc(b.summary)}</li>`)
		.join('')}</ul></details>`;
	const title = page ? `<p class="pb-q-title"><a href="${esc(page)}">${esc(q.title)}</a>: ${esc(q.summary)}</p>` : '';
	// Search finds a questionnaire on its own page; embedded in an article, its questions are not the article's text.
	const ignored = page ? ' data-pagefind-ignore="all"' : '';
	return `<pb-questionnaire id="${esc(domId(q, 'tool'))}" data-id="${esc(q.id)}" data-digest="${digestOf(q)}" data-base="${esc(link('/'))}" class="pb-questionnaire"${ignored}>
${title}<p class="pb-q-intro pb-noprint" data-pagefind-ignore>Answer in any order. Your answers are saved in this browser only.</p>
<div class="pb-q-form">
${sections}
</div>
${bands}
${panel(q, level)}
<script type="application/json" class="pb-q-definition">${scriptJson(q)}</script>
</pb-questionnaire>`;
}
