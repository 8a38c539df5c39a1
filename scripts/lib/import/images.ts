// Images of imported posts: found in the Markdown, copied from the export or
// downloaded, and checked to be images the build can process.
import { insidePath } from './source.ts';

/** An image written in Markdown as `![alt](src "title")`. */
export interface ImageRef {
	/** The whole `![…](…)` text. */
	text: string;
	alt: string;
	src: string;
}

const IMAGE = /!\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+"(?:\\.|[^"\\])*")?\s*\)/g;

export function imageRefs(markdown: string): ImageRef[] {
	return [...markdown.matchAll(IMAGE)].map((match) => ({
		text: match[0],
		alt: match[1]!,
		src: match[2]!.replace(/^<|>$/g, ''),
	}));
}

/** Extensions of the images the build's image step accepts. */
export const IMAGE_TYPES: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	avif: 'image/avif',
	svg: 'image/svg+xml',
};

/** The image type the bytes are, by their first bytes (not by the name they came with). */
export function imageType(bytes: Uint8Array): string | undefined {
	const starts = (...values: number[]) => values.every((v, i) => bytes[i] === v);
	if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
	if (starts(0xff, 0xd8, 0xff)) return 'jpg';
	if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
	if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'webp';
	if (String.fromCharCode(...bytes.slice(4, 12)) === 'ftypavif') return 'avif';
	const head = new TextDecoder().decode(bytes.slice(0, 1000)).trimStart();
	if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
	return undefined;
}

/** A safe file name for an image: lower-case letters, digits, hyphens, and the extension of its type. */
export function imageName(src: string, type: string): string {
	let base = src.split(/[?#]/)[0]!.split('/').pop() ?? '';
	try {
		base = decodeURIComponent(base);
	} catch {}
	const stem =
		base
			.replace(/\.[a-z0-9]+$/i, '')
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'image';
	return `${stem}.${type === 'jpeg' ? 'jpg' : type}`;
}

/**
 * Paths in the export where a post's image may be: relative to the post's
 * folder, from the export's root, under the usual static folders, and, for an
 * address on the old site, its path (`wp-content/uploads/…`, Ghost's
 * `content/images/…`).
 */
export function localCandidates(src: string, folder = ''): string[] {
	const paths: string[] = [];
	let path = src;
	if (/^__GHOST_URL__\//.test(src)) path = src.slice('__GHOST_URL__'.length);
	else if (/^https?:\/\//i.test(src)) {
		try {
			path = new URL(src).pathname;
		} catch {
			return [];
		}
		if (!/\/(wp-content\/uploads|content\/images)\//.test(path)) return [];
	}
	try {
		path = decodeURIComponent(path.split(/[?#]/)[0]!);
	} catch {}
	const add = (p: string | undefined) => {
		if (p && !paths.includes(p)) paths.push(p);
	};
	if (path.startsWith('/')) {
		for (const root of ['', 'static', 'public', 'assets', 'source', 'content', 'src'])
			add(insidePath(`${root}/${path}`.replace(/^\/+/, '')));
		const uploads = /\/((wp-content\/)?uploads\/.+)$/.exec(path)?.[1];
		if (uploads) {
			add(insidePath(uploads));
			add(insidePath(uploads.replace(/^wp-content\//, '')));
		}
	} else {
		add(insidePath(folder ? `${folder}/${path}` : path));
		add(insidePath(path));
	}
	return paths;
}

export interface Downloaded {
	bytes?: Uint8Array;
	error?: string;
}

/** Largest image downloaded, in bytes. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Fetches one image with a time limit and a size limit; never throws. */
export async function downloadImage(url: string, fetcher: typeof fetch = fetch, timeoutMs = 20_000): Promise<Downloaded> {
	try {
		const response = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
		if (!response.ok) return { error: `the server answered ${response.status}` };
		const length = Number(response.headers.get('content-length') ?? 0);
		if (length > MAX_IMAGE_BYTES) return { error: `it is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
		const bytes = new Uint8Array(await response.arrayBuffer());
		if (bytes.length > MAX_IMAGE_BYTES) return { error: `it is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
		return { bytes };
	} catch (error) {
		const name = error instanceof Error ? error.name : '';
		return {
			error:
				name === 'TimeoutError'
					? 'it took too long to download'
					: `it could not be downloaded (${error instanceof Error ? error.message : error})`,
		};
	}
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) await work(items[next++]!);
	});
	await Promise.all(workers);
}
