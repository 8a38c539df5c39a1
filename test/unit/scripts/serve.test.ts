import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { serve } from '../../../scripts/lib/serve.mjs';
import { TMP } from '../../helpers/build.ts';

test('closing the static server ends connections a client still holds open, instead of waiting for them', async () => {
	const dist = join(TMP, 'serve-close');
	mkdirSync(dist, { recursive: true });
	writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Home</title>');
	const site = await serve(dist);
	const { port } = new URL(site.url);
	// A request whose headers never end, as a browser tab left open can hold a connection.
	const socket = connect(Number(port), '127.0.0.1');
	// The server resets it: that is the point.
	socket.on('error', () => {});
	await new Promise<void>((ready) => socket.once('connect', () => ready()));
	socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
	const ended = new Promise<void>((done) => socket.once('close', () => done()));
	await site.close();
	await ended;
	expect(socket.destroyed).toBe(true);
});
