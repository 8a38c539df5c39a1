import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Build and browser tests start Astro and Chromium: two at a time on two cores.
		pool: 'forks',
		maxWorkers: 2,
		testTimeout: 120_000,
		hookTimeout: 240_000,
		projects: [
			// Pure logic: runs in seconds and builds nothing (`npm run test:unit`).
			{ extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
			// Each test builds its own fixture site, side by side with the others.
			{
				extends: true,
				test: { name: 'build', include: ['test/build/**/*.test.ts'], exclude: ['test/build/search.test.ts'] },
			},
			// Browser journeys and gates share one build of the sample site, made before they start.
			{
				extends: true,
				test: {
					name: 'site',
					include: ['test/e2e/**/*.test.ts', 'test/gates/**/*.test.ts', 'test/build/search.test.ts'],
					globalSetup: ['test/helpers/global-setup.ts'],
				},
			},
		],
	},
});
