declare module 'virtual:pactbook/site' {
	const site: import('./schemas/site.ts').SiteConfig;
	export default site;
	/** True in `astro dev`: drafts and scheduled issues are shown, marked, and dev-only tools appear. */
	export const preview: boolean;
}

/** The address of a browser module, to load with `import()` on first use (see src/build/first-use.ts). */
declare module '*?first-use' {
	const address: string;
	export default address;
}
