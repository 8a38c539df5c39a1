import { escapeHtml } from '../../lib/escape.ts';
import type { StandInInput } from '../../lib/portable-html.ts';

/**
 * What feeds and email editions show in place of a questionnaire: its
 * questions as a numbered list, and a link to answer them on the web page.
 * Legends arrive as HTML text (entities kept), so they are written as they are.
 */
export function questionnaireStandIn({ attributes, legends, pageUrl, link }: StandInInput): string {
	const id = attributes.id ?? '';
	const href = new URL(id ? `#${id}` : '', pageUrl).href;
	const questions = legends.map((legend) => `<li>${legend.replace(/\s*\(required\)$/, '')}</li>`).join('');
	return `<ol class="pb-tool-items">${questions}</ol><p class="pb-tool-link"><a href="${escapeHtml(href)}">${escapeHtml(link ?? 'Answer this questionnaire on the web')}</a></p>`;
}
