import type { APIRoute } from 'astro';
import { plannedIssues } from '../data/issue-plan.ts';

/**
 * What to write beside each issue once the pages are built (email editions,
 * forwarding pages), read and then removed by build/issue-files.ts.
 */
export const GET: APIRoute = async () =>
	new Response(JSON.stringify(await plannedIssues()), { headers: { 'content-type': 'application/json' } });
