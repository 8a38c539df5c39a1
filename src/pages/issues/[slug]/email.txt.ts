import type { APIRoute } from 'astro';
import type { Article } from '../../../data/catalog.ts';
import { emailPaths, emailTextEdition } from '../../../data/email.ts';

export const getStaticPaths = emailPaths;

/** The plain-text version of the email edition. */
export const GET: APIRoute = async ({ props }) =>
	new Response(await emailTextEdition((props as { article: Article }).article), {
		headers: { 'content-type': 'text/plain; charset=utf-8' },
	});
