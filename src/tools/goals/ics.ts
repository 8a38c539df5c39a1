/**
 * An iCalendar file of a goal's due dates, written by ical-generator: every
 * micro goal with a due date and the goal's own due date as all-day events,
 * and optionally a weekly all-day check-in until the due date. ical-generator
 * escapes commas, semicolons, backslashes and line breaks, and folds lines at
 * 75 octets without splitting a character, as RFC 5545 asks.
 */
import ical from 'ical-generator';
import { dayNumber, type MacroGoal, STATUS_LABELS } from './model.ts';

export interface IcsOptions {
	/** Add a weekly check-in from this day (YYYY-MM-DD) until the goal's due date. */
	weeklyFrom?: string | undefined;
	/** DTSTAMP of every event (the time of the export). */
	now: Date;
}

const utc = (day: string) => new Date(dayNumber(day) * 86_400_000);

/** The calendar as text, lines ending in CRLF. */
export function goalCalendar(goal: MacroGoal, { weeklyFrom, now }: IcsOptions): string {
	const calendar = ical({
		// ical-generator leaves the calendar's name as it is: escape it as TEXT here.
		name: `${goal.title} (${goal.partner})`.replace(/[\\;,]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n'),
		prodId: { company: 'Pactbook', product: 'Goal builder', language: 'EN' },
	});
	for (const m of goal.micro) {
		if (!m.due || m.status === 'dropped') continue;
		const measure = m.measure
			? `${m.measure}: ${m.measureActual ?? 0}${m.measureTarget === null ? '' : ` of ${m.measureTarget}`}`
			: '';
		calendar.createEvent({
			id: `${m.id}@pactbook-goals`,
			start: utc(m.due),
			allDay: true,
			stamp: now,
			summary: `${m.action} (${goal.partner})`,
			description: [
				`Micro goal for “${goal.title}”.`,
				`Status: ${STATUS_LABELS[m.status]}.`,
				m.owner && `Owner: ${m.owner}.`,
				measure,
				m.notes,
			]
				.filter(Boolean)
				.join('\n'),
		});
	}
	calendar.createEvent({
		id: `${goal.id}@pactbook-goals`,
		start: utc(goal.dueDate),
		allDay: true,
		stamp: now,
		summary: `Due: ${goal.title} (${goal.partner})`,
		description: `${goal.metric}: target ${goal.target}${goal.unit ? ` ${goal.unit}` : ''}.`,
	});
	if (weeklyFrom && weeklyFrom <= goal.dueDate) {
		calendar.createEvent({
			id: `${goal.id}-weekly@pactbook-goals`,
			start: utc(weeklyFrom),
			allDay: true,
			stamp: now,
			summary: `Check in: ${goal.title} (${goal.partner})`,
			description: `Record this week’s ${goal.metric} and your confidence in the goal builder.`,
			// UNTIL has the all-day start's value type (a date), as RFC 5545 requires.
			repeating: `RRULE:FREQ=WEEKLY;UNTIL=${goal.dueDate.replaceAll('-', '')}`,
		});
	}
	return calendar.toString();
}
