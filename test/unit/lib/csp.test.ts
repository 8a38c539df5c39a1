import { describe, expect, test } from 'vitest';
import { cspConfig } from '../../../src/lib/csp.ts';
import { scriptHash, THEME_SCRIPT } from '../../../src/lib/inline-scripts.ts';

describe('cspConfig', () => {
	test('forms post to the site, and to the subscribe service when there is one', () => {
		expect(cspConfig({}).directives).toContain("form-action 'self'");
		expect(cspConfig({ subscribe: { action: 'https://mail.example.com/lists/42/subscribe?u=1' } }).directives).toContain(
			"form-action 'self' https://mail.example.com",
		);
	});

	test('scripts: the site, Pagefind’s WebAssembly and the theme script by hash; never inline otherwise', () => {
		const { scriptDirective } = cspConfig({});
		expect(scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(scriptDirective?.hashes).toEqual([scriptHash(THEME_SCRIPT)]);
		expect(JSON.stringify(cspConfig({}))).not.toContain("'unsafe-eval'");
	});

	test('scriptHash is the base64 SHA-256 of the exact text', () => {
		// echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
		expect(scriptHash('alert(1)')).toBe('sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
	});
});
