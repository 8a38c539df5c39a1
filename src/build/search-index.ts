import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
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
 * Indexes a built site with Pagefind: every page with a `data-pagefind-body`
 * element (issues, playbooks and pages), in the language of its `lang`
 * attribute. Writes the index and the search interface to `<site>/pagefind/`
 * and returns the number of HTML files read.
 */
export async function indexSite(site: string): Promise<number> {
	const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
	check('start', errors);
	if (!index) throw new Error('Pagefind could not start.');
	try {
		const added = await index.addDirectory({ path: site, glob: SEARCHED_PAGES });
		check('index the site', added.errors);
		const output = join(site, SEARCH_FOLDER);
		check('write the index', (await index.writeFiles({ outputPath: output })).errors);
		await Promise.all(UNUSED_FILES.map((file) => rm(join(output, file), { force: true })));
		return added.page_count;
	} finally {
		await pagefind.close();
	}
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
