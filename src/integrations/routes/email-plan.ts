import type { APIRoute } from 'astro';
import { plannedEditions } from '../../data/email.ts';

/**
 * The email editions to write after the build, read and then removed by the
 * email step (integrations/email.ts): each issue's details come from the
 * catalog, its body from the built page.
 */
export const GET: APIRoute = async () =>
	new Response(JSON.stringify(await plannedEditions()), { headers: { 'content-type': 'application/json' } });
