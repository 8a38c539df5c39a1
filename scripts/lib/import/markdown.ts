// A folder of Markdown files from another generator: Hugo, Jekyll, Eleventy,
// Astro (YAML `---` or TOML `+++` frontmatter) or Pelican (`Key: value` lines).
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { literalPart } from './body-tree.ts';
import type { Loss } from './html.ts';
import { embedLink } from './html.ts';
import { type ExportSource, ImportError, readText } from './source.ts';
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

/**
 * The body of another generator's article with what only worked there
 * removed and listed: Liquid and Hugo template tags, MDX imports, scripts and
 * embedded frames (which become links). `{% highlight x %}` becomes a fence.
 */
export function cleanMarkdown(body: string, losses: Loss[]): string {
	let out = body
		.replace(
			/\{%-?\s*highlight\s+([\w+-]+)[^%]*-?%\}\n?([\s\S]*?)\{%-?\s*endhighlight\s*-?%\}/g,
			(_all, lang: string, code: string) => `\`\`\`${lang}\n${code.replace(/\n$/, '')}\n\`\`\``,
		)
		.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, '$1');
	const count = (pattern: RegExp, message: string, fix?: string) => {
		let n = 0;
		out = out.replace(pattern, () => {
			n++;
			return '';
		});
		if (n) losses.push({ message: `${message}${n > 1 ? ` (${n} times)` : ''}.`, ...(fix ? { fix } : {}) });
	};
	count(
		/<script\b[\s\S]*?<\/script\s*>|<script\b[^>]*\/>/gi,
		'a <script> element was removed; scripts never run in Pactbook articles',
	);
	count(/<style\b[\s\S]*?<\/style\s*>/gi, 'a <style> element was removed');
	out = out.replace(/<iframe\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>(?:[\s\S]*?<\/iframe\s*>)?/gi, (_all, src: string) => {
		losses.push({
			message: 'an embedded <iframe> became a link.',
			fix: 'Pactbook articles load nothing from other sites; the link opens it there.',
		});
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
	count(
		/\{\{[<%][\s\S]*?[>%]\}\}/g,
		'a Hugo shortcode was removed; it only works in Hugo',
		'Add what it showed by hand, if it matters.',
	);
	count(
		/\{%[\s\S]*?%\}/g,
		'a Liquid or Nunjucks tag was removed; it only works in the old generator',
		'Add what it showed by hand, if it matters.',
	);
	count(
		/^(?:import|export)\s.+$/gm,
		'an MDX import or export line was removed',
		'Components of the old site do not exist here; check the text around it.',
	);
	return convertContainers(out, losses);
}

/** The issue number and title of `Issue #12: Title`, `#12 — Title` or `No. 12: Title`. */
export function numberInTitle(title: string): { number: number; title: string } | undefined {
	const match = /^\s*(?:issue|edition|no\.?|number|nr\.?|#)\s*#?\s*(\d{1,5})\b\s*(?:[:.|–—-]\s*)?(.*)$/i.exec(title);
	if (!match) return undefined;
	const number = Number(match[1]);
	return number > 0 ? { number, title: match[2]!.trim() } : undefined;
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
		const { fields, body } = parts;
		const name = file
			.split('/')
			.pop()!
			.replace(/\.[^.]+$/, '');
		const jekyll = /^(\d{4}-\d{1,2}-\d{1,2})-(.+)$/.exec(name);
		const heading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
		const title = asText(field(fields, 'title', 'name')) ?? heading;
		const status = asText(field(fields, 'status'))?.toLowerCase();
		const published = field(fields, 'published');
		const permalink = asText(field(fields, 'permalink', 'url'));
		const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
		const authorValue = field(fields, 'author', 'authors');
		const categories = list(field(fields, 'categories', 'category'));
		const number = Number(asText(field(fields, 'number', 'issue', 'issue_number')) ?? Number.NaN);
		const draft =
			field(fields, 'draft') === true ||
			String(field(fields, 'draft')).toLowerCase() === 'true' ||
			published === false ||
			(status !== undefined && status !== 'published' && status !== 'publish') ||
			/(^|\/)_drafts\//.test(file);
		posts.push({
			key: `markdown ${file}`,
			source: file,
			title,
			excerpt: asText(field(fields, 'summary', 'description', 'excerpt', 'subtitle', 'abstract', 'lead')),
			date: field(fields, 'date', 'pubDate', 'published', 'publishDate', 'publish_date', 'created', 'createdAt') ?? jekyll?.[1],
			updated: field(fields, 'updated', 'lastmod', 'modified', 'last_modified_at', 'updatedDate', 'updated_at'),
			slug: asText(field(fields, 'slug')) ?? permalink?.replace(/\/+$/, '').split('/').pop() ?? jekyll?.[2] ?? name,
			// A first heading that repeats the title would show twice.
			markdown: title && heading === title ? body.replace(/^#\s+.+\n?/m, '') : body,
			tags: [...list(field(fields, 'tags', 'keywords')), ...categories],
			authors: list(authorValue),
			draft: Boolean(draft),
			...(Number.isInteger(number) && number > 0 ? { number } : {}),
			...(categories[0] ? { category: categories[0] } : {}),
			folder,
		});
	}
	return { format: 'markdown', posts, authors: [], skipped, notes: [] };
}
