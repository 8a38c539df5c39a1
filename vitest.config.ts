import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		globalSetup: ['test/helpers/global-setup.ts'],
		// Build and browser tests start Astro and Chromium: two at a time on two cores.
		pool: 'forks',
		maxWorkers: 2,
		testTimeout: 120_000,
		hookTimeout: 240_000,
	},
});
