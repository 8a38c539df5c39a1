/**
 * Every interactive tool Pactbook ships, declared once. The home page, the
 * `/tools/` index and the tool pages, search, the portable HTML of feeds and
 * email editions, the Markdown blocks and MDX components, and the size gate
 * all read this list; none of them names a tool.
 *
 * A tool lives in its own room, `src/tools/<id>/`:
 * - `schema.ts` and a pure logic module (no DOM, no `astro:*`), unit-tested;
 * - `element.ts`, the custom element (`<pb-…>`) that makes the built HTML lively;
 * - the component named by {@link ToolDeclaration.script}, whose `<script>` loads the element
 *   (rendered on every page that holds the tool);
 * - `<Component>.astro` (named by {@link ToolEmbed.mdx}), the MDX embed, rendering the first HTML with the pure module;
 * - optionally `entries.ts`, exporting `entries(): Promise<ToolEntry[]>`: what the
 *   home page and `/tools/` list, and the `/tools/<slug>/` pages to build
 *   (read by `src/tools/entries.ts`);
 * - optionally `Page.astro`, rendering one `/tools/<slug>/` page from an entry's `props`.
 *
 * This module is plain TypeScript with no `astro:*` import, so the gates and
 * the portable-HTML code read it outside Astro too.
 */
import { escapeHtml } from '../lib/escape.ts';
import type { StandInInput } from '../lib/portable-html.ts';
import { goalBuilderBlock } from './goals/block.ts';
import { QUESTIONNAIRE_BLOCK } from './questionnaire/block.ts';
import { questionnaireStandIn } from './questionnaire/stand-in.ts';

/** How authors put a tool into an article. */
export interface ToolEmbed {
	/** How it is written in Markdown, for docs: `a GFM task list`, `:::questionnaire{id="…"}`. */
	markdown: string;
	/**
	 * Name of the `:::name` block that embeds the tool, when it has one. The
	 * block's attributes are checked and rendered by {@link ToolDeclaration.block}.
	 */
	block?: string;
	/** Name of the MDX component (usable with no import), also the file `src/tools/<id>/<mdx>.astro`. */
	mdx?: string;
}

/** What a tool's block renderer gets from the Markdown pipeline. */
export interface BlockContext {
	/** Turns a site path (`/playbooks/x/`) into the address to write, with the site's base. */
	link(href: string): string;
}

/** A `:::name{…}` block's attributes turned into the tool's HTML, or what the author must fix. */
export type BlockRender = { ok: true; html: string } | { ok: false; message: string };

/** One interactive tool. */
export interface ToolDeclaration<Id extends string = string> {
	/** Id, also the name of its room `src/tools/<id>/`: `checklist`, `questionnaire`. */
	id: Id;
	/** Name for readers: "Checklist". */
	name: string;
	/** Heading of its list on the home page and `/tools/`. */
	heading: string;
	/** One sentence under that heading. */
	description: string;
	/** Tag of its custom element; a page holding this element is one of the tool's pages. */
	element: `pb-${string}`;
	/** File name (without `.astro`) of the room's component whose `<script>` loads the element, e.g. `ChecklistScript`. */
	script: string;
	/** How authors embed it in an article. */
	embed: ToolEmbed;
	/**
	 * Renders the tool's Markdown block from its attributes (build time, in the
	 * Markdown pipeline), or says what the author must fix.
	 */
	block?: (attributes: Record<string, string | null | undefined>, context: BlockContext) => BlockRender;
	/**
	 * Whether a Markdown article's cached HTML holds this tool's block as it
	 * no longer is (the block reads other files), so the article must be rendered again.
	 */
	stale?: (html: string) => boolean;
	/** Whether it has pages of its own at `/tools/<slug>/` (from its `entries.ts`). */
	pages: boolean;
	/** Its label in search results and the search filter ("Tool"), for its own pages. */
	searchType: string;
	/** HTML that replaces the tool's element in feeds and email editions. Author text in it must be escaped. */
	standIn: (input: StandInInput) => string;
	/** Prefix of its storage keys (`<namespace>:<key>`), shared by nothing else. */
	storage: `pb-${string}`;
	/**
	 * Gzip bytes of JavaScript the tool may add to a page before any
	 * interaction; the size gate allows a page holding it the site's base
	 * budget plus this. Code used only on demand (export, compare) is loaded
	 * with `import()` and not counted.
	 */
	budget: number;
}

/** The checklist's stand-in: its items as a plain list, ticked as the author ticked them, and a link to tick them on the web. */
function checklistStandIn({ attributes, labels, checked, pageUrl, link }: StandInInput): string {
	const id = (attributes['data-key'] ?? '').split('#')[1] ?? '';
	const href = new URL(id ? `#${id}` : '', pageUrl).href;
	return `<ul class="pb-tool-items">${labels.map((item, i) => `<li>${checked[i] ? '☑' : '☐'} ${item}</li>`).join('')}</ul><p class="pb-tool-link"><a href="${escapeHtml(href)}">${escapeHtml(link ?? 'Fill in this checklist on the web')}</a></p>`;
}

/** Declares a tool, keeping its id as a literal type (so `ToolId` lists every tool). */
const defineTool = <Id extends string>(tool: ToolDeclaration<Id>) => tool;

export const checklist = defineTool({
	id: 'checklist',
	name: 'Checklist',
	heading: 'Self-assessments',
	description: 'Checklists you can fill in. Your answers stay in this browser.',
	element: 'pb-checklist',
	script: 'ChecklistScript',
	embed: { markdown: 'a GFM task list (`- [ ] item`)' },
	pages: false,
	searchType: 'Tool',
	standIn: checklistStandIn,
	storage: 'pb-checklist',
	// 5 kB for its own code, and 0.2 kB for the storage module living in a chunk of its own once
	// several tools share it (fetched once, cached for every tool page).
	budget: 5_200,
});

export const questionnaire = defineTool({
	id: 'questionnaire',
	name: 'Questionnaire',
	heading: 'Questionnaires',
	description: 'Scored questionnaires that give a verdict, advice and what would move it up. Your answers stay in this browser.',
	element: 'pb-questionnaire',
	script: 'QuestionnaireScript',
	embed: { markdown: ':::questionnaire{id="…"}', block: QUESTIONNAIRE_BLOCK.name, mdx: 'Questionnaire' },
	block: QUESTIONNAIRE_BLOCK.render,
	stale: QUESTIONNAIRE_BLOCK.stale,
	pages: true,
	searchType: 'Tool',
	standIn: questionnaireStandIn,
	storage: 'pb-questionnaire',
	budget: 12_000,
});

export const goals = defineTool({
	id: 'goals',
	name: 'Micro-goal builder',
	heading: 'Goal builder',
	description:
		'Turn a macro partner goal into micro goals, track the pace and celebrate the wins. Your plan stays in this browser.',
	element: 'pb-goal-builder',
	script: 'GoalsScript',
	embed: { markdown: '`:::goal-builder` and `:::` on the next line', block: 'goal-builder', mdx: 'MicroGoalBuilder' },
	block: goalBuilderBlock,
	pages: true,
	searchType: 'Tool',
	standIn: ({ pageUrl, link }) =>
		`<p class="pb-tool-link"><a href="${escapeHtml(pageUrl)}">${escapeHtml(link ?? 'Plan your micro goals on the web')}</a></p>`,
	storage: 'pb-goals',
	// The element and its pure modules, with what keeps a reader's typing across redraws; exports and imports load on first use.
	budget: 15_500,
});

/** Every tool, in the order the home page and `/tools/` list them. */
export const TOOLS = [checklist, questionnaire, goals] as const;

/** The id of a declared tool. */
export type ToolId = (typeof TOOLS)[number]['id'];

/** The tool whose custom element has this tag name, if any. */
export function toolByElement(tag: string): ToolDeclaration | undefined {
	return (TOOLS as readonly ToolDeclaration[]).find((tool) => tool.element === tag);
}

/** Whether a cached article render holds a tool block that is out of date. */
export function staleToolBlocks(html: string): boolean {
	return (TOOLS as readonly ToolDeclaration[]).some((tool) => tool.stale?.(html));
}

/** The tool that owns a `:::name` block, if any. */
export function toolByBlock(name: string): ToolDeclaration | undefined {
	return (TOOLS as readonly ToolDeclaration[]).find((tool) => tool.embed.block === name);
}
