/**
 * The per-section bar chart as inline SVG, for one assessment or several side
 * by side. Decorative for assistive technology (`aria-hidden`): the table
 * next to it says the same.
 */

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Fills for up to four series, told apart by pattern as well as shade (print, colour blindness). */
const SERIES = ['pb-q-s1', 'pb-q-s2', 'pb-q-s3', 'pb-q-s4'];

/**
 * A horizontal bar per section and series: `rows` are sections with one
 * percentage (or `undefined`, nothing to show) per series.
 */
export function sectionChart(rows: { title: string; percents: (number | undefined)[] }[]): string {
	const series = Math.max(1, ...rows.map((r) => r.percents.length));
	const bar = 14;
	const gap = 10;
	const label = 18;
	const rowHeight = label + series * (bar + 2) + gap;
	const width = 320;
	let y = 0;
	const parts: string[] = [];
	for (const row of rows) {
		parts.push(`<text x="0" y="${y + 13}" class="pb-q-label">${esc(row.title)}</text>`);
		row.percents.forEach((percent, i) => {
			const top = y + label + i * (bar + 2);
			const w = percent === undefined ? 0 : Math.round((Math.max(0, Math.min(100, percent)) / 100) * (width - 44));
			parts.push(`<rect x="0" y="${top}" width="${width - 44}" height="${bar}" class="pb-q-track"/>`);
			if (w > 0) parts.push(`<rect x="0" y="${top}" width="${w}" height="${bar}" class="${SERIES[i % SERIES.length]}"/>`);
			parts.push(
				`<text x="${width - 40}" y="${top + 11}" class="pb-q-value">${percent === undefined ? '–' : `${Math.round(percent)}%`}</text>`,
			);
		});
		y += rowHeight;
	}
	return `<svg class="pb-q-chart" viewBox="0 0 ${width} ${Math.max(y, 1)}" width="100%" role="img" aria-hidden="true" focusable="false">${parts.join('')}</svg>`;
}
