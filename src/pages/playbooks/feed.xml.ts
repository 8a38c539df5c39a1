import type { APIRoute } from 'astro';
import { feedResponse } from '../../routes/feeds.ts';

/** RSS 2.0 feed of the playbooks, with their full content. */
export const GET: APIRoute = () => feedResponse('playbooks', 'rss');
