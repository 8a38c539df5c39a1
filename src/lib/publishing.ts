/** Whether an article is in the built site: published, a draft, or dated in the future. */
export type Status = 'published' | 'draft' | 'scheduled';

/**
 * The status of an article at `now`. Only issues are scheduled by their date;
 * pass no date for articles that are never scheduled.
 */
export function statusOf(draft: boolean, date: Date | undefined, now: Date): Status {
	if (draft) return 'draft';
	if (date && date.getTime() > now.getTime()) return 'scheduled';
	return 'published';
}

/** Numbers missing between the lowest and the highest issue number. */
export function numberGaps(numbers: readonly number[]): number[] {
	const present = new Set(numbers);
	const gaps: number[] = [];
	if (present.size === 0) return gaps;
	const sorted = [...present].sort((a, b) => a - b);
	for (let n = sorted[0]!; n <= sorted.at(-1)!; n++) if (!present.has(n)) gaps.push(n);
	return gaps;
}

/** One line a held-back article gets in the build output. */
export function heldBackLine(file: string, status: Exclude<Status, 'published'>, date: Date | undefined): string {
	return status === 'draft' ? `${file} (draft)` : `${file} (scheduled for ${date?.toISOString().slice(0, 10)})`;
}

/** Describes a list of numbers compactly: "7, 9–11". */
export function describeNumbers(numbers: readonly number[]): string {
	const runs: string[] = [];
	for (let i = 0; i < numbers.length; ) {
		let j = i;
		while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
		runs.push(i === j ? `${numbers[i]}` : `${numbers[i]}–${numbers[j]}`);
		i = j + 1;
	}
	return runs.join(', ');
}
