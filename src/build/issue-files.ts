import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { PlannedIssue } from '../data/issue-plan.ts';
import { toolByElement } from '../tools/index.ts';

/** The build's list of files to write beside each issue, at the root of the output folder until it is read. */
export const ISSUE_PLAN = 'pactbook-issue-files.json';

/**
 * Where the build keeps what the email editions of its issues show besides
 * their bodies, inside Astro's cache folder, so that `npm run email` can write
 * an edition the build left out (scripts/email.mjs).
 */
export const EMAIL_PLAN = 'pactbook/email-editions.json';

/** What an issue's email edition is made from, besides its built page. */
export type EmailPlan = Omit<PlannedIssue, 'forward'>;

/** What `npm run email` reads: the built site and its issues. */
export interface SavedEmailPlan {
	/** The built site's folder. */
	site: string;
	issues: EmailPlan[];
}

/** Keeps the plan of a finished build for `npm run email`. */
export async function saveEmailPlan(cacheDir: string, site: string, issues: PlannedIssue[]): Promise<void> {
	const file = join(cacheDir, EMAIL_PLAN);
	await mkdir(dirname(file), { recursive: true });
	const kept = issues.map(({ forward: _, ...issue }) => issue);
	await writeFile(file, JSON.stringify({ site, issues: kept } satisfies SavedEmailPlan));
}

/** Reads the list of files to write beside each issue, and removes it from the site. */
export async function readIssuePlan(site: string): Promise<PlannedIssue[]> {
	const file = join(site, ISSUE_PLAN);
	const plan = JSON.parse(await readFile(file, 'utf8')) as PlannedIssue[];
	await rm(file);
	return plan;
}

/**
 * Writes `email.html` and `email.txt` beside each issue's built page, from
 * that page's article body. Returns how many issues got an edition. The build
 * passes the issues marked `email`; `npm run email` any others. Yields
 * between issues, so that work running beside it (the search index) keeps going.
 */
export async function writeEmailEditions(site: string, plan: EmailPlan[]): Promise<number> {
	if (!plan.length) return 0;
	// The email code (CSS inlining, plain text) is loaded only when there is an edition to write.
	const { emailEdition } = await import('../lib/email.ts');
	for (const { folder, details } of plan) {
		const dir = join(site, folder);
		let edition: { html: string; text: string };
		try {
			edition = emailEdition(details, await readFile(join(dir, 'index.html'), 'utf8'), toolByElement);
		} catch (error) {
			throw new Error(`Pactbook could not make the email edition of /${folder}: ${(error as Error).message}.`);
		}
		await Promise.all([writeFile(join(dir, 'email.html'), edition.html), writeFile(join(dir, 'email.txt'), edition.text)]);
	}
	return plan.length;
}

/** Writes the page at `/issues/<number>/` that forwards to each issue. Returns how many it wrote. */
export async function writeForwardingPages(site: string, plan: PlannedIssue[]): Promise<number> {
	await Promise.all(
		plan.map(async ({ forward }) => {
			const dir = join(site, forward.folder);
			await mkdir(dir, { recursive: true });
			await writeFile(join(dir, 'index.html'), forward.html);
		}),
	);
	return plan.length;
}

/**
 * Files beside every issue: its email editions (`/issues/<slug>/email.html`
 * and `.txt`, for the newest `feedItems` issues; `npm run email` writes the
 * others) and the page at `/issues/<number>/`. The build writes them once
 * the pages are built, from each issue's finished page, rather than rendering
 * every issue a second time (run by the pactbook integration); `astro dev`
 * serves the email editions on request the same way, from the page it renders.
 */
export default function issueFiles(): AstroIntegration {
	return {
		name: 'pactbook-issue-files',
		hooks: {
			'astro:config:setup': ({ command, config, injectRoute }) => {
				const route = (file: string) => new URL(`routes/${file}`, config.srcDir);
				if (command === 'dev') {
					for (const format of ['html', 'txt']) {
						injectRoute({ pattern: `/issues/[slug]/email.${format}`, entrypoint: route(`email-${format}.ts`), prerender: true });
					}
				} else {
					injectRoute({ pattern: `/${ISSUE_PLAN}`, entrypoint: route('issue-plan.ts'), prerender: true });
				}
			},
		},
	};
}
