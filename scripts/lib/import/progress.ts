// A progress bar for long imports, drawn only on a terminal.

/** One line of the bar: `Converting posts [#####.....] 120/500`. */
export function progressLine(done: number, total: number, step: string, width = 30): string {
	const share = total ? Math.min(1, done / total) : 1;
	const filled = Math.round(share * width);
	return `${step} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

/** Smallest number of items worth a bar. */
export const PROGRESS_FROM = 20;

interface Output {
	isTTY?: boolean;
	write(text: string): unknown;
}

/**
 * Draws the bar on `out` when it is a terminal and the work is large, at most
 * once per whole percent; prints nothing when output goes to a file or a pipe.
 */
export function progressBar(out: Output) {
	let shown = '';
	let drawn = false;
	return {
		update(done: number, total: number, step: string) {
			if (!out.isTTY || total < PROGRESS_FROM) return;
			const line = progressLine(done, total, step);
			const key = `${step}${Math.floor((done / total) * 100)}`;
			if (key === shown) return;
			shown = key;
			drawn = true;
			out.write(`\r\x1b[2K${line}`);
		},
		done() {
			if (drawn) out.write('\r\x1b[2K');
			drawn = false;
		},
	};
}
