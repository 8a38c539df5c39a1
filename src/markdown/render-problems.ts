import { sep } from 'node:path';
import { ContentError, type Problem } from '../schemas/problems.ts';

/**
 * Problems found while rendering an article, kept by absolute file path until
 * the content loader collects them. Astro's loader only logs a render error of
 * a `.md` file and builds on without its body; Pactbook's loader turns these
 * into a failed build. Kept on `globalThis` because this file is loaded more
 * than once in one process: with the Astro config (the Markdown plugins that
 * record), by Vite with `content.config.ts` (the loader that collects) and in
 * the page renderer (`data/render-entry.ts`, which shows a problem in `astro
 * dev`); a module-level map would be a different one in each.
 */
const RENDER_PROBLEMS = Symbol.for('pactbook.render-problems');
function renderProblems(): Map<string, Problem[]> {
	const store = globalThis as { [RENDER_PROBLEMS]?: Map<string, Problem[]> };
	store[RENDER_PROBLEMS] ??= new Map();
	return store[RENDER_PROBLEMS];
}

/** Records what is wrong in `filePath` for the loader, then stops this render. */
export function failRender(filePath: string, problems: Problem[]): never {
	recordRenderProblems(filePath, problems);
	throw new ContentError(problems);
}

/** Keeps a file's problems for its page to show, without stopping what runs now. */
export function recordRenderProblems(filePath: string, problems: Problem[]): void {
	renderProblems().set(filePath, problems);
}

/** Forgets a file's problems when it is rendered again. */
export function forgetRenderProblems(filePath: string): void {
	renderProblems().delete(filePath);
}

/** The render problems of one file, if its last render failed. */
export function peekRenderProblems(filePath: string): Problem[] | undefined {
	return renderProblems().get(filePath);
}

/** Returns and forgets the render problems of files under `folder`. */
export function takeRenderProblems(folder: string): Map<string, Problem[]> {
	const found = new Map<string, Problem[]>();
	for (const [file, problems] of renderProblems()) {
		if (!file.startsWith(folder.endsWith(sep) ? folder : folder + sep)) continue;
		found.set(file, problems);
		renderProblems().delete(file);
	}
	return found;
}
