/**
 * Serves a built site on 127.0.0.1 the way a static host does, for scripts
 * (the tests use test/helpers/server.ts, which behaves the same): `/x/` serves
 * `x/index.html`, unknown paths get `404.html` with status 404, and responses
 * are compressed with gzip when the browser accepts it, as hosts do.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

/** Starts the server; resolves with its URL (origin plus base) and a `close` function. */
export async function serve(dist, base = '/') {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file;
		if (path.startsWith(base)) {
			const candidate = normalize(join(dist, path.slice(base.length)));
			if (candidate.startsWith(dist)) {
				const target = existsSync(candidate) && statSync(candidate).isDirectory() ? join(candidate, 'index.html') : candidate;
				if (existsSync(target) && statSync(target).isFile()) file = target;
			}
		}
		const status = file ? 200 : 404;
		file ??= join(dist, '404.html');
		if (!existsSync(file)) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		const ext = extname(file);
		const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		res.writeHead(status, {
			'content-type': TYPES[ext] ?? 'application/octet-stream',
			'cache-control': path.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
			...(gzip ? { 'content-encoding': 'gzip' } : {}),
		});
		const stream = createReadStream(file);
		(gzip ? stream.pipe(createGzip()) : stream).pipe(res);
	});
	await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}${base}`,
		// Ends the connections a browser still holds open too: `close` alone waits for them, however long they stay.
		close: () =>
			new Promise((done) => {
				server.close(() => done());
				server.closeAllConnections();
			}),
	};
}
