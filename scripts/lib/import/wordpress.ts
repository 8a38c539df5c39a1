// WordPress's export (Tools → Export → Posts): a WXR file, RSS 2.0 with the
// `wp:`, `content:`, `excerpt:` and `dc:` namespaces.
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { type ExportSource, ImportError, readText } from './source.ts';
import type { ParsedExport, RawAuthor, RawPost, ReportLine } from './types.ts';

type Node = Record<string, unknown>;

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	textNodeName: '#text',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	processEntities: true,
	isArray: (name) => ['item', 'category', 'wp:author', 'wp:postmeta'].includes(name),
});

/** The text of an element: CDATA and text alike. */
function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'object' && '#text' in (value as Node)) return String((value as Node)['#text']);
	return '';
}

/** The WXR file among an export's files. */
export function findWordpressFile(source: ExportSource): string | undefined {
	return source.files.find(
		(file) => /\.xml$/i.test(file) && /wordpress\.org\/export\//.test((readText(source, file) ?? '').slice(0, 4000)),
	);
}

/** WordPress writes `0000-00-00 00:00:00` for a draft that was never dated. */
const dated = (value: string) => (value && !value.startsWith('0000') && !/-0001/.test(value) ? value : undefined);

export function parseWordpress(source: ExportSource): ParsedExport {
	const file = findWordpressFile(source);
	if (!file) throw new ImportError(`${source.name} holds no WordPress export (an .xml file made by Tools → Export).`);
	const xml = readText(source, file) ?? '';
	try {
		SyntaxValidator.validate(xml);
	} catch (error) {
		const line = (error as { line?: number }).line;
		throw new ImportError(
			`${source.name}: ${file} is not well-formed XML (${line ? `line ${line}: ` : ''}${error instanceof Error ? error.message : error}). Nothing was written. Export again from WordPress (Tools → Export → Posts).`,
		);
	}
	const doc = parser.parse(xml) as Node;
	const channel = ((doc.rss as Node | undefined)?.channel ?? {}) as Node;
	const authors: RawAuthor[] = ((channel['wp:author'] as Node[] | undefined) ?? []).map((author) => ({
		key: text(author['wp:author_login']),
		name: text(author['wp:author_display_name']) || text(author['wp:author_login']),
		slug: text(author['wp:author_login']),
	}));
	const posts: RawPost[] = [];
	const skipped: ReportLine[] = [];
	const others = new Map<string, number>();
	for (const item of (channel.item as Node[] | undefined) ?? []) {
		const type = text(item['wp:post_type']) || 'post';
		const status = text(item['wp:status']) || 'publish';
		const title = text(item.title);
		const id = text(item['wp:post_id']) || String(posts.length + 1);
		if (type !== 'post') {
			others.set(type, (others.get(type) ?? 0) + 1);
			continue;
		}
		if (status === 'trash' || status === 'auto-draft' || status === 'inherit') {
			skipped.push({ file: `${file}: post ${id} "${title}"`, message: `has status "${status}", so it was not imported.` });
			continue;
		}
		const categories = (item.category as Node[] | undefined) ?? [];
		const named = (domain: string) =>
			categories
				.filter((c) => c['@_domain'] === domain)
				.map((c) => text(c).trim())
				.filter(Boolean);
		const sections = named('category').filter((name) => name.toLowerCase() !== 'uncategorized');
		let slug = text(item['wp:post_name']);
		try {
			slug = decodeURIComponent(slug);
		} catch {}
		posts.push({
			key: `wordpress ${id}`,
			source: `${file}: post ${id}`,
			title,
			excerpt: text(item['excerpt:encoded']),
			date: dated(text(item['wp:post_date'])) ?? dated(text(item.pubDate)) ?? dated(text(item['wp:post_modified'])),
			updated: dated(text(item['wp:post_modified'])),
			slug,
			html: text(item['content:encoded']),
			tags: [...sections, ...named('post_tag')],
			authors: text(item['dc:creator']) ? [text(item['dc:creator'])] : [],
			draft: status !== 'publish' && status !== 'future',
			...(text(item['wp:post_password']) ? { restricted: 'readers with its password' } : {}),
			...(sections[0] ? { category: sections[0] } : {}),
		});
	}
	const left = [...others].map(([type, count]) => `${count} ${type.replace(/_/g, ' ')}${count === 1 ? '' : 's'}`);
	return {
		format: 'wordpress',
		siteUrl: text(channel['wp:base_blog_url']) || text(channel.link) || text(channel['wp:base_site_url']) || undefined,
		posts,
		authors,
		skipped: left.length
			? [
					...skipped,
					{
						file,
						message: `left out what is not a post: ${left.join(', ')}.`,
						fix: 'Copy pages you want into content/pages/ by hand.',
					},
				]
			: skipped,
		notes: [],
	};
}
