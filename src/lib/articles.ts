import type { Problem } from './problem.ts';
import { tagKey, tagSlug } from './urls.ts';

/** What listings, navigation and related reading need to know about an issue or a playbook. */
export interface ArticleSummary {
	kind: 'issue' | 'playbook';
	slug: string;
	title: string;
	summary: string;
	/** Publication date of an issue, last update of a playbook. */
	date: Date;
	tags: string[];
	author: string;
	/** Issue number; playbooks have none. */
	number?: number;
	/** Playbook category; issues have none. */
	category?: string;
	minutes: number;
	/** Title of the series the article belongs to. */
	series?: string | undefined;
	/** Explicit position in its series. */
	part?: number | undefined;
}

/** Issues newest first: by date, then by number. */
export function newestFirst<T extends Pick<ArticleSummary, 'date' | 'number' | 'title'>>(items: readonly T[]): T[] {
	return [...items].sort(
		(a, b) => b.date.getTime() - a.date.getTime() || (b.number ?? 0) - (a.number ?? 0) || a.title.localeCompare(b.title),
	);
}

/** Previous (older) and next (newer) item around `index` in a newest-first list. */
export function neighbours<T>(newest: readonly T[], index: number): { previous: T | undefined; next: T | undefined } {
	return { previous: newest[index + 1], next: index > 0 ? newest[index - 1] : undefined };
}

/** Articles by tag slug, once per tag an article lists; built once per list (lists are not changed after building). */
const byTagCache = new WeakMap<readonly ArticleSummary[], Map<string, number[]>>();

function byTag(all: readonly ArticleSummary[]): Map<string, number[]> {
	let index = byTagCache.get(all);
	if (!index) {
		index = new Map();
		for (const [i, item] of all.entries()) {
			for (const tag of item.tags) {
				const slug = tagSlug(tag);
				const list = index.get(slug);
				if (list) list.push(i);
				else index.set(slug, [i]);
			}
		}
		byTagCache.set(all, index);
	}
	return index;
}

/**
 * Up to `limit` other articles that share the most tags with `target`; ties go
 * to the newer article, then to the one listed first. Articles sharing no tag
 * are never suggested. Looks only at articles sharing a tag, through an index of
 * `all` built on first use, so a page costs the same in a site of any size.
 */
export function related<T extends ArticleSummary>(target: T, all: readonly T[], limit = 3): T[] {
	const wanted = new Set(target.tags.map(tagSlug));
	if (wanted.size === 0) return [];
	const index = byTag(all);
	const scores = new Map<number, number>();
	for (const slug of wanted) {
		for (const i of index.get(slug) ?? []) scores.set(i, (scores.get(i) ?? 0) + 1);
	}
	// The best `limit` by score, then newest, then list order: kept while scanning,
	// as sorting every article that shares a tag costs more than the page itself.
	const best: { i: number; item: T; score: number; time: number }[] = [];
	const before = (a: (typeof best)[number], b: (typeof best)[number]) =>
		a.score !== b.score ? a.score > b.score : a.time !== b.time ? a.time > b.time : a.i < b.i;
	for (const [i, score] of scores) {
		const item = all[i]!;
		if (item.kind === target.kind && item.slug === target.slug) continue;
		const candidate = { i, item, score, time: item.date.getTime() };
		if (best.length === limit && !before(candidate, best[limit - 1]!)) continue;
		let at = best.length;
		while (at > 0 && before(candidate, best[at - 1]!)) at--;
		best.splice(at, 0, candidate);
		if (best.length > limit) best.pop();
	}
	return best.map((s) => s.item);
}

/** Groups a newest-first list by calendar year (UTC), keeping the order. */
export function groupByYear<T extends { date: Date }>(items: readonly T[]): { year: number; items: T[] }[] {
	const groups: { year: number; items: T[] }[] = [];
	for (const item of items) {
		const year = item.date.getUTCFullYear();
		const last = groups.at(-1);
		if (last && last.year === year) last.items.push(item);
		else groups.push({ year, items: [item] });
	}
	return groups;
}

/** Groups items by a key, with groups in the order of `compare` on their names. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): { name: string; items: T[] }[] {
	const map = new Map<string, T[]>();
	for (const item of items) {
		const name = key(item);
		const group = map.get(name);
		if (group) group.push(item);
		else map.set(name, [item]);
	}
	return [...map].map(([name, group]) => ({ name, items: group })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every tag with its display name (as first written), URL slug and articles, most used first. */
export function tagIndex<T extends ArticleSummary>(items: readonly T[]): { slug: string; name: string; items: T[] }[] {
	const map = new Map<string, { slug: string; name: string; items: T[] }>();
	const listed = new Map<string, Set<T>>();
	for (const item of items) {
		for (const tag of new Set(item.tags)) {
			const slug = tagSlug(tag);
			const entry = map.get(slug) ?? { slug, name: tag, items: [] };
			// An article listing two spellings of one tag appears once under it.
			const seen = listed.get(slug) ?? new Set();
			if (!seen.has(item)) entry.items.push(item);
			seen.add(item);
			listed.set(slug, seen);
			map.set(slug, entry);
		}
	}
	return [...map.values()].sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name));
}

/** The address of page `n` of a list whose first page is at `first` (which ends in `/`): later pages are at `page/<n>/`. */
export function listPageUrl(first: string, n: number): string {
	return n === 1 ? first : `${first}page/${n}/`;
}

/** What {@link laterPagesUnderPage} needs of one of Astro's `paginate()` results. */
export interface PaginatedPath {
	params: { page: string | undefined };
	props: {
		page: {
			currentPage: number;
			lastPage: number;
			url: Record<'current' | 'prev' | 'next' | 'first' | 'last', string | undefined>;
		};
	};
}

/**
 * Astro's `paginate()` puts a `[...page]` route's later pages at `2/`, `3/`…
 * after the first page; Pactbook's are at `page/2/`, `page/3/`, because
 * `/issues/2/` is the page that leads to issue #2. Moves each page's route
 * parameter and its links (`page.url`) there, keeping everything else.
 */
export function laterPagesUnderPage<T extends PaginatedPath>(paths: readonly T[]): T[] {
	const current = paths[0]?.props.page.url.current ?? '/';
	const first = current.endsWith('/') ? current : `${current}/`;
	const at = (n: number | undefined) => (n === undefined ? undefined : listPageUrl(first, n));
	return paths.map((path) => {
		const { currentPage: n, lastPage: last } = path.props.page;
		return {
			...path,
			params: { ...path.params, page: n === 1 ? undefined : `page/${n}` },
			props: {
				...path.props,
				page: {
					...path.props.page,
					url: {
						...path.props.page.url,
						current: at(n),
						prev: at(n > 1 ? n - 1 : undefined),
						next: at(n < last ? n + 1 : undefined),
						first: at(n > 1 ? 1 : undefined),
						last: at(n < last ? last : undefined),
					},
				},
			},
		};
	});
}

/** A series: articles sharing a `series` title, in reading order. */
export interface Series<T> {
	slug: string;
	title: string;
	items: T[];
}

/**
 * Groups articles into series by title (spelled alike, as tags are), ordered by
 * `part`, then by date (oldest first), then by title; articles without a part
 * come after those with one.
 */
export function seriesIndex<T extends ArticleSummary>(items: readonly T[]): Series<T>[] {
	const map = new Map<string, Series<T>>();
	for (const item of items) {
		if (!item.series) continue;
		const slug = tagSlug(item.series);
		const entry = map.get(slug) ?? { slug, title: item.series, items: [] };
		entry.items.push(item);
		map.set(slug, entry);
	}
	for (const series of map.values()) {
		series.items.sort(
			(a, b) =>
				(a.part ?? Number.POSITIVE_INFINITY) - (b.part ?? Number.POSITIVE_INFINITY) ||
				a.date.getTime() - b.date.getTime() ||
				a.title.localeCompare(b.title),
		);
	}
	return [...map.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * The page numbers a pagination bar shows: the first and last pages, and
 * `radius` pages either side of the current one, with `null` for each gap.
 * Its length stays the same however long the archive grows.
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
	const shown: (number | null)[] = [];
	for (let n = 1; n <= total; n++) {
		if (n === 1 || n === total || Math.abs(n - current) <= radius) shown.push(n);
		else if (shown.at(-1) !== null) shown.push(null);
	}
	return shown;
}

/** Where an article's tags and series come from, for {@link addressClashes}. */
export interface TaggedFile {
	/** The article's file, as messages name it. */
	file: string;
	tags: readonly string[];
	series?: string | undefined;
}

/**
 * Tags (and series titles) that are different words but would share one
 * address, such as `c#` and `c++` at /tags/c/, or `🎉` and `?` at /tags/tag/:
 * one problem for each file using one of them, naming the others and where
 * they are used. Spellings of one tag (`Co-selling`, `co selling`) are not
 * clashes; they share their page on purpose.
 */
export function addressClashes(files: readonly TaggedFile[]): Problem[] {
	const problems: Problem[] = [];
	for (const [field, folder] of [
		['tags', 'tags'],
		['series', 'series'],
	] as const) {
		// slug → what tells tags apart → each file using that tag, with the tag as the file writes it
		const bySlug = new Map<string, Map<string, Map<string, string>>>();
		for (const item of files) {
			const names = field === 'tags' ? item.tags : item.series ? [item.series] : [];
			for (const name of names) {
				const slug = tagSlug(name);
				const keys = bySlug.get(slug) ?? new Map<string, Map<string, string>>();
				bySlug.set(slug, keys);
				const users = keys.get(tagKey(name)) ?? new Map<string, string>();
				keys.set(tagKey(name), users);
				if (!users.has(item.file)) users.set(item.file, name);
			}
		}
		for (const [slug, keys] of bySlug) {
			if (keys.size < 2) continue;
			for (const users of keys.values()) {
				const others = [...keys.values()]
					.filter((other) => other !== users)
					.map((other) => {
						const used = [...other.keys()].sort();
						return `${JSON.stringify(other.get(used[0]!))} (${used.slice(0, 3).join(', ')}${used.length > 3 ? ', …' : ''})`;
					})
					.join(' and ');
				for (const [file, name] of users) {
					problems.push({
						file,
						field,
						message: `${JSON.stringify(name)} would share the address /${folder}/${slug}/ with ${others}, so their articles would be listed as one. Rename one of them so that their letters or digits differ, for example by spelling out a symbol (c-sharp, c-plus-plus).`,
					});
				}
			}
		}
	}
	return problems.sort((a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field));
}
