// Creates new issue and playbook files. JavaScript with JSDoc; it shares the
// frontmatter reader and the slug rule with the build (`src/lib/*.ts`), so
// `npm run new:issue` runs it with Node's TypeScript type stripping.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { frontmatterData } from '../../src/lib/frontmatter.ts';
import { FILE_SLUG_MAX, slugify } from '../../src/lib/slug.ts';

/**
 * The number after the highest `number:` in any issue file, drafts included.
 * @param {string} folder the issues folder
 */
export function nextNumber(folder) {
	if (!existsSync(folder)) return 1;
	let highest = 0;
	for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
		if (!/\.mdx?$/.test(name)) continue;
		const { number } = frontmatterData(readFileSync(join(folder, name), 'utf8'));
		if (typeof number === 'number' && Number.isInteger(number)) highest = Math.max(highest, number);
	}
	return highest + 1;
}

/** @param {Date} date */
export function localDate(date) {
	const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const quote = (/** @type {string} */ text) => JSON.stringify(text);

/** @param {{ number: number, title: string, date: string }} issue */
export function issueTemplate({ number, title, date }) {
	return `---
number: ${number}
title: ${quote(title)}
date: ${date}
summary: "One or two sentences for the archive, the feeds and search results."
tags: []
draft: true
---

A short personal opening: what happened this week, and why this issue matters.

## Partnerships in the wild

:::wild{source="Where the story comes from" lesson="The lesson, in one sentence."}

Tell a real partnership story in a few paragraphs.

:::

## The main topic

Make one point well. Use ### headings for its parts.

## Until next week

A few lines to sign off.
`;
}

/** @param {{ title: string, date: string }} playbook */
export function playbookTemplate({ title, date }) {
	return `---
title: ${quote(title)}
summary: "What this guide helps the reader do, in a sentence or two."
category: General
tags: []
updated: ${date}
draft: true
---

Who this playbook is for and what they will be able to do after reading it.

## The first step

Explain it, with an example from real partnerships.

## Check yourself

- [ ] A habit or step the reader can tick when it is true for them
`;
}

/** Longest title the issue and playbook schemas accept. */
export const TITLE_MAX = 120;

/**
 * Writes a new draft and returns its path; refuses to overwrite a file.
 * @param {'issue' | 'playbook'} kind
 * @param {string} title
 * @param {{ contentDir: string, today: Date }} options
 */
export function scaffold(kind, title, { contentDir, today }) {
	const clean = title.trim().replace(/\s+/g, ' ');
	const slug = slugify(clean, { max: FILE_SLUG_MAX });
	if (!clean || !slug) throw new Error(`Give the ${kind} a title, for example: npm run new:${kind} -- "Partner or pen pal?"`);
	if (clean.length > TITLE_MAX) {
		throw new Error(
			`That title has ${clean.length} characters; titles are at most ${TITLE_MAX}, so the build would refuse it. Shorten it; the summary is the place for the rest. Nothing was written.`,
		);
	}
	const date = localDate(today);
	const folder = join(contentDir, kind === 'issue' ? 'issues' : 'playbooks');
	const number = kind === 'issue' ? nextNumber(folder) : 0;
	const file = join(folder, kind === 'issue' ? `${String(number).padStart(3, '0')}-${slug}.md` : `${slug}.md`);
	// An issue with this title under another number counts too, in either format and in any
	// sub-folder (the address comes from the file name alone): running the command twice makes no second draft.
	const stem = (/** @type {string} */ path) => basename(path).replace(/\.mdx?$/, '');
	const clash = existsSync(folder)
		? readdirSync(folder, { recursive: true, encoding: 'utf8' }).find(
				(path) => /\.mdx?$/.test(path) && (stem(path) === slug || stem(path).replace(/^\d+-/, '') === slug),
			)
		: undefined;
	if (existsSync(file) || clash) {
		throw new Error(
			`${relative(process.cwd(), clash ? join(folder, clash) : file)} already exists; nothing was written. Choose another title or edit that file.`,
		);
	}
	mkdirSync(folder, { recursive: true });
	writeFileSync(
		file,
		kind === 'issue' ? issueTemplate({ number, title: clean, date }) : playbookTemplate({ title: clean, date }),
		{ flag: 'wx' },
	);
	return file;
}
