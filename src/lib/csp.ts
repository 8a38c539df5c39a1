import type { AstroUserConfig } from 'astro';
import { scriptHash, THEME_SCRIPT } from './inline-scripts.ts';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean> & { algorithm: 'SHA-256' };

/** The parts of `site.yaml` the policy depends on. */
export interface PolicySite {
	subscribe?: { action: string } | undefined;
}

/**
 * Pactbook's Content Security Policy, as Astro's `security.csp` setting: Astro
 * adds the hashes of the scripts and styles it writes into pages and puts the
 * policy in a `<meta http-equiv="content-security-policy">` on every page.
 *
 * - Scripts: the site's own files, Astro's inline modules and the theme script
 *   by hash, and WebAssembly compilation for Pagefind; no inline script
 *   otherwise, no `eval`.
 * - Styles: the site's stylesheet and hashed `<style>` elements; `style`
 *   attributes are allowed, as Markdown tables align their cells with them.
 * - Everything else from the site only: images, fonts, search index requests;
 *   forms post to the site (search) or to the subscribe form's service.
 */
export function cspConfig(site: PolicySite): CspConfig {
	const formAction = ["'self'", ...(site.subscribe ? [new URL(site.subscribe.action).origin] : [])];
	return {
		algorithm: 'SHA-256',
		directives: [
			"default-src 'self'",
			"img-src 'self' data:",
			"object-src 'none'",
			"base-uri 'self'",
			`form-action ${formAction.join(' ')}`,
		],
		scriptDirective: {
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: [scriptHash(THEME_SCRIPT)],
		},
		styleDirective: {
			resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
		},
	};
}

/** The policy of the pages at issue numbers, which only forward: nothing may load, run or post. */
export const FORWARDING_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'";
