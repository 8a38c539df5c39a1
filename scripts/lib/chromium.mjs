/**
 * Finds a Chromium for the browser tests and `npm run audit`, in this order:
 *
 * 1. `CHROMIUM_PATH` (or `CHROME_PATH`), when set: used as it is, or an error says it does not start;
 * 2. the system's Chromium or Chrome, where one starts;
 * 3. the Chromium inside the `@sparticuz/chromium` package (a devDependency), unpacked once
 *    into `node_modules/.cache/`, with the libraries it brings for systems that lack them.
 *
 * The answer is cached for the process and handed to child processes through the
 * environment (`CHROMIUM_PATH`, `PACTBOOK_CHROMIUM_LIBS`), so test workers do not unpack it again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

const SYSTEM = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome-stable',
	'/usr/bin/google-chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * @typedef {object} ChromiumFound
 * @property {string} executablePath the browser binary
 * @property {Record<string, string>} env variables the browser needs on top of the process's own
 * @property {'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium'} source where it came from
 * @property {string} version what `--version` printed
 */

/** @type {Promise<ChromiumFound> | undefined} */
let found;

/**
 * The Chromium to use; see the module comment for the order.
 * @returns {Promise<ChromiumFound>}
 */
export function findChromium() {
	found ??= lookup();
	return found;
}

/** @param {string} path @param {Record<string, string>} env */
function version(path, env = {}) {
	try {
		return execFileSync(path, ['--version'], {
			env: { ...process.env, ...env },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: 20_000,
		}).trim();
	} catch {
		return undefined;
	}
}

/** @returns {Promise<ChromiumFound>} */
async function lookup() {
	const chosen = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
	if (chosen) {
		const libs = process.env.PACTBOOK_CHROMIUM_LIBS;
		const env = libs ? withLibraries(libs) : {};
		const printed = version(chosen, env);
		if (!printed)
			throw new Error(
				`CHROMIUM_PATH is ${chosen}, which does not start (\`${chosen} --version\` failed). Point it at a working Chromium, or unset it to let Pactbook find one.`,
			);
		return { executablePath: chosen, env, source: 'CHROMIUM_PATH', version: printed };
	}
	for (const path of SYSTEM) {
		if (!existsSync(path)) continue;
		const printed = version(path);
		if (printed) return { executablePath: path, env: {}, source: 'system', version: printed };
	}
	return packaged();
}

/** @param {string} libs */
function withLibraries(libs) {
	const current = process.env.LD_LIBRARY_PATH;
	return { PACTBOOK_CHROMIUM_LIBS: libs, LD_LIBRARY_PATH: current ? `${current}:${libs}` : libs };
}

/**
 * Unpacks `@sparticuz/chromium` into node_modules/.cache/chromium-<version>/ (once: the
 * folder is written under a temporary name and renamed when complete).
 * @returns {Promise<ChromiumFound>}
 */
async function packaged() {
	let entry;
	try {
		// The package exports only its entry point (build/index.js), not its package.json.
		entry = createRequire(join(ROOT, 'package.json')).resolve('@sparticuz/chromium');
	} catch {
		throw new Error(
			'No Chromium found: none on the system, and @sparticuz/chromium is not installed. Run `npm install` (it brings one), install Chromium, or set CHROMIUM_PATH.',
		);
	}
	const manifest = join(entry, '../../package.json');
	const packageVersion = JSON.parse(readFileSync(manifest, 'utf8')).version;
	const bin = join(manifest, '../bin');
	const target = join(ROOT, 'node_modules/.cache', `chromium-${packageVersion}`);
	if (!existsSync(join(target, 'chromium'))) {
		const partial = `${target}.${process.pid}.partial`;
		rmSync(partial, { recursive: true, force: true });
		mkdirSync(partial, { recursive: true });
		const { inflate } = await import('@sparticuz/chromium');
		// inflate() unpacks into os.tmpdir(), which follows TMPDIR.
		const tmpdir = process.env.TMPDIR;
		process.env.TMPDIR = partial;
		try {
			await Promise.all(['chromium.br', 'al2023.tar.br', 'swiftshader.tar.br'].map((file) => inflate(join(bin, file))));
		} finally {
			if (tmpdir === undefined) delete process.env.TMPDIR;
			else process.env.TMPDIR = tmpdir;
		}
		try {
			renameSync(partial, target);
		} catch (error) {
			// Another process unpacked it first.
			rmSync(partial, { recursive: true, force: true });
			if (!existsSync(join(target, 'chromium'))) throw error;
		}
	}
	const executablePath = join(target, 'chromium');
	// Its own copies of NSS, for systems without them; the system's are preferred where present.
	for (const env of [{}, withLibraries(join(target, 'al2023/lib'))]) {
		const printed = version(executablePath, env);
		if (printed) return { executablePath, env, source: '@sparticuz/chromium', version: printed };
	}
	throw new Error(
		`The Chromium from @sparticuz/chromium (${executablePath}) does not start on this system. Install Chromium (on Debian and Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`,
	);
}

/**
 * Flags for headless runs with no background networking, so that the only requests the browser
 * makes are the ones pages make. The packaged build is a headless shell that runs as one process.
 * @param {ChromiumFound} chromium
 */
export function chromiumFlags(chromium) {
	return [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		...(chromium.source === '@sparticuz/chromium' ? ['--no-zygote', '--use-angle=swiftshader'] : []),
	];
}
