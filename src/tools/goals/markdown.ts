/**
 * The status update to paste into an email: wins first, then the gap to the
 * expected pace, then what changed since the last update, then the plan.
 */
import { type MacroGoal, type Snapshot, STATUS_LABELS } from './model.ts';
import {
	forecastSentence,
	formatValue,
	measureText,
	paceSentence,
	percent,
	progressSentence,
	STATUS_TEXT,
	sortedCheckIns,
	summarise,
} from './progress.ts';

/**
 * Reader text as one line of Markdown: line breaks become spaces and the
 * characters Markdown would read as formatting or HTML are escaped, so
 * `<img …>` stays text wherever the update is pasted.
 */
export function mdText(value: string): string {
	return value
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** What the next update compares itself with. */
export function snapshot(goal: MacroGoal, today: string): Snapshot {
	return {
		date: today,
		value: summarise(goal, today).value,
		checkIns: goal.checkIns.length,
		micro: Object.fromEntries(goal.micro.map((m) => [m.id, m.status])),
	};
}

/** Lines saying what changed between `previous` and now. */
export function changesSince(goal: MacroGoal, today: string, previous: Snapshot | null): string[] {
	if (!previous) return ['This is the first status update for this goal.'];
	const lines: string[] = [];
	const value = summarise(goal, today).value;
	if (value !== previous.value)
		lines.push(
			`${mdText(goal.metric)} moved from ${formatValue(previous.value, goal.unit)} to ${formatValue(value, goal.unit)}.`,
		);
	const added = goal.checkIns.length - previous.checkIns;
	if (added > 0) lines.push(`${added} new check-in${added === 1 ? '' : 's'}.`);
	for (const m of goal.micro) {
		const before = previous.micro[m.id];
		if (before === undefined) lines.push(`New micro goal: ${mdText(m.action)} (${STATUS_LABELS[m.status].toLowerCase()}).`);
		else if (before !== m.status)
			lines.push(`${mdText(m.action)}: ${STATUS_LABELS[before].toLowerCase()} → ${STATUS_LABELS[m.status].toLowerCase()}.`);
	}
	const removed = Object.keys(previous.micro).filter((id) => !goal.micro.some((m) => m.id === id)).length;
	if (removed > 0) lines.push(`${removed} micro goal${removed === 1 ? '' : 's'} removed.`);
	return lines.length ? lines : ['Nothing changed.'];
}

function measure(m: MacroGoal['micro'][number]): string {
	const text = measureText(m, mdText);
	return text && ` (${text})`;
}

/** The status update for `goal` on `today`, comparing with `goal.lastExport`. */
export function statusUpdate(goal: MacroGoal, today: string): string {
	const s = summarise(goal, today);
	const lines = [
		`# ${mdText(goal.title)}: status update`,
		'',
		`${mdText(goal.partner)} · ${mdText(goal.metric)} · ${today}`,
		'',
		'## Wins',
		'',
	];
	if (s.wins.length === 0) lines.push('No micro goal is done yet.');
	for (const w of s.wins) lines.push(`- ${w.doneOn ? `${w.doneOn}: ` : ''}${mdText(w.action)}${measure(w)}`);
	lines.push(
		'',
		'## Pace',
		'',
		`**${STATUS_TEXT[s.status]}.** ${formatValue(s.value, goal.unit)} against a target of ${formatValue(goal.target, goal.unit)} by ${goal.dueDate} (start ${formatValue(goal.start, goal.unit)}).`,
		'',
		`- ${progressSentence(s)}`,
		`- ${paceSentence(s)}`,
		`- ${forecastSentence(s.forecast, goal.dueDate)}`,
	);
	if (s.stretch !== undefined && goal.stretch !== null)
		lines.push(`- ${percent(s.stretch)} of the stretch target of ${formatValue(goal.stretch, goal.unit)}.`);
	const confidence = sortedCheckIns(goal).at(-1)?.confidence;
	if (confidence !== undefined) lines.push(`- Confidence at the last check-in: ${confidence} out of 10.`);
	if (s.overdue.length) lines.push(`- Overdue: ${s.overdue.map((m) => `${mdText(m.action)} (due ${m.due})`).join('; ')}.`);
	lines.push('', `## Since the last update${goal.lastExport ? ` (${goal.lastExport.date})` : ''}`, '');
	for (const line of changesSince(goal, today, goal.lastExport)) lines.push(`- ${line}`);
	lines.push('', '## Micro goals', '');
	if (goal.micro.length === 0) lines.push('No micro goal yet.');
	for (const m of goal.micro) {
		const details = [STATUS_LABELS[m.status], m.owner && mdText(m.owner), m.due && `due ${m.due}`].filter(Boolean).join(', ');
		lines.push(`- [${m.status === 'done' ? 'x' : ' '}] ${mdText(m.action)}${measure(m)}: ${details}`);
		const dropped = m.tactics.filter((t) => t.verdict === 'drop');
		for (const t of dropped)
			lines.push(`  - Dropped tactic: ${mdText(t.what)}${t.lesson ? `. Lesson: ${mdText(t.lesson)}` : ''}`);
	}
	return `${lines.join('\n')}\n`;
}
