import { readdir, readFile, rm } from 'node:fs/promises';
import { join, matchesGlob, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { SEARCH_FOLDER, SEARCH_SCRIPT } from '../lib/search-files.ts';
import { TOOLS } from '../tools/index.ts';

/**
 * Parts of indexed pages that are page furniture rather than content: the "#"
 * link beside each heading carries the words "Link to section" for screen readers.
 */
export const EXCLUDED_SELECTORS = ['.pb-anchor'];

/**
 * Files Pagefind writes for its older interfaces. Pactbook uses the component
 * UI, so these are removed to keep the deployed folder to what readers can load.
 */
const UNUSED_FILES = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
	'pagefind-highlight.js',
];

/** Pagefind's answer to a call: any errors it reports stop the build. */
function check(step: string, errors: string[]): void {
	if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/**
 * The pages that can carry a `data-pagefind-body`: the home page, standalone
 * pages, issues, playbooks and the pages of tools that have their own
 * (`src/tools/index.ts`). Listing pages (archive, tags, authors, their
 * page 2, 3…) and email editions have nothing to index and are not read at all.
 */
export const SEARCHED_PAGES = `{index.html,*/index.html,issues/*/index.html,playbooks/*/index.html${TOOLS.some((tool) => tool.pages) ? ',tools/*/index.html' : ''}}`;

/**
 * The file a page of the built site is written to, relative to the output
 * folder, from the path Astro renders it at (`/issues/a/` → `issues/a/index.html`,
 * `/404` → `404.html`), without the site's `base`.
 */
export function builtFile(pathname: string, base: string): string {
	const inside = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
	return inside === '' || inside.endsWith('/') ? `${inside}index.html` : `${inside}.html`;
}

/**
 * What makes Pagefind read a page differently wherever it sits: any
 * `data-pagefind-*` attribute except a plain `data-pagefind-ignore` (or
 * `="index"`), which only matters inside the indexed part; an `<h1>`, which
 * could be the result's title, and an `<img>`, which could be its picture.
 */
const MARK = /data-pagefind-(?!ignore(?:[\s/>]|=["']?index["'\s/>]))/i;
const TITLE_OR_PICTURE = /<(?:h1|img)[\s/>]/i;

/**
 * The part of a page that decides its search index: the `<html>` tag (its
 * language), the title and `<main>`, where Pactbook's pages keep their
 * `data-pagefind-body` and every other Pagefind mark. The header with its
 * search dialog, the footer and the scripts are left out, so Pagefind is sent
 * and parses a little over half of an issue page, and writes the same index
 * (test/build/search-index.test.ts compares the two). A page is handed over
 * whole when that cannot be sure: no `<html>` tag, not exactly one `<main>`,
 * no `data-pagefind-body` inside it, or anything {@link MARK} or
 * {@link TITLE_OR_PICTURE} name outside it.
 */
export function searchablePart(html: string): string {
	const opening = /<main[\s>]/gi;
	const start = opening.exec(html)?.index ?? -1;
	const end = html.lastIndexOf('</main>');
	if (start < 0 || end < start || opening.exec(html)) return html;
	const before = html.slice(0, start);
	const main = html.slice(start, end + '</main>'.length);
	const after = html.slice(end + '</main>'.length);
	const open = /<html\b[^>]*>/i.exec(before)?.[0];
	if (!open || !/data-pagefind-body/i.test(main)) return html;
	if ([before, after].some((outside) => MARK.test(outside) || TITLE_OR_PICTURE.test(outside))) return html;
	const title = /<title\b[^>]*>[\s\S]*?<\/title>/i.exec(before)?.[0] ?? '';
	return `<!DOCTYPE html>${open}<head>${title}</head><body>${main}</body></html>`;
}

/** The address Pagefind gives a page read from `file` in the site folder (`issues/a/index.html` → `/issues/a/`). */
export function searchUrl(file: string): string {
	return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * A search index that reads the pages while Astro renders them: each page
 * {@link SEARCHED_PAGES} names goes to Pagefind, which runs in its own
 * process, as soon as it is rendered, so that indexing runs beside rendering
 * instead of after it. `finish` then adds any such page of the built site it
 * was not given (a page Astro restored from its build cache), writes the index
 * and the search interface to `<site>/pagefind/` and returns the number of
 * HTML files read.
 */
export class SearchIndex {
	#index: Promise<pagefind.PagefindIndex>;
	#added = new Set<string>();
	#pending: Promise<pagefind.NewFileResponse>[] = [];

	constructor() {
		this.#index = pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS }).then(({ index, errors }) => {
			check('start', errors);
			if (!index) throw new Error('Pagefind could not start.');
			return index;
		});
		// A failure to start is reported by `finish`; until then it must not stop the build on its own.
		this.#index.catch(() => {});
	}

	/** Whether the page written to `file` (relative to the output folder) is one to hand over: searched, and not yet given. */
	wants(file: string): boolean {
		return !this.#added.has(file) && matchesGlob(file, SEARCHED_PAGES);
	}

	/** Hands Pagefind the {@link searchablePart} of the page written to `file` (relative to the output folder), if it {@link wants} it. */
	add(file: string, html: string): void {
		if (!this.wants(file)) return;
		this.#added.add(file);
		const content = searchablePart(html);
		const added = this.#index.then((index) => index.addHTMLFile({ url: searchUrl(file), content }));
		added.catch(() => {});
		this.#pending.push(added);
	}

	async finish(site: string): Promise<number> {
		try {
			const index = await this.#index;
			const built = (await readdir(site, { recursive: true, encoding: 'utf8' })).map((file) => file.split(sep).join('/'));
			for (const file of built) {
				if (this.wants(file)) this.add(file, await readFile(join(site, file), 'utf8'));
			}
			const added = await Promise.all(this.#pending);
			check(
				'index the site',
				added.flatMap((file) => file.errors),
			);
			const output = join(site, SEARCH_FOLDER);
			check('write the index', (await index.writeFiles({ outputPath: output })).errors);
			await Promise.all(UNUSED_FILES.map((file) => rm(join(output, file), { force: true })));
			return added.length;
		} finally {
			await pagefind.close();
		}
	}
}

/**
 * Wraps Astro's prerenderer so that each page it renders also goes to `index`
 * (for `setPrerenderer` in `astro:build:start`). The page's bytes are read
 * once and handed on to Astro unchanged.
 */
export function indexingPrerenderer(index: SearchIndex, base: string) {
	return (prerenderer: AstroPrerenderer): AstroPrerenderer => ({
		...prerenderer,
		async render(request, options) {
			const rendered = await prerenderer.render(request, options);
			const response = rendered instanceof Response ? rendered : rendered.response;
			if (options.routeData.type !== 'page' || response.status !== 200 || !response.body) return rendered;
			const file = builtFile(new URL(request.url).pathname, base);
			if (!index.wants(file)) return rendered;
			const body = await response.arrayBuffer();
			index.add(file, Buffer.from(body).toString('utf8'));
			const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
			return rendered instanceof Response ? copy : { ...rendered, response: copy };
		},
	});
}

/** What a Vite plugin sees of the build when it adds a file to it. */
interface EmitContext {
	emitFile(file: { type: 'chunk'; id: string; fileName: string }): string;
}

/**
 * Site search. The build bundles the search panel's script (elements/search.ts)
 * to a fixed address beside Pagefind's files, so the inline opener on every
 * page can load it on first use without the page referencing any script file.
 * Once the site is built, `indexSite` (run by the pactbook integration) indexes
 * it into `<outDir>/pagefind/`, so `npm run build` alone produces a searchable site.
 */
export default function pagefindIndex(): AstroIntegration {
	return {
		name: 'pactbook-search',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				const script = fileURLToPath(new URL('elements/search.ts', config.srcDir));
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'pactbook-search-script',
								apply: 'build',
								applyToEnvironment: (environment: { name: string }) => environment.name === 'client',
								buildStart(this: EmitContext) {
									this.emitFile({ type: 'chunk', id: script, fileName: SEARCH_SCRIPT });
								},
							},
						],
					},
				});
			},
		},
	};
}
