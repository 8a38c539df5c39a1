/**
 * The quality gates' logic, as plain functions over a built site's folder, so
 * the gate tests run them on the real sample site and on deliberately broken
 * fixtures alike (`test/gates/`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ConfigData, HtmlValidate } from 'html-validate';
import { type HTMLElement, parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { TOOLS, type ToolId } from '../../src/tools/index.ts';
import { pageIdle } from './browser.ts';

/** One HTML page of a built site. */
export interface SitePage {
	/** Absolute path of the file. */
	file: string;
	/** Address of the page, base included: `/newsletter/issues/x/`, `/404.html`. */
	path: string;
}

/**
 * HTML files that are not web pages readers browse, and the tests that cover
 * them instead: email editions are self-contained documents for email clients
 * (see the publishing tests).
 */
export const NOT_PAGES = [/(^|\/)email\.html$/];

/** Every page of a built site, sorted by address. */
export function listPages(dist: string, base = '/'): SitePage[] {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.map((name) => name.split('\\').join('/'))
		.filter((name) => name.endsWith('.html') && !NOT_PAGES.some((pattern) => pattern.test(name)))
		.map((name) => ({ file: join(dist, name), path: prefix + name.replace(/(^|\/)index\.html$/, '$1') }))
		.sort((a, b) => a.path.localeCompare(b.path));
}

/** Whether a page only forwards readers elsewhere (a meta refresh), as `/issues/20/` does. */
export function isRedirect(html: string): boolean {
	return /<meta[^>]+http-equiv=["']?refresh/i.test(html);
}

export type PageType =
	| 'home'
	| 'archive'
	| 'issue'
	| 'playbook'
	| ToolId
	| 'tools'
	| 'playbooks'
	| 'tags'
	| 'tag'
	| 'author'
	| 'search'
	| 'page'
	| 'not-found'
	| 'redirect';

/** The kind of a page, from its address and, for tools and redirects, its HTML. */
export function pageType(page: SitePage, base = '/', html = readFileSync(page.file, 'utf8')): PageType {
	if (isRedirect(html)) return 'redirect';
	const path = `/${page.path.slice(base.length)}`;
	if (path === '/') return 'home';
	if (path === '/404.html') return 'not-found';
	if (path === '/issues/' || /^\/issues\/page\/\d+\/$/.test(path)) return 'archive';
	if (path === '/playbooks/') return 'playbooks';
	if (path === '/tags/') return 'tags';
	if (path === '/search/') return 'search';
	if (path === '/tools/') return 'tools';
	const kind = /^\/(issues|playbooks|tags|authors|tools)\/[^/]+\/(?:page\/\d+\/)?$/.exec(path)?.[1];
	// A page holding a tool's element is that tool's page (the first declared, when it holds several).
	const tool = kind && TOOLS.find((t) => new RegExp(`<${t.element}[\\s>]`).test(html));
	if (tool) return tool.id;
	if (kind === 'issues') return 'issue';
	if (kind === 'playbooks') return 'playbook';
	if (kind === 'tags') return 'tag';
	if (kind === 'authors') return 'author';
	return 'page';
}

/** The first page of each type, for gates that need one of each rather than all. */
export function onePerType(pages: SitePage[], base = '/'): Map<PageType, SitePage> {
	const found = new Map<PageType, SitePage>();
	for (const page of pages) {
		const type = pageType(page, base);
		if (!found.has(type)) found.set(type, page);
	}
	return found;
}

/** Bytes of `content` compressed with gzip at zlib's default level, as static hosts commonly serve it. */
export function gzipSize(content: string | Buffer): number {
	return content.length === 0 ? 0 : gzipSync(content).length;
}

/**
 * What a page must have for readers, search engines and assistive technology:
 * exactly one h1, a `lang`, a non-empty title and a meta description.
 */
export function structureProblems(html: string): string[] {
	const root = parse(html);
	const problems: string[] = [];
	const h1 = root.querySelectorAll('h1').length;
	if (h1 !== 1) problems.push(`has ${h1} h1 elements instead of one`);
	if (!root.querySelector('html')?.getAttribute('lang')?.trim()) problems.push('has no lang on <html>');
	if (!root.querySelector('head > title')?.text.trim()) problems.push('has no <title>');
	if (!root.querySelector('meta[name="description"]')?.getAttribute('content')?.trim()) problems.push('has no meta description');
	return problems;
}

// ---------------------------------------------------------------------------
// Links

/** The file a site address is served from, if any (`/x/` → `x/index.html`). */
function fileFor(dist: string, base: string, pathname: string): string | undefined {
	if (!pathname.startsWith(base)) return undefined;
	const inside = decodeURIComponent(pathname.slice(base.length));
	const candidate = join(dist, inside);
	if (!candidate.startsWith(dist)) return undefined;
	if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	const index = join(candidate, 'index.html');
	return existsSync(index) ? index : undefined;
}

/** Every address a page refers to: links, assets, form actions and a meta refresh target. */
function references(root: HTMLElement): string[] {
	const refs: string[] = [];
	for (const el of root.querySelectorAll('a[href], area[href], link[href]')) refs.push(el.getAttribute('href')!);
	for (const el of root.querySelectorAll('script[src], img[src], source[src], iframe[src], video[src], audio[src]')) {
		refs.push(el.getAttribute('src')!);
	}
	for (const el of root.querySelectorAll('img[srcset], source[srcset]')) {
		refs.push(
			...el
				.getAttribute('srcset')!
				.split(',')
				.map((part) => part.trim().split(/\s+/)[0] ?? ''),
		);
	}
	for (const el of root.querySelectorAll('form[action]')) refs.push(el.getAttribute('action')!);
	const refresh = root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content');
	const target = refresh && /url=(.+)$/i.exec(refresh)?.[1];
	if (target) refs.push(target.trim().replace(/^['"]|['"]$/g, ''));
	return refs.filter(Boolean);
}

/**
 * Every internal link of a built site that leads nowhere, as `page → link
 * (reason)`: addresses outside the base or with no file behind them, and
 * `#anchors` with no element of that id on the target page. Addresses with a
 * scheme or another host (`https:`, `mailto:`) are left to the privacy gate.
 */
export function brokenLinks(dist: string, base = '/'): string[] {
	const origin = 'http://site.invalid';
	const ids = new Map<string, Set<string>>();
	const idsOf = (file: string, root?: HTMLElement) => {
		let set = ids.get(file);
		if (!set) {
			const doc = root ?? parse(readFileSync(file, 'utf8'));
			set = new Set([
				...doc.querySelectorAll('[id]').map((el) => el.getAttribute('id')!),
				...doc.querySelectorAll('a[name]').map((el) => el.getAttribute('name')!),
			]);
			ids.set(file, set);
		}
		return set;
	};
	const broken: string[] = [];
	for (const page of listPages(dist, base)) {
		const root = parse(readFileSync(page.file, 'utf8'));
		idsOf(page.file, root);
		for (const ref of new Set(references(root))) {
			let url: URL;
			try {
				url = new URL(ref, origin + page.path);
			} catch {
				broken.push(`${page.path} → ${ref} (not a valid address)`);
				continue;
			}
			if (url.origin !== origin) continue;
			const target = fileFor(dist, base, url.pathname);
			if (!target) {
				broken.push(
					`${page.path} → ${ref} (${url.pathname.startsWith(base) ? 'no such page or file' : `outside the base ${base}`})`,
				);
				continue;
			}
			const fragment = decodeURIComponent(url.hash.slice(1));
			if (!fragment || fragment === 'top' || fragment.startsWith(':~:') || !target.endsWith('.html')) continue;
			if (!idsOf(target).has(fragment)) broken.push(`${page.path} → ${ref} (no element with id "${fragment}")`);
		}
	}
	return broken;
}

// ---------------------------------------------------------------------------
// Weight

/** A file a page loads, with its gzip size. */
export interface Loaded {
	/** Address (or `inline` for code inside the HTML). */
	url: string;
	bytes: number;
}

/** The gzip bytes a page loads before any interaction, by kind. */
export interface PageWeight {
	path: string;
	/** JavaScript: inline scripts, external scripts and their static imports, module preloads. */
	js: number;
	/** CSS: inline `<style>` and stylesheets (with their `@import`s). */
	css: number;
	/** The whole HTML document. */
	html: number;
	/** The HTML without the article body (the content of `[data-pagefind-body]` elements). */
	chrome: number;
	files: { js: Loaded[]; css: Loaded[] };
}

const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);
/** Static `import … from "x"`, `import "x"` and `export … from "x"`; dynamic `import()` is lazy and not followed. */
const STATIC_IMPORT = /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g;
const CSS_IMPORT = /@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g;

/**
 * Measures what a page costs a reader before any interaction: the gzip bytes
 * of its JavaScript, CSS and HTML, following the files it references (from
 * `dist`) and their static imports, but not what is only loaded on demand.
 * Files matching `lazy` (e.g. the search engine's own files) are left out.
 */
export function pageWeight(dist: string, page: SitePage, base = '/', lazy: (url: string) => boolean = () => false): PageWeight {
	const html = readFileSync(page.file, 'utf8');
	const root = parse(html);
	const origin = 'http://site.invalid';
	const read = (url: URL) => {
		const file = url.origin === origin ? fileFor(dist, base, url.pathname) : undefined;
		if (!file) throw new Error(`${page.path} loads ${url.href.replace(origin, '')}, which is not in the built site.`);
		return readFileSync(file);
	};
	const js: Loaded[] = [];
	const css: Loaded[] = [];
	const seen = new Set<string>();
	const followJs = (url: URL) => {
		const key = url.pathname;
		if (seen.has(key) || lazy(key)) return;
		seen.add(key);
		const code = read(url);
		js.push({ url: key, bytes: gzipSize(code) });
		for (const [, spec] of code.toString('utf8').matchAll(STATIC_IMPORT)) {
			if (spec && /^(\.{0,2}\/)/.test(spec)) followJs(new URL(spec, url));
		}
	};
	const followCss = (url: URL) => {
		const key = url.pathname;
		if (seen.has(key) || lazy(key)) return;
		seen.add(key);
		const code = read(url);
		css.push({ url: key, bytes: gzipSize(code) });
		for (const [, spec] of code.toString('utf8').matchAll(CSS_IMPORT)) if (spec) followCss(new URL(spec, url));
	};
	const pageUrl = new URL(page.path, origin);
	const inlineJs: string[] = [];
	for (const script of root.querySelectorAll('script')) {
		const type = (script.getAttribute('type') ?? '').toLowerCase();
		if (!EXECUTABLE.has(type)) continue;
		const src = script.getAttribute('src');
		if (src) followJs(new URL(src, pageUrl));
		else inlineJs.push(script.rawText);
	}
	for (const link of root.querySelectorAll('link[rel~="modulepreload"][href]'))
		followJs(new URL(link.getAttribute('href')!, pageUrl));
	for (const link of root.querySelectorAll('link[rel~="stylesheet"][href]'))
		followCss(new URL(link.getAttribute('href')!, pageUrl));
	const inlineCss = root.querySelectorAll('style').map((style) => style.rawText);
	if (inlineJs.length) js.unshift({ url: 'inline', bytes: gzipSize(inlineJs.join('\n')) });
	if (inlineCss.length) css.unshift({ url: 'inline', bytes: gzipSize(inlineCss.join('\n')) });
	for (const body of root.querySelectorAll('[data-pagefind-body]')) body.set_content('');
	const sum = (files: Loaded[]) => files.reduce((total, file) => total + file.bytes, 0);
	return {
		path: page.path,
		js: sum(js),
		css: sum(css),
		html: gzipSize(html),
		chrome: gzipSize(root.toString()),
		files: { js, css },
	};
}

/** Gzip byte limits for one kind of page. */
export interface Budget {
	js: number;
	css: number;
	chrome: number;
}

const describe = (files: Loaded[]) => files.map((f) => `${f.url} ${f.bytes} B`).join(', ');

/** Each limit a page goes over, naming the page, the bytes, the budget and what the bytes are made of. */
export function overBudget(weight: PageWeight, budget: Budget, label = ''): string[] {
	const name = label ? `${weight.path} (${label})` : weight.path;
	const problems: string[] = [];
	if (weight.js > budget.js)
		problems.push(`${name}: JavaScript is ${weight.js} B gzip, over its ${budget.js} B budget (${describe(weight.files.js)})`);
	if (weight.css > budget.css)
		problems.push(`${name}: CSS is ${weight.css} B gzip, over its ${budget.css} B budget (${describe(weight.files.css)})`);
	if (weight.chrome > budget.chrome) {
		problems.push(
			`${name}: page chrome is ${weight.chrome} B gzip of HTML, over its ${budget.chrome} B budget (whole page ${weight.html} B)`,
		);
	}
	return problems;
}

// ---------------------------------------------------------------------------
// HTML validation

/** The project's html-validate rules (`.htmlvalidate.json` at the root). */
export function htmlValidateConfig(root: string): ConfigData {
	return JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;
}

/** Every html-validate error on the given pages, as `page:line:column rule: message`. */
export async function invalidHtml(pages: SitePage[], config: ConfigData): Promise<string[]> {
	const validator = new HtmlValidate({ ...config, root: true });
	const problems: string[] = [];
	for (const page of pages) {
		const report = await validator.validateString(readFileSync(page.file, 'utf8'), page.file);
		for (const result of report.results) {
			for (const m of result.messages) problems.push(`${page.path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
		}
	}
	return problems;
}

// ---------------------------------------------------------------------------
// Privacy

/** The requests a page made: those that stayed on the site's origin, and those that did not. */
export interface Requests {
	/** Every request to the site itself, as addresses. */
	onOrigin: string[];
	/** Requests to anywhere else, as `type address`; each was blocked, so nothing was sent. */
	offOrigin: string[];
}

/**
 * Loads `url` in a fresh browser context and records every request it makes,
 * blocking those that leave the site's origin. `interact` runs after load,
 * e.g. to open search, so that lazily loaded files are covered too.
 */
export async function requestsOf(browser: Browser, url: string, interact?: (page: Page) => Promise<void>): Promise<Requests> {
	const origin = new URL(url).origin;
	const inside = (target: string) => target.startsWith(`${origin}/`) || /^(data|blob):/.test(target);
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const onOrigin = new Set<string>();
	const offOrigin = new Set<string>();
	let inFlight = 0;
	let started = 0;
	const settle = () => inFlight--;
	context.on('request', (request) => {
		inFlight++;
		started++;
		if (inside(request.url())) onOrigin.add(request.url());
		else offOrigin.add(`${request.resourceType()} ${request.url()}`);
	});
	context.on('requestfinished', settle);
	context.on('requestfailed', settle);
	/**
	 * Waits until the page is idle with no request open, and going idle again
	 * started none (Playwright's "networkidle" fires once per load, not after later clicks).
	 */
	const idle = async (page: Page, timeout = 15_000) => {
		const deadline = performance.now() + timeout;
		for (;;) {
			const before = started;
			await pageIdle(page);
			if (inFlight === 0 && started === before) return;
			if (performance.now() > deadline) throw new Error(`${url} still had ${inFlight} request(s) open after ${timeout} ms.`);
			while (inFlight > 0 && performance.now() < deadline) await new Promise((wait) => setTimeout(wait, 20));
		}
	};
	await context.route('**/*', (route) => (inside(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
	try {
		const page = await context.newPage();
		page.on('websocket', (socket) => offOrigin.add(`websocket ${socket.url()}`));
		await page.goto(url, { waitUntil: 'load' });
		await idle(page);
		if (interact) {
			await interact(page);
			await idle(page);
		}
	} finally {
		await context.close();
	}
	return { onOrigin: [...onOrigin], offOrigin: [...offOrigin] };
}

/** A page's address relative to a served site's URL (which ends in the base). */
export function served(siteUrl: string, page: SitePage, base = '/'): string {
	return new URL(page.path.slice(base.length), siteUrl).href;
}
