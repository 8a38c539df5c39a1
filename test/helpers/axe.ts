import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 AA rule tags (and the levels below it) that pages must pass. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

/** Runs axe-core in the page and returns its WCAG 2.2 AA violations (an empty list when clean). */
export async function axe(page: Page): Promise<Violation[]> {
	// Evaluated through the DevTools protocol rather than added as a <script>, which the pages' Content Security Policy blocks.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${source}\n;undefined`);
	return page.evaluate(async (tags) => {
		const run = (
			window as unknown as {
				axe: {
					run: (
						ctx: Document,
						opts: object,
					) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
				};
			}
		).axe.run;
		const result = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' ')),
		}));
	}, WCAG_AA);
}
