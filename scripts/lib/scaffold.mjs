// Creates new issue and playbook files. JavaScript with JSDoc; it shares the
// frontmatter reader and the slug rule with the build (`src/lib/*.ts`), so
// `npm run new:issue` runs it with Node's TypeScript type stripping.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { characterCount } from '../../src/lib/characters.ts';
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

/** A title as it is written and compared: composed (NFC), trimmed, spaces folded. */
const tidy = (/** @type {string} */ title) => title.normalize('NFC').trim().replace(/\s+/g, ' ');

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
 * The slug of a title, for its file name. A title with no Latin letter or digit
 * (`Партнёры и друзья`, `🚀🚀`) has none, as file names that become addresses
 * use only a-z, 0-9 and hyphens; its file is then named after its kind.
 * @param {string} title
 */
export function titleSlug(title) {
	return slugify(title, { max: FILE_SLUG_MAX });
}

/**
 * Writes a new draft and returns its path; refuses to overwrite a file.
 * @param {'issue' | 'playbook'} kind
 * @param {string} title
 * @param {{ contentDir: string, today: Date }} options
 */
export function scaffold(kind, title, { contentDir, today }) {
	const clean = tidy(title);
	// Letters of any script, digits and emoji make a title; punctuation alone (`?!`) does not.
	if (!/[\p{L}\p{N}\p{S}]/u.test(clean))
		throw new Error(`Give the ${kind} a title, for example: npm run new:${kind} -- "Partner or pen pal?"`);
	const length = characterCount(clean);
	if (length > TITLE_MAX) {
		throw new Error(
			`That title has ${length} characters; titles are at most ${TITLE_MAX}, so the build would refuse it. Shorten it; the summary is the place for the rest. Nothing was written.`,
		);
	}
	const slug = titleSlug(clean);
	const date = localDate(today);
	const folder = join(contentDir, kind === 'issue' ? 'issues' : 'playbooks');
	const number = kind === 'issue' ? nextNumber(folder) : 0;
	const articles = existsSync(folder)
		? readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((path) => /\.mdx?$/.test(path))
		: [];
	const stem = (/** @type {string} */ path) => basename(path).replace(/\.mdx?$/, '');
	const name = slug || freeName(kind, new Set(articles.map(stem)));
	const file = join(folder, kind === 'issue' ? `${String(number).padStart(3, '0')}-${name}.md` : `${name}.md`);
	// An issue with this title under another number counts too, in either format and in any
	// sub-folder (the address comes from the file name alone): running the command twice makes no second draft.
	// Without a slug, the file name says nothing of the title, so the titles themselves are compared.
	const clash = slug
		? articles.find((path) => stem(path) === slug || stem(path).replace(/^\d+-/, '') === slug)
		: articles.find((path) => {
				const written = frontmatterData(readFileSync(join(folder, path), 'utf8')).title;
				return typeof written === 'string' && tidy(written) === clean;
			});
	if (clash && !slug) {
		throw new Error(
			`${relative(process.cwd(), join(folder, clash))} already has this title; nothing was written. Choose another title or edit that file.`,
		);
	}
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

/**
 * The file name of an article whose title makes no slug: `issue`, after the
 * issue's own number, which no other issue has; `playbook`, `playbook-2`, …
 * for a playbook, the first that no file uses.
 * @param {'issue' | 'playbook'} kind
 * @param {Set<string>} taken file names without their extension
 */
function freeName(kind, taken) {
	if (kind === 'issue' || !taken.has(kind)) return kind;
	for (let n = 2; ; n++) if (!taken.has(`${kind}-${n}`)) return `${kind}-${n}`;
}
