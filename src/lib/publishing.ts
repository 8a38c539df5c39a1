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

/** An issue as the order check reads it. */
export interface NumberedIssue {
	number: number;
	date: Date;
}

/**
 * Issues dated before the issue numbered just below them (`#25` dated before
 * `#21`, the next lower number), each with that issue. The archive, feeds and
 * previous/next links follow the dates, so readers would meet them out of turn.
 */
export function datesOutOfOrder<T extends NumberedIssue>(issues: readonly T[]): { issue: T; after: T }[] {
	const byNumber = [...issues].sort((a, b) => a.number - b.number);
	const found: { issue: T; after: T }[] = [];
	for (let i = 1; i < byNumber.length; i++) {
		const [after, issue] = [byNumber[i - 1]!, byNumber[i]!];
		if (issue.number > after.number && issue.date.getTime() < after.date.getTime()) found.push({ issue, after });
	}
	return found;
}

/** The build's warning for {@link datesOutOfOrder}, naming at most three of them. */
export function outOfOrderLine(found: readonly { issue: NumberedIssue; after: NumberedIssue }[]): string | undefined {
	if (!found.length) return undefined;
	const day = (date: Date) => date.toISOString().slice(0, 10);
	const named = found
		.slice(0, 3)
		.map(({ issue, after }) => `#${issue.number} (${day(issue.date)}) is dated before #${after.number} (${day(after.date)})`);
	const more = found.length > 3 ? `, and ${found.length - 3} more` : '';
	return `Issue numbers and dates disagree: ${named.join('; ')}${more}. The archive, the feeds and the previous/next links follow the dates; check the number or the date.`;
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
