import type { APIRoute, GetStaticPaths } from 'astro';
import { type Article, articlePath, getCatalog } from '../data/catalog.ts';
import { emailDetails } from '../data/issue-plan.ts';
import { url } from '../data/url.ts';
import { emailEdition } from '../lib/email.ts';
import { toolByElement } from '../tools/index.ts';

/** Every issue the dev server shows. */
export const emailPaths = (async () => {
	const { issues } = await getCatalog();
	return issues.map((article) => ({ params: { slug: article.slug }, props: { article } }));
}) satisfies GetStaticPaths;

/**
 * In `astro dev`, an issue's email edition as HTML or plain text, made from the
 * issue's page as the dev server renders it: the same steps as the build's.
 */
export function emailRoute(format: 'html' | 'txt'): APIRoute {
	return async ({ props, request }) => {
		const article = (props as { article: Article }).article;
		const page = await fetch(new URL(url(articlePath(article)), request.url));
		if (!page.ok) return new Response(`The issue's page answered ${page.status}.`, { status: 502 });
		const edition = emailEdition(await emailDetails(article), await page.text(), toolByElement);
		return format === 'txt'
			? new Response(edition.text, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
			: new Response(edition.html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
	};
}
