import type { APIRoute } from 'astro';
import type { Article } from '../../../data/catalog.ts';
import { emailEdition, emailPaths } from '../../../data/email.ts';

export const getStaticPaths = emailPaths;

/** The issue as self-contained HTML to paste into an email service. */
export const GET: APIRoute = async ({ props }) =>
	new Response(await emailEdition((props as { article: Article }).article), {
		headers: { 'content-type': 'text/html; charset=utf-8' },
	});
