import type { APIRoute } from 'astro';
import { feedResponse } from '../routes/feeds.ts';

/** RSS 2.0 feed of the newsletter's issues, with their full content. */
export const GET: APIRoute = () => feedResponse('issues', 'rss');
