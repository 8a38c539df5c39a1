// Ghost's JSON export (Settings → Advanced → Import/Export): `db[0].data`
// holds `posts`, `tags`, `posts_tags`, `users` and `posts_authors`.
import { escapeHtml } from '../../../src/lib/escape.ts';
import { type ExportSource, ImportError, readText } from './source.ts';
import type { ParsedExport, RawAuthor, RawPost, ReportLine } from './types.ts';

type Row = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const rows = (value: unknown): Row[] => (Array.isArray(value) ? value.filter((v): v is Row => !!v && typeof v === 'object') : []);

/** The `data` object of a Ghost export, if the text is one. */
export function ghostData(json: unknown): Row | undefined {
	if (!json || typeof json !== 'object') return undefined;
	const db = (json as Row).db;
	const data = Array.isArray(db) ? (db[0] as Row | undefined)?.data : (json as Row).data;
	return data && typeof data === 'object' && Array.isArray((data as Row).posts) ? (data as Row) : undefined;
}

/** The Ghost export among an export's files: the first .json file that is one. */
export function findGhostFile(source: ExportSource): { file: string; data: Row } | undefined {
	for (const file of source.files.filter((f) => /\.json$/i.test(f) && !f.includes('node_modules/'))) {
		const text = readText(source, file) ?? '';
		if (!/"posts"/.test(text)) continue;
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch (error) {
			// Another tool's JSON (with comments, say) is not an export; a broken Ghost export is.
			if (!/"db"\s*:\s*\[/.test(text)) continue;
			throw new ImportError(
				`${source.name}: ${file} looks like a Ghost export but is not valid JSON (${error instanceof Error ? error.message : error}). Nothing was written. Export again from Ghost (Settings → Advanced → Import/Export).`,
			);
		}
		const data = ghostData(json);
		if (data) return { file, data };
	}
	return undefined;
}

function sorted(links: Row[], key: string, post: string, target: string): string[] {
	return links
		.filter((link) => link[key] === post)
		.sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0))
		.map((link) => String(link[target]));
}

export function parseGhost(source: ExportSource): ParsedExport {
	const found = findGhostFile(source);
	if (!found) throw new ImportError(`${source.name} holds no Ghost export (a .json file with db[0].data.posts).`);
	const { file, data } = found;
	const tags = new Map(rows(data.tags).map((tag) => [String(tag.id), tag]));
	const postsTags = rows(data.posts_tags);
	const postsAuthors = rows(data.posts_authors);
	const authors: RawAuthor[] = rows(data.users).map((user) => ({
		key: String(user.id),
		name: str(user.name) ?? str(user.slug) ?? 'Author',
		...(str(user.slug) ? { slug: str(user.slug) } : {}),
		...(str(user.bio) ? { bio: str(user.bio) } : {}),
		...(str(user.website) ? { website: str(user.website) } : {}),
	}));
	const posts: RawPost[] = [];
	const skipped: ReportLine[] = [];
	const pages = { count: 0 };
	for (const post of rows(data.posts)) {
		const id = String(post.id ?? post.uuid ?? posts.length);
		const where = `${file}: post "${str(post.title) ?? id}"`;
		if (post.type === 'page' || post.page === true || post.page === 1) {
			pages.count++;
			continue;
		}
		const status = str(post.status) ?? 'draft';
		const html = str(post.html);
		if (!html && !str(post.plaintext)) {
			skipped.push({
				file: where,
				message: 'has no HTML in the export, so its text could not be read; it was not imported.',
				fix: 'Export again from Ghost 4 or newer, which writes each post’s HTML.',
			});
			continue;
		}
		const feature = str(post.feature_image);
		const tagNames = sorted(postsTags, 'post_id', id, 'tag_id')
			.map((tagId) => tags.get(tagId))
			.filter((tag): tag is Row => !!tag && tag.visibility !== 'internal' && !String(tag.name ?? '').startsWith('#'))
			.map((tag) => String(tag.name));
		const authorIds = sorted(postsAuthors, 'post_id', id, 'author_id');
		const visibility = str(post.visibility) ?? 'public';
		posts.push({
			key: `ghost ${id}`,
			source: where,
			title: str(post.title),
			excerpt: str(post.custom_excerpt) ?? undefined,
			date: post.published_at ?? post.created_at,
			updated: post.updated_at,
			slug: str(post.slug),
			html: `${feature ? `<figure><img src="${escapeHtml(feature)}" alt="${escapeHtml(str(post.feature_image_alt) ?? '')}"></figure>` : ''}${html ?? `<p>${escapeHtml(str(post.plaintext) ?? '')}</p>`}`,
			tags: tagNames,
			authors: authorIds.length ? authorIds : str(post.author_id) ? [String(post.author_id)] : [],
			draft: status !== 'published' && status !== 'sent' && status !== 'scheduled',
			...(visibility === 'public' ? {} : { restricted: visibility === 'members' ? 'signed-up members' : 'paying members' }),
		});
	}
	return {
		format: 'ghost',
		posts,
		authors,
		skipped: pages.count
			? [
					...skipped,
					{
						file,
						message: `${pages.count} page${pages.count === 1 ? '' : 's'} (not posts) left out.`,
						fix: 'Copy pages you want into content/pages/ by hand.',
					},
				]
			: skipped,
		notes: [],
	};
}
