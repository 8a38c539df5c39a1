import { loadRenderers } from 'astro:container';
import { readFileSync } from 'node:fs';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { contentComponents } from '../components/content/index.ts';
import { type Article, articlePath } from '../data/catalog.ts';
import { renderEntry } from '../data/render-entry.ts';
import { absolute } from '../data/url.ts';
import { entryFile } from '../lib/entry-file.ts';
import { portableHtml, UnfollowableLink } from '../lib/portable-html.ts';
import { linkField, linkLine } from '../lib/urls.ts';
import { ContentError } from '../schemas/problems.ts';
import { toolByElement } from '../tools/index.ts';

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

/**
 * An article's body as self-contained HTML for feeds and email: rendered once
 * per build, with absolute URLs and tools replaced by links to the web page.
 */
export function portableBody(article: Article): Promise<string> {
	const key = `${article.kind}:${article.slug}`;
	let html = rendered.get(key);
	if (!html) {
		html = (async () => {
			container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
			const { Content } = await renderEntry(article.entry);
			const body = await (await container).renderToString(Content, { props: { components: contentComponents } });
			try {
				return portableHtml(body, { pageUrl: absolute(articlePath(article)), tools: toolByElement });
			} catch (error) {
				if (!(error instanceof UnfollowableLink)) throw error;
				const file = article.entry.filePath ? entryFile(article.entry.filePath) : `${article.kind} ${article.slug}`;
				const line = article.entry.filePath ? linkLine(readFileSync(file, 'utf8'), error.address) : undefined;
				throw new ContentError([{ file, field: linkField(error.address, line), message: error.fix }]);
			}
		})();
		rendered.set(key, html);
	}
	return html;
}
