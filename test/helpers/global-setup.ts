import { findChromium } from '../../scripts/lib/chromium.mjs';
import { buildSite } from './build.ts';

/**
 * Before the browser tests and gates: builds the sample site once for all of
 * them, and once more under a sub-path, and finds the Chromium they share
 * (handed to the test workers through the environment).
 */
export default async function setup() {
	const [chromium, ...results] = await Promise.all([
		findChromium(),
		buildSite('content', { out: 'sample' }),
		buildSite('content', { out: 'sample-base', base: '/newsletter/' }),
	]);
	for (const result of results) {
		if (result.code !== 0) throw new Error(`The sample site did not build:\n${result.output}`);
	}
	process.env.CHROMIUM_PATH = chromium.executablePath;
	Object.assign(process.env, chromium.env);
	console.log(`Browser tests use ${chromium.version} (${chromium.source}: ${chromium.executablePath}).`);
}
