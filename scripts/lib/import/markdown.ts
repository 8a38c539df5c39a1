// A folder of Markdown files from another generator: Hugo, Jekyll, Eleventy,
// Astro (YAML `---` or TOML `+++` frontmatter) or Pelican (`Key: value` lines).
import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { bodyTree, destination, type Edit, edited, inner, literalPart, span } from './body-tree.ts';
import type { Loss } from './html.ts';
import { embedLink } from './html.ts';
import { type ExportSource, ImportError, readText } from './source.ts';
import { markdownText, normaliseDate, oneLine } from './text.ts';
import type { ParsedExport, RawPost, ReportLine } from './types.ts';

type Fields = Record<string, unknown>;

/** Markdown files of a folder that are articles: not READMEs, section indexes or licences. */
export function markdownFiles(source: ExportSource): string[] {
	return source.files.filter(
		(file) =>
			/\.(md|markdown|mdx)$/i.test(file) &&
			!/(^|\/)(readme|license|licence|changelog|contributing|code_of_conduct|_index|index)\.[^/]+$/i.test(file) &&
			!/(^|\/)(node_modules|vendor|layouts|_layouts|_includes|themes|dist|public|_site)\//.test(file),
	);
}

/** Frontmatter and body of a Markdown file: YAML between `---`, TOML between `+++`, or Pelican's `Key: value` lines. */
export function splitFrontmatter(text: string): { fields: Fields; body: string; kind: 'yaml' | 'toml' | 'pelican' | 'none' } {
	const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const yaml = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
	if (yaml) {
		const fields = parseYaml(yaml[1]!, { schema: 'core' });
		return {
			fields: fields && typeof fields === 'object' ? (fields as Fields) : {},
			body: source.slice(yaml[0].length),
			kind: 'yaml',
		};
	}
	const toml = /^\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$)/.exec(source);
	if (toml) return { fields: parseToml(toml[1]!) as Fields, body: source.slice(toml[0].length), kind: 'toml' };
	// Pelican: `Title: …` first, then more `Key: value` lines up to a blank line.
	const lines = source.split('\n');
	if (/^title:\s*\S/i.test(lines[0] ?? '')) {
		const fields: Fields = {};
		let i = 0;
		for (; i < lines.length && lines[i]!.trim(); i++) {
			const match = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(lines[i]!);
			if (!match) break;
			fields[match[1]!.toLowerCase()] = match[2]!.trim();
		}
		if (i === lines.length || !lines[i]!.trim()) return { fields, body: lines.slice(i).join('\n'), kind: 'pelican' };
	}
	return { fields: {}, body: source, kind: 'none' };
}

/** The first field present, by any of its usual names (case is ignored). */
function field(fields: Fields, ...names: string[]): unknown {
	const lower = new Map(Object.entries(fields).map(([key, value]) => [key.toLowerCase(), value]));
	for (const name of names) {
		const value = lower.get(name.toLowerCase());
		if (value !== undefined && value !== null && value !== '') return value;
	}
	return undefined;
}

/** A list field written as a list, or as comma-separated text (Pelican `Tags: a, b`). */
function list(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	if (typeof value === 'string')
		return value
			.split(/[,;]/)
			.map((v) => v.trim())
			.filter(Boolean);
	return [];
}

const asText = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/**
 * Pactbook's blocks from other generators' `:::` containers (`:::info` is a
 * note, `:::danger` a warning, `:::tip Title` gets its title in brackets);
 * any other container, and a `:::` that closes it, is kept as text. Lines the
 * parser reads as code or HTML are left alone.
 */
export function convertContainers(markdown: string, losses: Loss[]): string {
	const SAME: Record<string, string> = {
		note: 'note',
		tip: 'tip',
		warning: 'warning',
		info: 'note',
		important: 'note',
		caution: 'warning',
		danger: 'warning',
	};
	let literal: ((offset: number) => boolean) | undefined;
	const stack: boolean[] = [];
	let kept = 0;
	let stray = 0;
	let offset = 0;
	const out = markdown.split('\n').map((line) => {
		const start = offset;
		offset += line.length + 1;
		if (!/^\s*:::/.test(line)) return line;
		literal ??= literalPart(markdown);
		if (literal(start + line.search(/\S/))) return line;
		const open = /^(\s*)(:{3,})\s*([A-Za-z][\w-]*)\s*(.*)$/.exec(line);
		if (open) {
			const [, indent, colons, name, rest] = open as unknown as [string, string, string, string, string];
			const kind = SAME[name.toLowerCase()];
			const title = rest.replace(/^\[(.*)\]$/, '$1').trim();
			if (kind && !/[{}[\]]/.test(title)) {
				stack.push(true);
				return `${indent}${colons}${kind}${title ? `[${title}]` : ''}`;
			}
			stack.push(false);
			kept++;
			return `${indent}\\${colons}${name}${rest ? ` ${rest}` : ''}`;
		}
		if (/^\s*:{3,}\s*$/.test(line)) {
			const closes = stack.pop();
			if (closes === undefined) stray++;
			return closes ? line : line.replace(':', '\\:');
		}
		return line;
	});
	if (kept)
		losses.push({
			message: `${kept} ::: container${kept === 1 ? '' : 's'} Pactbook has no block for ${kept === 1 ? 'was' : 'were'} kept as text.`,
			fix: 'Use :::note, :::tip or :::warning, or remove the ::: lines.',
		});
	if (stray)
		losses.push({
			message: `${stray} ::: line${stray === 1 ? '' : 's'} that closed no container ${stray === 1 ? 'was' : 'were'} kept as text.`,
			fix: 'Remove it if nothing was meant to be closed there.',
		});
	return out.join('\n');
}

/** A run of backticks longer than any in `text`, at least `min` long. */
const ticks = (text: string, min: number) =>
	'`'.repeat([...text.matchAll(/`+/g)].reduce((longest, run) => Math.max(longest, run[0].length + 1), min));

/** Text as inline code, whatever backticks or spaces it holds. */
export function codeSpan(text: string): string {
	const mark = ticks(text, 1);
	const pad = /^[`\s]|[`\s]$/.test(text) ? ' ' : '';
	return `${mark}${pad}${text}${pad}${mark}`;
}

/** Code as a fenced block, whatever fences it holds. */
const fenced = (lang: string, code: string) => `${ticks(code, 3)}${lang}\n${code}\n${ticks(code, 3)}`;

const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;

/**
 * The post of an export that a file path names, as a link to another file
 * (`../second-post.md`), Hugo's `ref` (`posts/second-post`) or Jekyll's
 * `post_url` (`/2024-05-02-second`) write it: from the folder of the post it
 * is written in, else (and for a path starting with `/`) the one post whose
 * file ends with it. The extension may be left out; a query or anchor is ignored.
 */
export function postByFile(posts: readonly RawPost[], from: RawPost | undefined, path: string): RawPost | undefined {
	let wanted = path.split(/[?#]/)[0]!;
	try {
		wanted = decodeURIComponent(wanted);
	} catch {}
	if (!wanted) return undefined;
	const bare = (file: string) => posix.normalize(`/${file}`).replace(MARKDOWN_FILE, '').toLowerCase();
	if (!wanted.startsWith('/')) {
		const near = bare(from?.folder ? `${from.folder}/${wanted}` : wanted);
		const found = posts.find((post) => bare(post.source) === near);
		if (found) return found;
	}
	const tail = bare(wanted);
	const matches = posts.filter((post) => bare(post.source).endsWith(tail));
	return matches.length === 1 ? matches[0] : undefined;
}

/** What {@link cleanMarkdown} needs to turn Jekyll's `post_url` and Hugo's `ref` into links to the other posts. */
export interface Site {
	post: RawPost;
	posts: readonly RawPost[];
}

/**
 * Liquid's and Hugo's template syntax, in the order it is tried at each place:
 * `{% raw %}`, `{% highlight %}` (with the spaces around it), `{% post_url %}`,
 * Hugo's `ref` and `relref`, a shortcode commented out with `/*` and its closing
 * pair (which Hugo shows as the shortcode), any other shortcode, a value (`{{ site.title }}`)
 * and any other tag.
 */
const TEMPLATE = new RegExp(
	[
		/\{%-?\s*raw\s*-?%\}(?<raw>[\s\S]*?)\{%-?\s*endraw\s*-?%\}/,
		/(?<lead>[ \t]*)\{%-?\s*highlight\s+(?<lang>[\w+-]+)[^%]*?-?%\}\n?(?<code>[\s\S]*?)\{%-?\s*endhighlight\s*-?%\}(?<trail>[ \t]*)/,
		/\{%-?\s*post_url\s+(?<post>[^\s%]+)\s*-?%\}/,
		/\{\{[<%]\s*(?:rel)?ref\s+(?:path=)?(?:"(?<double>[^"]*)"|'(?<single>[^']*)'|(?<bare>[^\s"'>%]+))[^}]*?[>%]\}\}/,
		/\{\{(?<open>[<%])\/\*(?<commented>INSIDE)\*\/(?<close>[>%])\}\}/,
		/(?<shortcode>\{\{[<%]INSIDE[>%]\}\})/,
		/(?<value>\{\{INSIDE\}\})/,
		/\{%INSIDE%\}/,
	]
		// A tag or value never runs past a blank line, so a brace left open takes no paragraphs with it.
		.map((part) => part.source.replace('INSIDE', String.raw`(?:(?!\n[ \t]*\n)[\s\S])*?`))
		.join('|'),
	'g',
);

/**
 * The body of another generator's article with what only worked there
 * removed and listed: Liquid and Hugo template tags and values, MDX imports,
 * scripts and embedded frames (which become links). What `{% raw %}` holds,
 * and template syntax inside code, is kept as written. `{% highlight x %}`
 * becomes a fence on lines of its own, or inline code when it sits inside a
 * line; Jekyll's `post_url` and Hugo's `ref` and `relref` become links to the
 * other post's file, which the import leads to its new page.
 */
export function cleanMarkdown(body: string, losses: Loss[], site?: Site): string {
	const found = new Map<string, { count: number; fix?: string }>();
	const note = (message: string, fix?: string) => {
		const seen = found.get(message);
		if (seen) seen.count++;
		else found.set(message, { count: 1, ...(fix ? { fix } : {}) });
	};
	const removed = (text: string, pattern: RegExp, message: string, fix?: string) =>
		text.replace(pattern, () => {
			note(message, fix);
			return '';
		});
	const linkTo = (path: string, written: string) => {
		const [, anchor = ''] = /(#.*)$/.exec(path) ?? [];
		if (!path.split('#')[0]) return anchor;
		const target = site && postByFile(site.posts, site.post, path);
		if (target) return destination(`${posix.relative(site.post.folder ?? '', target.source)}${anchor}`);
		note(
			`${codeSpan(written)} names no post of this export, so it was removed and a link to it became its text`,
			"Link the post's new page by hand, if it is on this site.",
		);
		return '';
	};
	const highlighted = (all: string, at: number, { lead = '', lang = '', code = '', trail = '' }: Record<string, string>) => {
		const before = body.slice(body.lastIndexOf('\n', at - 1) + 1, at).trim();
		const end = body.indexOf('\n', at + all.length);
		const after = body.slice(at + all.length, end < 0 ? undefined : end).trim();
		const lines = code.replace(/\n$/, '');
		if ((before || after) && !lines.includes('\n')) {
			note('a {% highlight %} written inside a line of text became inline code, without its highlighting');
			return `${lead}${lines.trim() ? codeSpan(lines) : ''}${trail}`;
		}
		if (before || after)
			note(
				'a {% highlight %} block written inside a line of text was put on lines of its own, so the text around it became separate paragraphs',
			);
		return `${before ? '\n\n' : lead}${fenced(lang, lines)}${after ? '\n\n' : ''}`;
	};
	const inCode = body.includes('{') ? literalPart(body, ['code', 'inlineCode']) : () => false;
	const edits: Edit[] = [];
	for (const match of body.matchAll(TEMPLATE)) {
		const [all] = match;
		const groups = Object.fromEntries(Object.entries(match.groups ?? {}).filter(([, value]) => value !== undefined));
		const at = match.index;
		let text: string;
		if (groups.raw !== undefined) text = groups.raw;
		else if (inCode(at + (groups.lead?.length ?? 0))) {
			note(
				'template syntax of Liquid or Hugo inside code was kept as written',
				'The old site may have shown something else there; check the code.',
			);
			continue;
		} else if (groups.lang !== undefined) text = highlighted(all, at, groups);
		else if (groups.post !== undefined) text = linkTo(`/${groups.post.replace(/^\/+/, '')}`, all);
		else if (groups.double !== undefined || groups.single !== undefined || groups.bare !== undefined)
			text = linkTo(groups.double ?? groups.single ?? groups.bare ?? '', all);
		else if (groups.commented !== undefined) text = `{{${groups.open}${groups.commented}${groups.close}}}`;
		else if (groups.shortcode !== undefined) {
			note('a Hugo shortcode was removed; it only works in Hugo', 'Add what it showed by hand, if it matters.');
			text = '';
		} else if (groups.value !== undefined) {
			note(
				'a Liquid or Hugo template value ({{ … }}) was removed; it only works in the old generator',
				'Add what it showed by hand, if it matters.',
			);
			text = '';
		} else {
			note(
				'a Liquid or Nunjucks tag was removed; it only works in the old generator',
				'Add what it showed by hand, if it matters.',
			);
			text = '';
		}
		edits.push({ start: at, end: at + all.length, text });
	}
	let out = edited(body, edits);
	out = removed(
		out,
		/<script\b[\s\S]*?<\/script\s*>|<script\b[^>]*\/>/gi,
		'a <script> element was removed; scripts never run in Pactbook articles',
	);
	out = removed(out, /<style\b[\s\S]*?<\/style\s*>/gi, 'a <style> element was removed');
	out = out.replace(/<iframe\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>(?:[\s\S]*?<\/iframe\s*>)?/gi, (_all, src: string) => {
		note('an embedded <iframe> became a link', 'Pactbook articles load nothing from other sites; the link opens it there.');
		const { text, href } = embedLink(src.startsWith('//') ? `https:${src}` : src);
		return `[${text}](${href})`;
	});
	// Images written as HTML become Markdown images, so that they are copied and served like the others.
	out = out.replace(/<img\b[^>]*>/gi, (tag) => {
		const attribute = (name: string) =>
			new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
				.exec(tag)
				?.slice(1)
				.find((value) => value !== undefined);
		const src = attribute('src');
		if (!src) return '';
		const alt = (attribute('alt') ?? '').replace(/([\\[\]])/g, '\\$1');
		return `![${alt}](${/[\s()]/.test(src) ? `<${src}>` : src})`;
	});
	out = removed(
		out,
		/^(?:import|export)\s.+$/gm,
		'an MDX import or export line was removed',
		'Components of the old site do not exist here; check the text around it.',
	);
	for (const [message, { count, fix }] of found)
		losses.push({ message: `${message}${count > 1 ? ` (${count} times)` : ''}.`, ...(fix ? { fix } : {}) });
	return convertContainers(out, losses);
}

/** The issue number and title of `Issue #12: Title`, `#12 — Title` or `No. 12: Title`. */
export function numberInTitle(title: string): { number: number; title: string } | undefined {
	const match = /^\s*(?:issue|edition|no\.?|number|nr\.?|#)\s*#?\s*(\d{1,5})\b\s*(?:[:.|–—-]\s*)?(.*)$/i.exec(title);
	if (!match) return undefined;
	const number = Number(match[1]);
	return number > 0 ? { number, title: match[2]!.trim() } : undefined;
}

/** An address as links to it are compared: decoded, in lower case, without a query, an anchor, `index.html` or a last `/`. */
export function addressKey(address: string): string {
	let path = address.split(/[?#]/)[0]!;
	try {
		path = decodeURIComponent(path);
	} catch {}
	return `/${path
		.toLowerCase()
		.replace(/(^|\/)index\.html?$/, '')
		.replace(/^\/+|\/+$/g, '')}`;
}

/** What the old address of a post of another generator is made of. */
interface Place {
	file: string;
	fields: Fields;
	kind: ReturnType<typeof splitFrontmatter>['kind'];
	/** The export as the user named it (`~/blog/content/posts`). */
	exportName: string;
	slug: string;
	date: unknown;
	/** For a Jekyll post, the title in its file name (`2024-05-01-welcome`) and its categories. */
	jekyll?: { title: string; categories: string[] } | undefined;
}

/**
 * Where a post of another generator was on its site, its own address first:
 * its `permalink` or `url` (Jekyll's `:year`, `:month`, `:day`, `:title` and
 * `:categories` filled in); for a Jekyll post, Jekyll's default addresses
 * (`/:categories/:year/:month/:day/:title.html`, and `/:year/:month/:day/:title/`,
 * each with and without the categories and `.html`); for Pelican `/slug.html`;
 * else its folder below `content/` and its slug (Hugo's `/posts/my-post/`,
 * Eleventy's), also under the export's folder name when the export is that
 * folder; and Hugo's `aliases`.
 */
function oldAddresses({ file, fields, kind, exportName, slug, date, jekyll }: Place): string[] {
	const addresses: string[] = [];
	const add = (path: string) => {
		const address = `/${path.replace(/^\/+/, '')}`;
		if (!addresses.includes(address)) addresses.push(address);
	};
	const day = normaliseDate(date)?.split('-');
	const categories = jekyll?.categories.map((category) => category.replace(/\s+/g, '-')).join('/') ?? '';
	const permalink = asText(field(fields, 'permalink', 'url'));
	if (permalink && !/^(pretty|date|ordinal|weekdate|none)$/.test(permalink)) {
		const filled = permalink.replace(/:(year|month|day|title|slug|categories)\b/g, (token, name: string) => {
			if (name === 'title' || name === 'slug') return jekyll?.title ?? slug;
			if (name === 'categories') return categories;
			return day?.[['year', 'month', 'day'].indexOf(name)] ?? token;
		});
		if (!/:[a-z]/i.test(filled.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')))
			add(URL.parse(filled)?.pathname ?? filled.replace(/\/{2,}/g, '/'));
	}
	if (jekyll && day) {
		for (const prefix of categories ? [`${categories}/`, ''] : [''])
			for (const end of ['.html', '/']) add(`${prefix}${day.join('/')}/${jekyll.title}${end}`);
	}
	if (kind === 'pelican') add(`${slug}.html`);
	if (!jekyll) {
		const parts = file.split('/').slice(0, -1);
		const outer = exportName.replace(/\\/g, '/').replace(/\/+$/, '').split('/');
		const all = [...outer, ...parts];
		const content = all.lastIndexOf('content');
		if (content >= 0) add(`${[...all.slice(content + 1), slug].join('/')}/`);
		else {
			add(`${[...parts, slug].join('/')}/`);
			const name = outer.at(-1);
			if (name && !/\.zip$/i.test(name) && name !== '.' && name !== '..') add(`${[name, ...parts, slug].join('/')}/`);
		}
	}
	for (const alias of list(field(fields, 'aliases'))) add(alias);
	return addresses;
}

export function parseMarkdownFolder(source: ExportSource): ParsedExport {
	const files = markdownFiles(source);
	if (!files.length) throw new ImportError(`${source.name} has no Markdown files (.md) to import.`);
	const posts: RawPost[] = [];
	const skipped: ReportLine[] = [];
	for (const file of files) {
		let parts: ReturnType<typeof splitFrontmatter>;
		try {
			parts = splitFrontmatter(readText(source, file) ?? '');
		} catch (error) {
			skipped.push({
				file,
				message: `its frontmatter could not be read (${(error instanceof Error ? error.message : String(error)).split('\n')[0]}), so it was not imported.`,
				fix: 'Fix the frontmatter and run the import again; files already imported are skipped.',
			});
			continue;
		}
		const { fields, body, kind } = parts;
		const name = file
			.split('/')
			.pop()!
			.replace(/\.[^.]+$/, '');
		const dated = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)$/.exec(name);
		const folders = file.split('/').slice(0, -1);
		const inPosts = folders.findIndex((folder) => folder === '_posts' || folder === '_drafts');
		// Jekyll reads a `tags:` or `categories:` text as words (`jekyll update` is two); others as one, or split at commas.
		const jekyllStyle = kind === 'yaml' && (Boolean(dated) || inPosts >= 0);
		const words = (value: unknown) =>
			jekyllStyle && typeof value === 'string' && !/[,;]/.test(value) ? value.split(/\s+/).filter(Boolean) : list(value);
		const headingNode = bodyTree(body).children?.find((node) => node.type === 'heading' && node.depth === 1);
		const heading = headingNode ? markdownText(inner(body, headingNode)) || undefined : undefined;
		const title = asText(field(fields, 'title', 'name')) ?? heading;
		const status = asText(field(fields, 'status'))?.toLowerCase();
		const published = field(fields, 'published');
		const permalink = asText(field(fields, 'permalink', 'url'));
		const folder = folders.join('/');
		const authorValue = field(fields, 'author', 'authors');
		const categories =
			field(fields, 'categories') === undefined ? list(field(fields, 'category')) : words(field(fields, 'categories'));
		const number = Number(asText(field(fields, 'number', 'issue', 'issue_number')) ?? Number.NaN);
		const draft =
			field(fields, 'draft') === true ||
			String(field(fields, 'draft')).toLowerCase() === 'true' ||
			published === false ||
			(status !== undefined && status !== 'published' && status !== 'publish') ||
			/(^|\/)_drafts\//.test(file);
		const fromPermalink = permalink?.includes(':')
			? undefined
			: permalink
					?.replace(/(\/index)?\.html?$|\/+$/g, '')
					.split('/')
					.pop();
		const slug = asText(field(fields, 'slug')) ?? (fromPermalink || undefined) ?? dated?.[2] ?? name;
		const date =
			field(fields, 'date', 'pubDate', 'published', 'publishDate', 'publish_date', 'created', 'createdAt') ?? dated?.[1];
		// A first heading that repeats the title, with or without its issue number, would show twice.
		const same = (a: string | undefined) => a !== undefined && oneLine(a).toLowerCase() === heading?.toLowerCase();
		const repeated = headingNode && title && (same(title) || same(numberInTitle(title)?.title));
		const at = span(headingNode);
		posts.push({
			key: `markdown ${file}`,
			source: file,
			title,
			excerpt: asText(field(fields, 'summary', 'description', 'excerpt', 'subtitle', 'abstract', 'lead')),
			date,
			updated: field(fields, 'updated', 'lastmod', 'modified', 'last_modified_at', 'updatedDate', 'updated_at'),
			slug,
			markdown:
				repeated && at ? edited(body, [{ start: at.start, end: at.end + (body[at.end] === '\n' ? 1 : 0), text: '' }]) : body,
			tags: [...words(field(fields, 'tags', 'keywords')), ...categories],
			authors: list(authorValue),
			draft: Boolean(draft),
			...(Number.isInteger(number) && number > 0 ? { number } : {}),
			...(categories[0] ? { category: categories[0] } : {}),
			folder,
			addresses: oldAddresses({
				file,
				fields,
				kind,
				exportName: source.name,
				slug,
				date,
				jekyll: jekyllStyle
					? {
							title: asText(field(fields, 'slug')) ?? dated?.[2] ?? name,
							categories: [...(inPosts > 0 ? folders.slice(0, inPosts) : []), ...categories],
						}
					: undefined,
			}),
		});
	}
	return { format: 'markdown', posts, authors: [], skipped, notes: [] };
}
