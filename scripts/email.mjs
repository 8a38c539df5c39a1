#!/usr/bin/env node
/**
 * `npm run email -- <number or slug> [...]`, or `npm run email -- --all`:
 * writes the email editions (`email.html`, `email.txt`) of issues that the
 * last `npm run build` left out into the built site. The build writes them
 * only for the newest `feedItems` issues, the ones about to be sent; this
 * makes the others the same way, from each issue's built page.
 *
 * It reads what the build kept in Astro's cache folder (`PACTBOOK_CACHE`, by
 * default node_modules/.astro/, as in astro.config.mjs), so it works on the
 * site that build wrote (`dist/`, or `PACTBOOK_OUT`). It runs with Node's
 * TypeScript transform (see package.json), to reuse the build's own code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EMAIL_PLAN, writeEmailEditions } from '../src/build/issue-files.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Stops with a message for the author. */
function stop(message) {
	console.error(message);
	process.exit(1);
}

const { values, positionals } = parseArgs({ options: { all: { type: 'boolean', default: false } }, allowPositionals: true });
if (!values.all && positionals.length === 0) {
	stop('Name the issues to write email editions for, by number or slug (npm run email -- 12 013-kickoff), or use --all.');
}

const cache = resolve(ROOT, process.env.PACTBOOK_CACHE ?? 'node_modules/.astro');
const saved = join(cache, EMAIL_PLAN);
if (!existsSync(saved)) stop('No built site to add email editions to: run `npm run build` first.');
/** @type {import('../src/build/issue-files.ts').SavedEmailPlan} */
const { site, issues } = JSON.parse(readFileSync(saved, 'utf8'));

if (issues.length === 0) stop('The built site has no issues to write email editions for.');
const wanted = values.all
	? issues
	: positionals.map((name) => {
			const key = name.replace(/^#/, '');
			const issue = issues.find((i) => String(i.number) === key || i.slug === key);
			if (!issue) {
				const numbers = issues.map((i) => i.number);
				stop(
					`The built site has no issue "${name}". Use an issue's number (${Math.min(...numbers)} to ${Math.max(...numbers)}) or its slug, as in its address /issues/<slug>/; drafts and scheduled issues are not built.`,
				);
			}
			return issue;
		});
const missing = wanted.find((issue) => !existsSync(join(site, issue.folder, 'index.html')));
if (missing)
	stop(
		`The built page of /${missing.folder} is missing from ${relative(process.cwd(), site)}/: run \`npm run build\` again first.`,
	);

const started = performance.now();
const count = await writeEmailEditions(site, wanted);
console.log(
	`Email editions of ${count} issue${count === 1 ? '' : 's'} written in ${Math.round(performance.now() - started)} ms: ${wanted
		.slice(0, 5)
		.map((issue) => relative(process.cwd(), join(site, issue.folder, 'email.html')))
		.join(', ')}${wanted.length > 5 ? ', …' : ''} and the .txt beside each.`,
);
