import type { APIRoute } from 'astro';
import { feedResponse } from '../routes/feeds.ts';

/** JSON Feed 1.1 of the newsletter's issues, with their full content. */
export const GET: APIRoute = () => feedResponse('issues', 'json');
