import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { PlannedEdition } from '../data/email.ts';
import { emailEdition } from '../lib/email.ts';

/** The build's list of email editions to write, at the root of the output folder until they are written. */
export const EMAIL_PLAN = 'pactbook-email-editions.json';

/**
 * Writes `email.html` and `email.txt` beside each issue's built page, from
 * that page's article body, then removes the plan. Returns how many issues got
 * an edition. Yields between issues, so that work running beside it (the
 * search index) keeps going.
 */
export async function writeEmailEditions(site: string): Promise<number> {
	const planFile = join(site, EMAIL_PLAN);
	const plan = JSON.parse(await readFile(planFile, 'utf8')) as PlannedEdition[];
	for (const { folder, details } of plan) {
		const dir = join(site, folder);
		let edition: ReturnType<typeof emailEdition>;
		try {
			edition = emailEdition(details, await readFile(join(dir, 'index.html'), 'utf8'));
		} catch (error) {
			throw new Error(`Pactbook could not make the email edition of /${folder}: ${(error as Error).message}.`);
		}
		await Promise.all([writeFile(join(dir, 'email.html'), edition.html), writeFile(join(dir, 'email.txt'), edition.text)]);
	}
	await rm(planFile);
	return plan.length;
}

/**
 * Routes for the email editions of every issue (`/issues/<slug>/email.html`
 * and `.txt`). The build writes them after the pages, from each issue's
 * finished page, rather than rendering every issue a second time
 * (`writeEmailEditions`, run by the pactbook integration); `astro dev` serves
 * them on request the same way, from the page the dev server renders.
 */
export default function emailEditions(): AstroIntegration {
	return {
		name: 'pactbook-email',
		hooks: {
			'astro:config:setup': ({ command, config, injectRoute }) => {
				const route = (file: string) => new URL(`src/integrations/routes/${file}`, config.root);
				if (command === 'dev') {
					for (const format of ['html', 'txt']) {
						injectRoute({ pattern: `/issues/[slug]/email.${format}`, entrypoint: route(`email-${format}.ts`), prerender: true });
					}
				} else {
					injectRoute({ pattern: `/${EMAIL_PLAN}`, entrypoint: route('email-plan.ts'), prerender: true });
				}
			},
		},
	};
}
