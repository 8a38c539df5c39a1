import site from 'virtual:pactbook/site';
import { withBase } from '../lib/urls.ts';

/** A path inside the site, prefixed with the configured `base`. */
export function url(path: string): string {
	return withBase(site.base, path);
}

/** Absolute address of a path inside the site, for feeds, email and robots.txt. */
export function absolute(path: string): string {
	return new URL(url(path), site.url).href;
}
