// Turns a parsed export into Pactbook files: issues or playbooks, author
// files and images, each checked with the build's own schemas, then writes
// them without ever overwriting a file or leaving the content folder.
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BLOCK_NAMES, readBlockLines } from '../../../src/lib/blocks.ts';
import { characterCount } from '../../../src/lib/characters.ts';
import { FILE_SLUG_MAX, slugify } from '../../../src/lib/slug.ts';
import { isFollowable } from '../../../src/lib/urls.ts';
import { authorSchema } from '../../../src/schemas/author.ts';
import { writtenProblems } from '../../../src/schemas/frontmatter.ts';
import { issueExamples, issueSchema } from '../../../src/schemas/issue.ts';
import { playbookExamples, playbookSchema } from '../../../src/schemas/playbook.ts';
import { formatProblems, zodProblems } from '../../../src/schemas/problems.ts';
import { type BodyNode, bodyTree, type Edit, edited, inner, literalPart, parsedBody, relinked, span, walk } from './body-tree.ts';
import { parseExport } from './detect.ts';
import { ORIGIN, readExisting } from './existing.ts';
import { htmlToMarkdown, type Loss } from './html.ts';
import { downloadImage, eachLimited, IMAGE_TYPES, imageName, imageRefs, imageType, localCandidates } from './images.ts';
import { addressKey, cleanMarkdown, numberInTitle, postByFile } from './markdown.ts';
import { type ExportSource, ImportError, openExport } from './source.ts';
import { cut, firstParagraph, markdownText, normaliseDate, oneLine, summaryOf, TagBook, uniqueSlug } from './text.ts';
import { FORMAT_NAMES, type Format, type RawAuthor, type RawPost, type ReportLine } from './types.ts';

export const TITLE_MAX = 120;
export const SUMMARY_MAX = 280;

export interface ImportOptions {
	/** The content folder to write into. */
	contentDir: string;
	/** What each post becomes. */
	as?: 'issues' | 'playbooks';
	/** Number of the first issue numbered by date. */
	startNumber?: number;
	/** Tags added to every imported article. */
	tags?: string[];
	/** Fetch remote images into the site. */
	downloadImages?: boolean;
	/** Plan only: write nothing. */
	dryRun?: boolean;
	/** The day the import runs (dates of undated posts). */
	today?: Date;
	/** The fetch used for images (tests pass their own). */
	fetch?: typeof fetch;
	/** Called as posts are converted and images fetched. */
	onProgress?: (done: number, total: number, step: string) => void;
}

export interface Written {
	/** Path inside the content folder, with forward slashes. */
	path: string;
	kind: 'issue' | 'playbook' | 'author' | 'image';
	draft?: boolean;
}

export interface ImportResult {
	exportName: string;
	format: Format;
	as: 'issues' | 'playbooks';
	contentDir: string;
	dryRun: boolean;
	/** Files written (or, on a dry run, that would be). */
	written: Written[];
	/** Posts found in the content folder from an earlier import, left alone. */
	already: number;
	skipped: ReportLine[];
	/** What did not come along as it was, per file written. */
	losses: ReportLine[];
	/** Remote images left as links to the old platform. */
	remote: ReportLine[];
	notes: ReportLine[];
	/** The report file written beside the content, if any. */
	reportFile?: string;
}

/** A file to write: its path inside the content folder and what goes in it. */
interface Planned extends Written {
	data: string | Uint8Array;
}

export interface Article {
	post: RawPost;
	order: number;
	title: string;
	date: string;
	updated?: string;
	summary: string;
	slug: string;
	tags: string[];
	author?: string;
	draft: boolean;
	number?: number;
	category?: string;
	body: string;
	losses: Loss[];
	path: string;
}

const yamlText = (text: string) => JSON.stringify(text);
const localDay = (date: Date) =>
	`${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Plain text of an excerpt or subtitle that may hold HTML. */
const plain = (text: string | undefined) =>
	oneLine(
		(text ?? '')
			.replace(/<[^>]*>/g, ' ')
			.replace(/&nbsp;/g, ' ')
			.replace(/&amp;/g, '&')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&#0?39;|&apos;/g, "'"),
	);

/**
 * Every heading one level deeper when the body has a `#` heading of its own,
 * as the page's title is its `#`: `#`–`#####` written with `#` gain one,
 * underlined ones (`===`, `---`) become `##` and `###`. Headings in code and
 * HTML are text, and are left as written.
 */
function demotedHeadings(markdown: string): string {
	const headings: BodyNode[] = [];
	walk(bodyTree(markdown), (node) => {
		if (node.type === 'heading') headings.push(node);
		return undefined;
	});
	if (!headings.some((heading) => heading.depth === 1)) return markdown;
	const edits: Edit[] = [];
	for (const heading of headings) {
		const at = span(heading);
		if (!at || (heading.depth ?? 6) >= 6) continue;
		const written = markdown.slice(at.start, at.end);
		if (written.startsWith('#')) edits.push({ start: at.start, end: at.start, text: '#' });
		else if (heading.depth === 1) {
			// `===` under the text becomes `---`, the same heading one level down.
			const underline = /=+([ \t]*)$/.exec(written)!;
			const from = at.start + underline.index;
			edits.push({ start: from, end: from + underline[0].length, text: '-'.repeat(underline[0].length - underline[1]!.length) });
		} else edits.push({ ...at, text: `### ${inner(markdown, heading).replace(/\s*\n[\s>]*/g, ' ')}` });
	}
	return edited(markdown, edits);
}

/**
 * Links, images and reference definitions whose address no reader could
 * follow, or that have none, as the parser reads the body, so that code and
 * inline code are left as written: a link becomes its text (its address when
 * it has none), an image its alt text, a definition nothing. Links inside a dead link are left
 * for the next call. `counted` is how many a reader would have seen.
 */
function deadLinks(markdown: string): { edits: Edit[]; counted: number } {
	const tree = bodyTree(markdown);
	const definitions = new Map<string, string>();
	walk(tree, (node) => {
		if (node.type === 'definition' && node.identifier !== undefined && node.url !== undefined)
			definitions.set(node.identifier, node.url);
		return undefined;
	});
	const edits: Edit[] = [];
	let counted = 0;
	walk(tree, (node) => {
		const reference = node.type === 'linkReference' || node.type === 'imageReference';
		const address = reference ? definitions.get(node.identifier ?? '') : node.url;
		const at = span(node);
		const leads = reference || ['link', 'image', 'definition'].includes(node.type);
		// An empty address leads back to the page itself: no link was meant.
		if (!leads || address === undefined || (address.trim() && isFollowable(address)) || !at) return undefined;
		if (node.type === 'definition') edits.push({ ...at, text: '' });
		else {
			counted++;
			edits.push({ ...at, text: node.type.startsWith('image') ? (node.alt ?? '') : inner(markdown, node) || address });
		}
		return false;
	});
	return { edits, counted };
}

/** Lines that start with `:::` outside code and HTML, escaped so the build reads them as text. */
function escapedColonLines(markdown: string): string {
	const literal = literalPart(markdown);
	const edits: Edit[] = [];
	for (const line of markdown.matchAll(/^([ \t]*):{3,}/gm)) {
		const at = line.index + line[1]!.length;
		if (!literal(at)) edits.push({ start: at, end: at, text: '\\' });
	}
	return edited(markdown, edits);
}

/**
 * A body the build renders without a problem: headings start at `##` (the page
 * has the title as its `#`), links no reader could follow become their text,
 * and `:::` lines that would not make a valid Pactbook block are kept as text.
 * Each step reads the body as the parser does, so code and HTML keep what they say.
 */
export function safeBody(markdown: string, losses: Loss[]): string {
	let body = demotedHeadings(markdown);
	let dead = 0;
	// A link's text can hold an image no reader could follow either: each pass takes the outer one.
	for (let pass = 0; pass < 10; pass++) {
		const found = deadLinks(body);
		if (!found.edits.length) break;
		dead += found.counted;
		body = edited(body, found.edits);
	}
	if (dead)
		losses.push({
			message: `${dead} link${dead === 1 ? '' : 's'} no reader could follow became plain text.`,
			fix: 'Add the right address if the link mattered.',
		});
	// Read as the build reads it: the body parsed with directives on, its blocks and lines taken from the parser's positions.
	const blocks = body.includes(':::') ? readBlockLines(parsedBody(body), body) : { openings: [], unclosed: [], stray: [] };
	const valid =
		!blocks.unclosed.length &&
		!blocks.stray.length &&
		blocks.openings.every(({ name, rest }) => BLOCK_NAMES.includes(name) && name !== 'wild' && /^(\[[^\]]*\])?$/.test(rest));
	if (!valid) {
		body = escapedColonLines(body);
		losses.push({
			message: '::: lines that would not make a Pactbook block were kept as text.',
			fix: 'Turn them into :::note, :::tip or :::warning blocks if they were meant as one.',
		});
	}
	return body;
}

/** Whether `path` lies inside `root` (both absolute). */
function inside(root: string, path: string): boolean {
	const rel = relative(root, path);
	return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Where a file of the content folder would be written, after checking that
 * it stays inside the folder (also through a linked folder) and that no file
 * is there yet.
 */
export function checkWritable(contentDir: string, path: string): string {
	const root = resolve(contentDir);
	const target = resolve(root, path);
	if (!inside(root, target)) throw new ImportError(`Refused to write ${path}: it is outside the content folder ${root}.`);
	// The deepest folder that exists must really be inside the content folder, not a link out of it.
	// (A content folder not made yet holds no links.)
	if (existsSync(root)) {
		let existing = dirname(target);
		while (!existsSync(existing)) existing = dirname(existing);
		const realRoot = realpathSync(root);
		const realFolder = realpathSync(existing);
		if (realFolder !== realRoot && !inside(realRoot, realFolder)) {
			throw new ImportError(`Refused to write ${path}: its folder leads outside the content folder ${root}.`);
		}
	}
	return target;
}

/** Writes a file inside the content folder; refuses a path that leaves it and a file that exists. */
export function writeInside(contentDir: string, path: string, data: string | Uint8Array): void {
	const target = checkWritable(contentDir, path);
	mkdirSync(dirname(target), { recursive: true });
	try {
		// `wx` fails on any existing file, a link included: nothing is ever overwritten.
		writeFileSync(target, data, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST')
			throw new ImportError(`${path} already exists; it was not overwritten.`);
		throw error;
	}
}

function frontmatter(article: Article, kind: 'issues' | 'playbooks'): string {
	const lines: string[] = [];
	if (kind === 'issues') lines.push(`number: ${article.number}`);
	lines.push(`title: ${yamlText(article.title)}`);
	if (kind === 'issues') lines.push(`date: ${article.date}`);
	lines.push(`summary: ${yamlText(article.summary)}`);
	if (kind === 'playbooks') {
		lines.push(`category: ${yamlText(article.category ?? 'Archive')}`);
		lines.push(`updated: ${article.updated ?? article.date}`);
	}
	if (article.author) lines.push(`author: ${article.author}`);
	lines.push(`tags: [${article.tags.map(yamlText).join(', ')}]`);
	if (article.draft) lines.push('draft: true');
	lines.push(`slug: ${article.slug}`);
	if (kind === 'issues' && article.updated && article.updated > article.date) lines.push(`updated: ${article.updated}`);
	lines.push(`${ORIGIN} ${article.post.key.replace(/[\r\n]+/g, ' ')}`);
	return `---\n${lines.join('\n')}\n---\n`;
}

/** Problems the build would find in a written article, with the build's own schemas and messages. */
export function articleProblems(file: string, text: string, kind: 'issues' | 'playbooks'): string[] {
	const schema = kind === 'issues' ? issueSchema : playbookSchema;
	const examples = kind === 'issues' ? issueExamples : playbookExamples;
	const written = writtenProblems(file, text, examples);
	if (written.problems.length) return written.problems.map((p) => formatProblems([p]));
	const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
	let data: unknown;
	try {
		data = parseYaml(front);
	} catch (error) {
		return [`${file}: frontmatter: ${error instanceof Error ? error.message.split('\n')[0] : error}`];
	}
	const parsed = schema.safeParse(data);
	return parsed.success ? [] : zodProblems(file, parsed.error, schema, examples).map((p) => formatProblems([p]));
}

/**
 * An article's file as the build accepts it. When the build's schema refuses
 * the fields as made, the article becomes a draft without its tags and author,
 * and the problem is added to its losses; undefined when even that is refused.
 */
export function settledText(article: Article, kind: 'issues' | 'playbooks'): string | undefined {
	const text = `${frontmatter(article, kind)}\n${article.body}`;
	const problems = articleProblems(article.path, text, kind);
	if (!problems.length) return text;
	article.draft = true;
	article.tags = [];
	delete article.author;
	const again = `${frontmatter(article, kind)}\n${article.body}`;
	if (articleProblems(article.path, again, kind).length) return undefined;
	article.losses.push({
		message: `it was kept as a draft because the build would refuse it: ${problems.join(' ')}`,
		fix: 'Fix the field, then remove `draft: true`.',
	});
	return again;
}

/** Author ids for an export's authors: an existing file with the same id or name, else a new file. */
class Authors {
	readonly files: Planned[] = [];
	private readonly ids = new Map<string, string | undefined>();
	private readonly known: Map<string, string | undefined>;
	private readonly raw: RawAuthor[];
	constructor(known: Map<string, string | undefined>, raw: RawAuthor[]) {
		this.known = known;
		this.raw = raw;
	}

	/** The name of an author, by the key posts use. */
	name(key: string): string {
		return this.raw.find((a) => a.key === key)?.name ?? key;
	}

	id(key: string): string | undefined {
		if (this.ids.has(key)) return this.ids.get(key);
		const author = this.raw.find((a) => a.key === key) ?? { key, name: key };
		const name = cut(author.name, 80);
		const id = slugify(author.slug || name, { max: FILE_SLUG_MAX }) || slugify(name, { max: FILE_SLUG_MAX });
		let chosen: string | undefined;
		if (!id) chosen = undefined;
		else if (this.known.has(id)) chosen = id;
		else {
			const same = [...this.known].find(([, known]) => known && known.toLowerCase() === name.toLowerCase())?.[0];
			chosen = same ?? id;
			if (!same) {
				const website = author.website && /^https:\/\//.test(author.website) ? author.website : undefined;
				const lines = [`name: ${yamlText(name)}`];
				if (author.bio) lines.push(`bio: ${yamlText(cut(author.bio, 280))}`);
				if (website) lines.push('links:', `  - label: Website`, `    url: ${yamlText(website)}`);
				let text = `${lines.join('\n')}\n`;
				if (!authorSchema.safeParse(parseYaml(text)).success) text = `name: ${yamlText(name)}\n`;
				this.files.push({ path: `authors/${id}.yaml`, kind: 'author', data: text });
				this.known.set(id, name);
			}
		}
		this.ids.set(key, chosen);
		return chosen;
	}
}

/** Reads an export and plans (and, unless it is a dry run, writes) its files. */
export async function runImport(exportPath: string, options: ImportOptions): Promise<ImportResult> {
	const source = openExport(exportPath);
	return importSource(source, options);
}

export async function importSource(source: ExportSource, options: ImportOptions): Promise<ImportResult> {
	const as = options.as ?? 'issues';
	const kind = as === 'issues' ? 'issue' : 'playbook';
	const contentDir = resolve(options.contentDir);
	const today = localDay(options.today ?? new Date());
	const parsed = parseExport(source);
	const existing = readExisting(contentDir);
	const collection = existing[as];
	const skipped: ReportLine[] = [...source.refused, ...parsed.skipped];
	const notes: ReportLine[] = [...parsed.notes];
	const losses: ReportLine[] = [];
	const remote: ReportLine[] = [];
	if (!existing.site) {
		notes.push({
			file: 'site.yaml',
			message: `${relative(process.cwd(), contentDir) || '.'}/ has no site.yaml, and the build needs one.`,
			fix: 'Copy content/site.yaml from Pactbook and edit it; see "Site settings" in the README.',
		});
	}
	const fresh = parsed.posts.filter((post) => !collection.imported.has(post.key));
	const already = parsed.posts.length - fresh.length;
	const tagBook = new TagBook();
	tagBook.know([...existing.issues.tags, ...existing.playbooks.tags]);
	const extraTags = (options.tags ?? []).filter((t) => t.trim());
	const authors = new Authors(existing.authors, parsed.authors);
	const taken = new Set([...collection.slugs, ...collection.stems]);
	const articles: Article[] = [];

	fresh.forEach((post, order) => {
		options.onProgress?.(order, fresh.length, 'Converting posts');
		const postLosses: Loss[] = [];
		const note = (message: string, fix?: string) => postLosses.push(fix ? { message, fix } : { message });
		let markdown = '';
		if (post.html !== undefined) {
			const converted = htmlToMarkdown(post.html, parsed.format);
			markdown = converted.markdown;
			postLosses.push(...converted.losses);
			if (converted.paywall && !post.restricted) post.restricted = 'paying subscribers (below the paywall line)';
		} else markdown = cleanMarkdown(post.markdown ?? '', postLosses, { post, posts: parsed.posts });
		let draft = post.draft;
		let title = oneLine(plain(post.title));
		let number = post.number;
		if (as === 'issues') {
			const numbered = numberInTitle(title);
			if (numbered?.title) {
				number ??= numbered.number;
				title = numbered.title;
			}
		}
		if (!title) {
			title = `Untitled post ${order + 1}`;
			draft = true;
			note('had no title; it was given a placeholder and kept as a draft.', 'Write its title, then remove `draft: true`.');
		}
		if (characterCount(title) > TITLE_MAX) {
			note(
				`its title had ${characterCount(title)} characters; it was cut to ${TITLE_MAX} at a word.`,
				'Check the title; the summary is the place for the rest.',
			);
			title = cut(title, TITLE_MAX);
		}
		let date = normaliseDate(post.date);
		if (!date) {
			if (post.date !== undefined && post.date !== '' && !post.draft)
				note(
					`its date "${String(post.date)}" could not be read; today's date was used and it is kept as a draft.`,
					'Set the right `date:`, then remove `draft: true`.',
				);
			else if (!post.draft)
				note(
					"had no date; today's date was used and it is kept as a draft.",
					'Set the right `date:`, then remove `draft: true`.',
				);
			if (!post.draft) draft = true;
			date = today;
		}
		const updated = normaliseDate(post.updated);
		const category = cut(post.category ?? '', 60);
		const summarySource = plain(post.subtitle) || plain(post.excerpt) || firstParagraph(markdown) || markdownText(title);
		const summary = summaryOf(summarySource, SUMMARY_MAX) || title;
		const base =
			slugify(post.slug ?? '', { max: FILE_SLUG_MAX }) || slugify(title, { max: FILE_SLUG_MAX }) || `${kind}-${order + 1}`;
		let slug = as === 'issues' && /^\d+$/.test(base) ? `issue-${base}` : base;
		if (taken.has(slug)) {
			const first = slug;
			slug = uniqueSlug(slug, taken);
			note(
				`its slug "${first}" is already used, so it was given "${slug}".`,
				'Old links to this post need a redirect to the new address.',
			);
		} else taken.add(slug);
		const { tags, dropped, merged } = tagBook.list([...post.tags, ...extraTags]);
		for (const tag of dropped)
			note(
				`its tag "${tag}" has no letters a–z or digits for an address, so it was left out.`,
				'Add a tag spelled with Latin letters if you need it.',
			);
		for (const [from, to] of merged) note(`its tag "${from}" was written as "${to}", which has the same address.`);
		const [first, ...others] = post.authors;
		const author = first ? authors.id(first) : undefined;
		if (others.length)
			note(
				`it has ${others.length + 1} authors; Pactbook names one, so ${others.map((o) => authors.name(o)).join(', ')} ${others.length === 1 ? 'is' : 'are'} not named.`,
				'Mention co-authors in the text.',
			);
		if (post.restricted) {
			draft = true;
			note(
				`on the old platform only ${post.restricted} could read it; it is kept as a draft so that it is not published for everyone by surprise.`,
				'Remove `draft: true` to publish it for every reader.',
			);
		}
		const body = `${safeBody(markdown, postLosses)
			.replace(/^(\s*\n)+/, '')
			.trimEnd()}\n`;
		if (!body.trim()) note('has no text.', 'Write its text or delete the file.');
		articles.push({
			post,
			order,
			title,
			date,
			...(updated ? { updated } : {}),
			summary,
			slug,
			tags,
			...(author ? { author } : {}),
			draft,
			...(number ? { number } : {}),
			...(category ? { category } : {}),
			body,
			losses: postLosses,
			path: '',
		});
	});

	options.onProgress?.(fresh.length, fresh.length, 'Converting posts');

	// Numbers: those the export gives, when free, then the rest by date from --start-number
	// (or after the highest number in the content folder), published issues first.
	if (as === 'issues') {
		const used = new Set(collection.numbers);
		for (const article of articles) {
			if (article.number === undefined) continue;
			if (used.has(article.number)) {
				article.losses.push({ message: `its number ${article.number} is already used, so it was numbered by date.` });
				delete article.number;
			} else used.add(article.number);
		}
		const highest = Math.max(0, ...collection.numbers);
		let next = options.startNumber ?? highest + 1;
		if (options.startNumber !== undefined && [...collection.numbers].some((n) => n >= options.startNumber!)) {
			notes.push({
				file: 'issues/',
				message: `numbers from ${options.startNumber} on are partly taken by existing issues; those numbers were skipped.`,
			});
		}
		const byDate = articles
			.filter((a) => a.number === undefined)
			.sort((a, b) => Number(a.draft) - Number(b.draft) || a.date.localeCompare(b.date) || a.order - b.order);
		for (const article of byDate) {
			while (used.has(next)) next++;
			article.number = next;
			used.add(next);
		}
	}
	for (const article of articles) {
		let stem = as === 'issues' ? `${String(article.number).padStart(3, '0')}-${article.slug}` : article.slug;
		for (let n = 2; existsSync(join(contentDir, as, `${stem}.md`)) || existsSync(join(contentDir, as, `${stem}.mdx`)); n++)
			stem = `${stem.replace(/-\d+$/, '')}-${n}`;
		article.path = `${as}/${stem}.md`;
	}

	// Links from one imported post to another lead to its new page: Ghost writes them as
	// `__GHOST_URL__/<slug>/`, Substack as `https://<name>.substack.com/p/<slug>`, WordPress
	// with the blog's own address, other generators as the post's old address (`/posts/<slug>/`,
	// Jekyll's `/2024/05/01/<slug>.html`) or as a path to its file (`../<slug>.md`).
	// Other links to the old platform are left as they are.
	const moved = new Map(articles.map((a) => [a.post.slug ?? '', `/${as}/${a.slug}/`]));
	const newPage = new Map(articles.map((a) => [a.post, `/${as}/${a.slug}/`]));
	const oldPages = new Map<string, string>();
	for (const a of articles) for (const address of a.post.addresses ?? []) oldPages.set(addressKey(address), newPage.get(a.post)!);
	const pages = new Set([
		...newPage.values(),
		...(['issues', 'playbooks'] as const).flatMap((folder) => [...existing[folder].slugs].map((slug) => `/${folder}/${slug}/`)),
	]);
	const siteHost = parsed.siteUrl ? URL.parse(parsed.siteUrl)?.host : undefined;
	const newAddress = (address: string, article: Article): string | undefined => {
		if (address.startsWith('__GHOST_URL__')) {
			const path = address.slice('__GHOST_URL__'.length) || '/';
			if (path.startsWith('/content/images/')) return undefined;
			const target = moved.get(path.split(/[/?#]/).filter(Boolean)[0] ?? '');
			if (!target)
				article.losses.push({
					message: `a link to ${path} on the old site now points to ${path} on this one.`,
					fix: 'Check that the page exists, or change the link.',
				});
			return target ?? path;
		}
		if (parsed.format === 'markdown') return movedFile(address, article);
		const url = URL.parse(address);
		if (!url || /\/(wp-content|content\/images)\//.test(url.pathname)) return undefined;
		const segments = url.pathname.split('/').filter(Boolean);
		if (parsed.format === 'substack' && /(^|\.)substack\.com$/.test(url.host) && segments[0] === 'p')
			return moved.get(segments[1] ?? '');
		if (parsed.format === 'wordpress' && siteHost && url.host === siteHost) return moved.get(segments.at(-1) ?? '');
		return undefined;
	};
	/**
	 * The new page of a post of another generator that a link leads to, by
	 * the post's old address or its file; a link inside the old site that
	 * leads to no post is listed.
	 */
	const movedFile = (address: string, article: Article): string | undefined => {
		const [, path = '', rest = ''] = /^([^?#]*)(.*)$/.exec(address.trim()) ?? [];
		if (!path || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(path)) return undefined;
		const old = URL.parse(path, `https://old.invalid${article.post.addresses?.[0] ?? '/'}`)?.pathname ?? path;
		const byFile = /\.(md|markdown|mdx)$/i.test(path) ? postByFile([...newPage.keys()], article.post, path) : undefined;
		const target = byFile ? newPage.get(byFile) : oldPages.get(addressKey(old));
		if (target) return `${target}${rest.startsWith('#') ? rest : ''}`;
		if (old !== '/' && !pages.has(old.replace(/\/?$/, '/')))
			article.losses.push({
				message: `a link to ${oneLine(address)} leads to no post of this import, so it was left as it was.`,
				fix: 'Change it to the address of the page on this site, or remove it.',
			});
		return undefined;
	};
	for (const article of articles) article.body = relinked(article.body, (address) => newAddress(address, article));

	// Images: copied from the export when it has them, else downloaded (--download-images) or listed.
	const images: Planned[] = [];
	const imagePaths = new Set<string>();
	const downloads: { article: Article; ref: ReturnType<typeof imageRefs>[number] }[] = [];
	const place = (article: Article, src: string, bytes: Uint8Array): string | undefined => {
		const type = imageType(bytes);
		if (!type || !IMAGE_TYPES[type]) return undefined;
		let name = imageName(src, type);
		const folder = `images/${article.slug}`;
		for (let n = 2; imagePaths.has(`${folder}/${name}`) || existsSync(join(contentDir, folder, name)); n++)
			name = name.replace(/(-\d+)?(\.\w+)$/, `-${n}$2`);
		imagePaths.add(`${folder}/${name}`);
		images.push({ path: `${folder}/${name}`, kind: 'image', data: bytes });
		return `../${folder}/${name}`;
	};
	for (const article of articles) {
		for (const ref of imageRefs(article.body)) {
			if (/^data:/i.test(ref.src)) continue;
			const local = localCandidates(ref.src, article.post.folder).find((path) => source.files.includes(path));
			if (local) {
				const placed = place(article, ref.src, source.read(local)!);
				if (placed) article.body = article.body.replace(ref.text, ref.text.replace(ref.src, placed));
				else {
					article.body = article.body.replace(ref.text, ref.alt);
					article.losses.push({
						message: `the image ${local} is not a PNG, JPEG, GIF, WebP, AVIF or SVG file, so it was left out.`,
						fix: 'Convert it to one of those and add it by hand.',
					});
				}
			} else if (/^https?:\/\//i.test(ref.src)) {
				if (options.downloadImages) downloads.push({ article, ref });
				else
					remote.push({
						file: article.path,
						message: ref.src,
						fix: 'Run the import with --download-images into a fresh content folder, or save the image into content/images/ and link it.',
					});
			} else {
				article.body = article.body.replace(ref.text, ref.alt);
				article.losses.push({
					message: `the image ${ref.src} is not in the export, so it was left out${ref.alt ? ' (its description is kept as text)' : ''}.`,
					fix: 'Add the image to the export folder and import again into a fresh folder, or add it by hand.',
				});
			}
		}
	}
	if (downloads.length && !options.dryRun) {
		let done = 0;
		await eachLimited(downloads, 4, async ({ article, ref }) => {
			const got = await downloadImage(ref.src, options.fetch);
			options.onProgress?.(++done, downloads.length, 'Downloading images');
			const placed = got.bytes ? place(article, ref.src, got.bytes) : undefined;
			if (placed) article.body = article.body.replace(ref.text, ref.text.replace(ref.src, placed));
			else
				remote.push({
					file: article.path,
					message: `${ref.src} was not downloaded: ${got.error ?? 'it is not a PNG, JPEG, GIF, WebP, AVIF or SVG image'}; the article still links to it.`,
					fix: 'Save the image into content/images/ and link it, or remove it.',
				});
		});
	} else if (downloads.length) {
		for (const { article, ref } of downloads) remote.push({ file: article.path, message: `${ref.src} would be downloaded.` });
	}

	// Every article checked with the build's schemas; one that fails is kept as a draft with
	// the problem listed, and left out only if even that does not make it valid.
	const planned: Planned[] = [...authors.files];
	for (const article of articles) {
		const text = settledText(article, as);
		if (text === undefined) {
			skipped.push({
				file: article.post.source,
				message: `could not be made valid: ${articleProblems(article.path, `${frontmatter(article, as)}\n${article.body}`, as).join(' ')}`,
				fix: 'Fix the post in the export and import again.',
			});
			continue;
		}
		for (const loss of article.losses) losses.push({ file: article.path, ...loss });
		planned.push({ path: article.path, kind, draft: article.draft, data: text });
	}
	planned.sort(
		(a, b) =>
			Number(a.kind !== 'author') - Number(b.kind !== 'author') || (a.kind === 'author' ? 0 : a.path.localeCompare(b.path)),
	);
	planned.push(...images);

	const result: ImportResult = {
		exportName: source.name,
		format: parsed.format,
		as,
		contentDir,
		dryRun: Boolean(options.dryRun),
		written: planned.map(({ path, kind: k, draft }) => ({ path, kind: k, ...(draft ? { draft } : {}) })),
		already,
		skipped,
		losses,
		remote,
		notes,
	};
	if (!options.dryRun) {
		// Every path is checked before the first file is written, so a refused one leaves the folder as it was.
		for (const file of planned) {
			checkWritable(contentDir, file.path);
			if (existsSync(join(contentDir, file.path))) throw new ImportError(`${file.path} already exists; nothing was written.`);
		}
		for (const file of planned) writeInside(contentDir, file.path, file.data);
	}
	return result;
}

export { FORMAT_NAMES };
