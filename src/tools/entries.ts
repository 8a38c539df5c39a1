/**
 * The Astro side of the tool seam: what each tool's room adds to pages,
 * gathered from the rooms by file name so that a new tool needs no line here.
 * (`index.ts` holds the declarations; this module may use `astro:*`.)
 */
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import type { Article } from '../data/catalog.ts';
import { TOOLS, type ToolDeclaration } from './index.ts';

/** One thing a tool lists on the home page and `/tools/`, and, with `page`, one `/tools/<slug>/` page. */
export interface ToolEntry {
	title: string;
	summary: string;
	/** Site path of where it is used (an article, or its own page), without the base. */
	href: string;
	/** Its own page at `/tools/<slug>/`, rendered by the room's `Page.astro` with these props. */
	page?: { slug: string; props: Record<string, unknown> };
}

/** What a room's optional `entries.ts` exports. */
interface EntriesModule {
	entries(): Promise<ToolEntry[]>;
	/** Whether an article page holds the tool; by default, whether its rendered HTML holds the tool's element. */
	inArticle?(article: Article): boolean;
}

const entryModules = import.meta.glob<EntriesModule>('./*/entries.ts', { eager: true });
const components = import.meta.glob<{ default: AstroComponentFactory }>('./*/*.astro', { eager: true });

const room = (tool: ToolDeclaration) => `./${tool.id}/`;

/** A tool's `.astro` component by file name (its script, `Page`, its MDX name), if its room has one. */
export function toolComponent(tool: ToolDeclaration, name: string): AstroComponentFactory | undefined {
	return components[`${room(tool)}${name}.astro`]?.default;
}

/** What each tool lists, in declaration order; tools with nothing to list are left out. */
export async function toolEntries(): Promise<{ tool: ToolDeclaration; entries: ToolEntry[] }[]> {
	const all = await Promise.all(
		TOOLS.map(async (tool) => ({ tool, entries: (await entryModules[`${room(tool)}entries.ts`]?.entries()) ?? [] })),
	);
	return all.filter(({ entries }) => entries.length > 0);
}

/** Every `/tools/<slug>/` page, with the component that renders it. */
export async function toolPages() {
	return (await toolEntries()).flatMap(({ tool, entries }) =>
		entries.flatMap((entry) => {
			const Page = toolComponent(tool, 'Page');
			return entry.page && Page ? [{ tool, entry, slug: entry.page.slug, Page, props: entry.page.props }] : [];
		}),
	);
}

/** The script components of the tools an article holds, to render on its page. */
export function articleScripts(article: Article): AstroComponentFactory[] {
	const html = article.entry.rendered?.html ?? '';
	return TOOLS.flatMap((tool) => {
		const inArticle = entryModules[`${room(tool)}entries.ts`]?.inArticle;
		const present = inArticle ? inArticle(article) : html.includes(`<${tool.element}`);
		const Script = toolComponent(tool, tool.script);
		return present && Script ? [Script] : [];
	});
}

/** The MDX components of every tool, by name, for `<Content components={…}>`. */
export const toolEmbeds: Record<string, AstroComponentFactory> = Object.fromEntries(
	TOOLS.flatMap((tool) => {
		const component = tool.embed.mdx ? toolComponent(tool, tool.embed.mdx) : undefined;
		return component && tool.embed.mdx ? [[tool.embed.mdx, component]] : [];
	}),
);
