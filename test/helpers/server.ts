/**
 * Serves a built site on 127.0.0.1 (a free port) the way a static host does;
 * the same server the bench and audit scripts use (scripts/lib/serve.mjs).
 */
export { serve } from '../../scripts/lib/serve.mjs';

export interface StaticSite {
	/** Origin plus base, ending in `/`, e.g. `http://127.0.0.1:40123/newsletter/`. */
	url: string;
	close(): Promise<void>;
}
