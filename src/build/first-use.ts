import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Added to an import of a browser module to get its address instead of its code. */
const QUERY = '?first-use';

interface EmitContext {
	emitFile(file: { type: 'chunk'; id: string }): string;
}

/**
 * Code a tool needs only when the reader does something rarely done (export,
 * import): `import url from './x.ts?first-use'` gives the address of `x.ts`,
 * built as a chunk of its own, and `await import(url)` loads it then. Unlike a
 * plain `import('./x.ts')`, this adds no loader code to the page's script
 * (Vite's preload helper weighs about 0.7 kB gzip), so the page stays within
 * its size budget. In `astro dev` the address is the source file's.
 */
export default function firstUse(): AstroIntegration {
	return {
		name: 'pactbook-first-use',
		hooks: {
			'astro:config:setup'({ config, command, updateConfig }) {
				const root = fileURLToPath(config.root);
				const base = config.base.replace(/\/?$/, '/');
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'pactbook-first-use',
								load(this: EmitContext, id: string) {
									if (!id.endsWith(QUERY)) return undefined;
									const file = id.slice(0, -QUERY.length);
									if (command === 'dev') {
										// The dev server serves files under its root by path, others (a moved root) under /@fs/.
										const inside = file.startsWith(root.endsWith(sep) ? root : root + sep);
										const path = (inside ? relative(root, file) : file).split(sep).join('/').replace(/^\//, '');
										const address = `${base}${inside ? '' : '@fs/'}${path}`;
										return `export default ${JSON.stringify(address)};`;
									}
									const ref = this.emitFile({ type: 'chunk', id: file });
									return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
								},
							},
						],
					},
				});
			},
		},
	};
}
