#!/usr/bin/env node
/**
 * Writes a Pactbook content folder of generated issues and playbooks, for
 * benchmarks and load tests: the same seed always gives the same files.
 *
 *   node scripts/generate-content.mjs --count 1000 --seed 1 --out bench-out/content-1000
 *
 * Options: --count N articles (default 100; about 70% issues, 30% playbooks),
 * --seed S (default 1), --out DIR (default bench-out/content-<count>),
 * --format md|mdx (default md, Pactbook's own format: the story segment and tips
 * as `:::wild` and `:::tip` blocks; mdx writes the same words with the
 * <InTheWild> and <Callout> components instead).
 *
 * Each article has 800–1,200 words in h2/h3 sections with lists, a table and
 * links to other articles; some carry a GFM task list under its own heading
 * (playbooks with a scored checklist). Build it with
 * `PACTBOOK_CONTENT=<out> astro build`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { slug } from 'github-slugger';
import * as v from './lib/vocabulary.mjs';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence everywhere. */
export function random(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const pick = (list) => list[Math.floor(next() * list.length)];
	/** `count` distinct items of `list`, in random order. */
	const sample = (list, count) => {
		const copy = [...list];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy.slice(0, Math.min(count, copy.length));
	};
	return { next, int, pick, sample, chance: (p) => next() < p };
}

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/** The heading id Pactbook gives a text (github-slugger's), also used here for ids and tags of plain ASCII words. */
export const slugify = (s) => slug(s.trim());
const words = (s) => s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
const isoDate = (d) => d.toISOString().slice(0, 10);

function title(r) {
	const fill = {
		'%o': () => r.pick(v.objects),
		'%O': () => capitalise(r.pick(v.objects)),
		'%p': () => r.pick(v.objects),
		'%t': () => r.pick(v.tails),
		'%s': () => r.pick(v.subjects),
		'%v': () => r.pick(v.verbs),
		'%n': () => r.pick(v.numbers),
	};
	return capitalise(r.pick(v.titlePatterns).replace(/%[oOptsvn]/g, (m) => fill[m]())).slice(0, 120);
}

function sentence(r) {
	const opener = r.pick(v.openers);
	const body = `${r.pick(v.subjects)} ${r.pick(v.verbs)} ${r.pick(v.objects)} ${r.pick(v.tails)}.`;
	const text = opener ? `${opener} ${body}` : capitalise(body);
	return r.chance(0.2) ? `${text} ${r.pick(v.reasons)}` : text;
}

/** A paragraph, sometimes with a link to another article. */
function paragraph(r, links) {
	const count = r.int(3, 5);
	const parts = Array.from({ length: count }, () => sentence(r));
	if (links.length && r.chance(0.3)) {
		const target = r.pick(links);
		parts.splice(r.int(1, count), 0, `I wrote more about this in [${target.title}](${target.path}).`);
	}
	return parts.join(' ');
}

function table(r) {
	const rows = r
		.sample(v.listItems, r.int(3, 5))
		.map((item) => `| ${capitalise(item)} | ${capitalise(r.pick(v.subjects))} | ${capitalise(r.pick(v.tails))} |`);
	return ['| Step | Owner | When |', '| --- | --- | --- |', ...rows].join('\n');
}

function list(r, ordered) {
	return r
		.sample(v.listItems, r.int(3, 6))
		.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${capitalise(item)}.`)
		.join('\n');
}

/**
 * The Markdown body of one article: an opening, h2 sections with h3
 * subsections, lists, a table, optionally a story segment and a task list,
 * and a closing with links, until the word target is reached.
 */
function body(r, article, links, format) {
	const target = r.int(800, 1200);
	const blocks = [];
	let count = 0;
	const add = (block) => {
		blocks.push(block);
		count += words(block.replace(/\]\([^)]*\)/g, ']'));
	};
	add(paragraph(r, links));
	add(paragraph(r, []));
	if (article.kind === 'issue') {
		const story = r.int(0, v.stories.length - 1);
		add('## Partnerships in the wild');
		const attributes = `source="${r.pick(v.sources)}" lesson="${v.lessons[story]}"`;
		add(format === 'mdx' ? `<InTheWild ${attributes}>` : `:::wild{${attributes}}`);
		add(v.stories[story]);
		add(paragraph(r, []));
		add(format === 'mdx' ? '</InTheWild>' : ':::');
	}
	const sectionTitles = r.sample(v.headings, 12);
	const anchors = [];
	let section = 0;
	while (count < target - 120 && section < sectionTitles.length) {
		const heading = sectionTitles[section++];
		anchors.push(slugify(heading));
		add(`## ${heading}`);
		add(paragraph(r, links));
		if (section === 1) add(list(r, false));
		if (section === 2) add(table(r));
		if (r.chance(0.6)) {
			add(`### ${r.pick(v.subheadings)}`);
			add(paragraph(r, links));
			if (r.chance(0.5)) add(list(r, r.chance(0.5)));
		}
		if (article.kind === 'playbook' && section === 2 && r.chance(0.5)) {
			const tip = r.pick(v.reasons);
			add(format === 'mdx' ? `<Callout type="tip">\n\n${tip}\n\n</Callout>` : `:::tip\n\n${tip}\n\n:::`);
		}
	}
	if (article.checklist) {
		add('## Self-check');
		add('Tick each statement that already describes how you work today.');
		add(article.checklist.map((item) => `- [ ] ${item}`).join('\n'));
	}
	add('## Until next time');
	const back = anchors.length > 1 ? ` If you skimmed, go back to [${sectionTitles[0].toLowerCase()}](#${anchors[0]}).` : '';
	add(`${sentence(r)}${back}`);
	return `${blocks.join('\n\n')}\n`;
}

function yamlList(items) {
	return `[${items.join(', ')}]`;
}

function frontmatter(article, site) {
	const lines = ['---'];
	if (article.kind === 'issue') lines.push(`number: ${article.number}`);
	lines.push(`title: "${article.title}"`);
	if (article.kind === 'issue') lines.push(`date: ${isoDate(article.date)}`);
	lines.push(`summary: "${article.summary}"`);
	if (article.kind === 'playbook') {
		lines.push(`category: ${article.category}`, `updated: ${isoDate(article.date)}`);
		if (article.featured) lines.push('featured: true');
	}
	if (article.author !== site.defaultAuthor) lines.push(`author: ${article.author}`);
	lines.push(`tags: ${yamlList(article.tags)}`);
	if (article.checklist && article.kind === 'playbook') {
		const n = article.checklist.length;
		const low = Math.floor(n / 2);
		lines.push(
			'checklists:',
			'  self-check:',
			'    bands:',
			`      - { min: 0, max: ${low}, verdict: Getting started }`,
			`      - { min: ${low + 1}, max: ${n}, verdict: On track }`,
		);
	}
	lines.push('---', '');
	return lines.join('\n');
}

/** Plans every article (titles, slugs, dates, tags) so that bodies can link to each other. */
export function plan(count, seed) {
	const r = random(seed);
	const issueCount = Math.round(count * 0.7);
	const authors = r
		.sample(
			v.firstNames.flatMap((first) => v.lastNames.map((last) => `${first} ${last}`)),
			8,
		)
		.map((name, i) => ({ id: slugify(name), name, role: v.roles[i % v.roles.length] }));
	// Weekly issues for up to ~25 years of archive, then closer together.
	const step = Math.max(1, Math.min(7, Math.floor((365 * 25) / Math.max(1, issueCount))));
	const first = Date.UTC(2026, 9, 5) - (issueCount - 1) * step * 86_400_000;
	const articles = [];
	for (let i = 0; i < count; i++) {
		const kind = i < issueCount ? 'issue' : 'playbook';
		const t = title(r);
		const short = slugify(t).split('-').slice(0, 6).join('-');
		const number = kind === 'issue' ? i + 1 : undefined;
		const slug = kind === 'issue' ? `${String(number).padStart(5, '0')}-${short}` : `${short}-${i - issueCount + 1}`;
		const date = new Date(kind === 'issue' ? first + i * step * 86_400_000 : Date.UTC(2026, r.int(0, 8), r.int(1, 28)));
		const checklist = r.chance(kind === 'playbook' ? 0.4 : 0.1) ? r.sample(v.checklistItems, r.int(5, 8)) : undefined;
		articles.push({
			kind,
			number,
			slug,
			path: `/${kind === 'issue' ? 'issues' : 'playbooks'}/${slug}/`,
			title: t,
			summary: `${sentence(r)} ${r.pick(v.reasons)}`.slice(0, 280),
			date,
			tags: r.sample(v.tags, r.int(2, 4)),
			author: r.pick(authors).id,
			category: kind === 'playbook' ? r.pick(v.categories) : undefined,
			featured: kind === 'playbook' && i - issueCount < 3,
			checklist,
		});
	}
	return { authors, articles, seed: r.int(1, 2 ** 31) };
}

/** Writes the content folder; returns the number of issues and playbooks. */
export function generate({ count, seed, out, format = 'md' }) {
	const { authors, articles, seed: bodySeed } = plan(count, seed);
	const site = { defaultAuthor: authors[0].id };
	for (const folder of ['issues', 'playbooks', 'authors', 'pages']) rmSync(join(out, folder), { recursive: true, force: true });
	for (const folder of ['issues', 'playbooks', 'authors', 'pages']) mkdirSync(join(out, folder), { recursive: true });
	writeFileSync(
		join(out, 'site.yaml'),
		[
			'# Generated by scripts/generate-content.mjs for benchmarks.',
			'title: The Generated Ledger',
			'description: Generated issues and playbooks for measuring how Pactbook builds a large archive.',
			'url: https://bench.example.com',
			'language: en',
			'newsletter: The Generated Ledger',
			`defaultAuthor: ${site.defaultAuthor}`,
			'',
		].join('\n'),
	);
	for (const author of authors) {
		writeFileSync(
			join(out, 'authors', `${author.id}.yaml`),
			`name: ${author.name}\nrole: ${author.role}\nbio: Writes about partner programs for The Generated Ledger.\n`,
		);
	}
	writeFileSync(
		join(out, 'pages', `about.${format}`),
		'---\ntitle: About this newsletter\nsummary: A generated newsletter for benchmarks.\n---\n\nThis site was generated to measure build time and page weight.\n',
	);
	const r = random(bodySeed);
	for (const [i, article] of articles.entries()) {
		// Links go to a few other articles, so every page is reachable and link checks have work to do.
		const links = [...new Set(Array.from({ length: 3 }, () => r.pick(articles)))].filter((a) => a !== article);
		const ext = format === 'md' ? 'md' : 'mdx';
		const folder = article.kind === 'issue' ? 'issues' : 'playbooks';
		writeFileSync(
			join(out, folder, `${article.slug}.${ext}`),
			frontmatter(article, site) + body(random(bodySeed + i), article, links, format),
		);
	}
	const issues = articles.filter((a) => a.kind === 'issue').length;
	return { issues, playbooks: articles.length - issues };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const { values } = parseArgs({
		options: {
			count: { type: 'string', default: '100' },
			seed: { type: 'string', default: '1' },
			out: { type: 'string' },
			format: { type: 'string', default: 'md' },
		},
	});
	const count = Number(values.count);
	const seed = Number(values.seed);
	if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a whole number of articles, 1 or more.');
	if (!['mdx', 'md'].includes(values.format)) throw new Error('--format must be mdx or md.');
	const out = resolve(values.out ?? `bench-out/content-${count}`);
	const started = performance.now();
	const { issues, playbooks } = generate({ count, seed, out, format: values.format });
	console.log(`Wrote ${issues} issues and ${playbooks} playbooks to ${out} in ${Math.round(performance.now() - started)} ms.`);
}
