import { rmSync } from 'node:fs';
import { buildSite, TMP } from './build.ts';

/**
 * Builds the sample site once for every browser test, and once more under a
 * sub-path, before any test file runs.
 */
export default async function setup() {
	rmSync(TMP, { recursive: true, force: true });
	const results = await Promise.all([
		buildSite('content', { out: 'sample' }),
		buildSite('content', { out: 'sample-base', base: '/newsletter/' }),
	]);
	for (const result of results) {
		if (result.code !== 0) throw new Error(`The sample site did not build:\n${result.output}`);
	}
}
