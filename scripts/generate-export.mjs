#!/usr/bin/env node
/**
 * Writes an export of generated posts in the shape another platform gives,
 * to measure and test `npm run import` on a large archive: the same seed
 * always gives the same files.
 *
 *   node scripts/generate-export.mjs --posts 500 --format substack --out bench-out/export-500
 *
 * Options: --posts N (default 100), --seed S (default 1), --format
 * substack|ghost|wordpress (default substack), --out DIR (default
 * bench-out/export-<format>-<posts>). Each post has 600–1,000 words of HTML
 * with the platform's own shapes: captioned images (remote), tables, lists,
 * footnotes, video embeds, subscribe buttons; about one post in ten is a draft
 * and one in twenty for paying readers only. Titles repeat now and then, so
 * slugs clash as they do in real archives.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { random, slugify } from './generate-content.mjs';
import * as v from './lib/vocabulary.mjs';

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const csv = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function sentence(r) {
	const opener = r.pick(v.openers);
	const body = `${r.pick(v.subjects)} ${r.pick(v.verbs)} ${r.pick(v.objects)} ${r.pick(v.tails)}.`;
	return opener ? `${opener} ${body}` : capitalise(body);
}

function title(r) {
	const fill = { '%o': () => r.pick(v.objects), '%O': () => capitalise(r.pick(v.objects)), '%p': () => r.pick(v.objects) };
	const pattern = r.pick(v.titlePatterns);
	const text = pattern.replace(/%[oOp]/g, (m) => fill[m]?.() ?? m).replace(/%t/g, () => r.pick(v.tails));
	return capitalise(
		text
			.replace(/%s/g, () => r.pick(v.subjects))
			.replace(/%v/g, () => r.pick(v.verbs))
			.replace(/%n/g, () => r.pick(v.numbers)),
	);
}

/** One post's HTML body, in the platform's shapes. */
function body(r, format, n) {
	const target = r.int(600, 1000);
	const parts = [];
	let words = 0;
	const add = (html) => {
		parts.push(html);
		words += html
			.replace(/<[^>]+>/g, ' ')
			.split(/\s+/)
			.filter(Boolean).length;
	};
	const paragraph = () => `<p>${Array.from({ length: r.int(3, 5) }, () => escapeHtml(sentence(r))).join(' ')}</p>`;
	const image = (i) => {
		const src = `https://media.example.com/images/post-${n}-${i}.png`;
		const caption = escapeHtml(capitalise(r.pick(v.objects)));
		if (format === 'substack')
			return `<div class="captioned-image-container"><figure><a class="image-link image2" target="_blank" href="${src}"><div class="image2-inset"><picture><img src="https://substackcdn.com/image/fetch/w_1456,c_limit,f_auto/${encodeURIComponent(src)}" alt="" width="1456" height="816" loading="lazy"></picture></div></a><figcaption class="image-caption">${caption}</figcaption></figure></div>`;
		if (format === 'ghost')
			return `<figure class="kg-card kg-image-card kg-card-hascaption"><img src="${src}" class="kg-image" alt="${caption}" loading="lazy"><figcaption>${caption}</figcaption></figure>`;
		return `<!-- wp:image --><figure class="wp-block-image size-large"><img src="${src}" alt="${caption}"/><figcaption class="wp-element-caption">${caption}</figcaption></figure><!-- /wp:image -->`;
	};
	const video = () => {
		const id = `Vid${String(n).padStart(8, '0')}`;
		if (format === 'substack')
			return `<div id="youtube2-${id}" class="youtube-wrap" data-attrs="{&quot;videoId&quot;:&quot;${id}&quot;}"><div class="youtube-inner"><iframe src="https://www.youtube-nocookie.com/embed/${id}?rel=0"></iframe></div></div>`;
		if (format === 'ghost')
			return `<figure class="kg-card kg-embed-card"><iframe src="https://www.youtube.com/embed/${id}"></iframe></figure>`;
		return `<!-- wp:embed {"url":"https://www.youtube.com/watch?v=${id}","type":"video"} --><figure class="wp-block-embed is-type-video wp-block-embed-youtube"><div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=${id}</div></figure><!-- /wp:embed -->`;
	};
	add(paragraph());
	let section = 0;
	while (words < target) {
		add(`<h2>${escapeHtml(capitalise(r.pick(v.headings)))}</h2>`);
		add(paragraph());
		if (r.chance(0.5)) add(image(section));
		if (r.chance(0.4))
			add(
				`<ul>${r
					.sample(v.listItems, r.int(3, 5))
					.map((item) => `<li>${escapeHtml(capitalise(item))}.</li>`)
					.join('')}</ul>`,
			);
		if (r.chance(0.2))
			add(
				`<table><thead><tr><th>Step</th><th>Owner</th></tr></thead><tbody>${r
					.sample(v.listItems, 3)
					.map(
						(item) => `<tr><td>${escapeHtml(capitalise(item))}</td><td>${escapeHtml(capitalise(r.pick(v.subjects)))}</td></tr>`,
					)
					.join('')}</tbody></table>`,
			);
		if (r.chance(0.1)) add(video());
		add(paragraph());
		section++;
	}
	if (format === 'substack' && r.chance(0.5))
		add(
			'<div class="subscription-widget-wrap-editor" data-attrs="{}"><div class="subscription-widget"><form class="subscription-widget-subscribe"><input type="email" name="email"><input type="submit" class="button primary" value="Subscribe"></form></div></div>',
		);
	return parts.join('\n');
}

/** The posts of an export: title, subtitle, date (one a week, oldest first), slug, body and status. */
export function posts({ posts: count, seed, format }) {
	const r = random(seed);
	const start = Date.UTC(2016, 0, 4, 9, 0);
	const titles = [];
	return Array.from({ length: count }, (_, i) => {
		const text = titles.length && r.chance(0.05) ? r.pick(titles) : title(r);
		titles.push(text);
		return {
			id: 100000 + i,
			title: text,
			subtitle: sentence(r),
			date: new Date(start + i * 7 * 86400000),
			slug: slugify(text).slice(0, 60).replace(/-+$/, ''),
			html: body(r, format, i),
			draft: r.chance(0.1),
			paid: r.chance(0.05),
			tags: r.sample(v.tags, r.int(1, 3)),
		};
	});
}

function writeSubstack(out, list) {
	mkdirSync(join(out, 'posts'), { recursive: true });
	const rows = ['post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url'];
	for (const p of list) {
		const id = `${p.id}.${p.slug}`;
		const date = p.draft ? '' : p.date.toISOString();
		rows.push(
			[
				id,
				date,
				String(!p.draft),
				date,
				date,
				'newsletter',
				p.paid ? 'only_paid' : 'everyone',
				csv(p.title),
				csv(p.subtitle),
				'',
			].join(','),
		);
		writeFileSync(join(out, 'posts', `${id}.html`), p.html);
	}
	writeFileSync(join(out, 'posts.csv'), `${rows.join('\n')}\n`);
}

function writeGhost(out, list) {
	mkdirSync(out, { recursive: true });
	const tags = [...new Set(list.flatMap((p) => p.tags))].map((name, i) => ({
		id: `t${i}`,
		name,
		slug: slugify(name),
		visibility: 'public',
	}));
	const tagId = new Map(tags.map((t) => [t.name, t.id]));
	const data = {
		posts: list.map((p) => ({
			id: `p${p.id}`,
			title: p.title,
			slug: p.slug,
			html: p.html,
			type: 'post',
			status: p.draft ? 'draft' : 'published',
			visibility: p.paid ? 'paid' : 'public',
			created_at: p.date.toISOString(),
			updated_at: p.date.toISOString(),
			published_at: p.draft ? null : p.date.toISOString(),
			custom_excerpt: p.subtitle,
		})),
		tags,
		posts_tags: list.flatMap((p) =>
			p.tags.map((name, i) => ({ id: `pt${p.id}-${i}`, post_id: `p${p.id}`, tag_id: tagId.get(name), sort_order: i })),
		),
		users: [{ id: 'u1', name: 'Generated Author', slug: 'generated-author' }],
		posts_authors: list.map((p) => ({ id: `pa${p.id}`, post_id: `p${p.id}`, author_id: 'u1', sort_order: 0 })),
	};
	writeFileSync(join(out, 'generated.ghost.json'), JSON.stringify({ db: [{ meta: { version: '5.0.0' }, data }] }));
}

function writeWordpress(out, list) {
	mkdirSync(out, { recursive: true });
	const cdata = (s) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
	const items = list.map(
		(p) =>
			`<item><title>${cdata(p.title)}</title><dc:creator>${cdata('author')}</dc:creator><content:encoded>${cdata(p.html)}</content:encoded><excerpt:encoded>${cdata(p.subtitle)}</excerpt:encoded><wp:post_id>${p.id}</wp:post_id><wp:post_date>${cdata(p.date.toISOString().replace('T', ' ').slice(0, 19))}</wp:post_date><wp:post_name>${cdata(p.slug)}</wp:post_name><wp:status>${cdata(p.draft ? 'draft' : 'publish')}</wp:status><wp:post_type>${cdata('post')}</wp:post_type><wp:post_password>${cdata(p.paid ? 'secret' : '')}</wp:post_password>${p.tags.map((t) => `<category domain="post_tag" nicename="${slugify(t)}">${cdata(t)}</category>`).join('')}</item>`,
	);
	writeFileSync(
		join(out, 'generated.wordpress.xml'),
		`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Generated</title><wp:wxr_version>1.2</wp:wxr_version><wp:author><wp:author_login>${cdata('author')}</wp:author_login><wp:author_display_name>${cdata('Generated Author')}</wp:author_display_name></wp:author>\n${items.join('\n')}\n</channel></rss>\n`,
	);
}

const WRITERS = { substack: writeSubstack, ghost: writeGhost, wordpress: writeWordpress };

/** Writes the export folder and returns its path. */
export function generateExport({ posts: count = 100, seed = 1, format = 'substack', out }) {
	const writer = WRITERS[format];
	if (!writer) throw new Error(`--format takes substack, ghost or wordpress, not "${format}".`);
	const folder = resolve(out ?? `bench-out/export-${format}-${count}`);
	rmSync(folder, { recursive: true, force: true });
	writer(folder, posts({ posts: count, seed, format }));
	return folder;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const { values } = parseArgs({
		options: {
			posts: { type: 'string', default: '100' },
			seed: { type: 'string', default: '1' },
			format: { type: 'string', default: 'substack' },
			out: { type: 'string' },
		},
	});
	const folder = generateExport({
		posts: Number(values.posts),
		seed: Number(values.seed),
		format: values.format,
		out: values.out,
	});
	console.log(`Wrote a ${values.format} export of ${values.posts} posts to ${folder}.`);
}
