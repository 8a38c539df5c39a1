import fc from 'fast-check';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, checkInCsv, microCsv } from '../../../../src/tools/goals/csv.ts';
import { goalCalendar } from '../../../../src/tools/goals/ics.ts';
import { changesSince, mdText, snapshot, statusUpdate } from '../../../../src/tools/goals/markdown.ts';
import { measureText } from '../../../../src/tools/goals/progress.ts';
import { checkIn, goal, micro } from './fixtures.ts';

const tricky = 'Acme, Inc.; "the big one"\nsecond line — ünïcødé 🚀 日本語 <img src=x onerror=alert(1)>';
const now = new Date('2026-05-01T09:30:00Z');

describe('Markdown status update', () => {
	const g = goal({
		checkIns: [checkIn('2026-02-01', 10), checkIn('2026-04-01', 20, 6)],
		micro: [
			micro({
				id: 'a',
				action: 'Enablement session',
				status: 'done',
				doneOn: '2026-03-02',
				measure: 'reps trained',
				measureTarget: 10,
				measureActual: 12,
			}),
			micro({ id: 'b', action: 'Joint webinar', due: '2026-04-15' }),
			micro({
				id: 'c',
				action: 'Cold email blast',
				status: 'dropped',
				tactics: [
					{
						id: 't1',
						what: 'Mass email to their reps',
						expected: '5 replies',
						when: '2026-02-10',
						happened: '0 replies',
						verdict: 'drop',
						lesson: 'Reps want a call',
					},
				],
			}),
		],
	});
	test('wins first, then the gap to pace, then what changed, then the plan', () => {
		const md = statusUpdate(g, '2026-05-01');
		const order = ['## Wins', '## Pace', '## Since the last update', '## Micro goals'].map((h) => md.indexOf(h));
		expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
		expect(md).toContain('- 2026-03-02: Enablement session (reps trained: 12 of 10)');
		expect(md).toContain('**At risk.** 20 USD against a target of 100 USD by 2026-12-31');
		expect(md).toMatch(/- 13 points behind pace: 33% was expected by 2026-05-01\./);
		expect(md).toContain('- Overdue: Joint webinar (due 2026-04-15).');
		expect(md).toContain('- This is the first status update for this goal.');
		expect(md).toContain('  - Dropped tactic: Mass email to their reps. Lesson: Reps want a call');
	});
	test('says what changed since the last export', () => {
		const before = snapshot(g, '2026-05-01');
		const later = {
			...g,
			lastExport: before,
			checkIns: [...g.checkIns, checkIn('2026-05-20', 35)],
			micro: [{ ...g.micro[1]!, status: 'in-progress' as const }, g.micro[2]!, micro({ id: 'd', action: 'Battle card' })],
		};
		expect(changesSince(later, '2026-06-01', later.lastExport)).toEqual([
			'Partner-sourced revenue moved from 20 USD to 35 USD.',
			'1 new check-in.',
			'Joint webinar: planned → in progress.',
			'New micro goal: Battle card (planned).',
			'1 micro goal removed.',
		]);
		expect(statusUpdate(later, '2026-06-01')).toContain('## Since the last update (2026-05-01)');
		expect(changesSince(g, '2026-05-01', before)).toEqual(['Nothing changed.']);
	});
	test('a measure reads the same on the page and in the update, named or not, with true minus signs', () => {
		const unnamed = micro({ action: 'Cut churn', measureTarget: -3 });
		const named = micro({ action: 'Train reps', measure: 'reps *trained*', measureTarget: 1500, measureActual: 12 });
		expect([measureText(unnamed), measureText(named)]).toEqual(['Measure: 0 of −3', 'reps *trained*: 12 of 1,500']);
		const md = statusUpdate(goal({ micro: [unnamed, named] }), '2026-05-01');
		expect(md).toContain('- [ ] Cut churn (Measure: 0 of −3): Planned');
		expect(md).toContain('- [ ] Train reps (reps \\*trained\\*: 12 of 1,500): Planned');
		expect(md).not.toContain('(:');
	});
	test('reader text stays text: no HTML, no formatting, one line', () => {
		expect(mdText(tricky)).toBe('Acme, Inc.; "the big one" second line — ünïcødé 🚀 日本語 \\<img src=x onerror=alert(1)\\>');
		expect(mdText('*bold* _it_ [link](x) # h')).toBe('\\*bold\\* \\_it\\_ \\[link\\](x) \\# h');
		const md = statusUpdate(goal({ title: tricky, micro: [micro({ action: tricky })] }), '2026-05-01');
		expect(md).not.toMatch(/[^\\]<img/);
	});
});

describe('CSV', () => {
	test('quotes commas, quotes, line breaks and keeps Unicode, read back by a CSV parser', () => {
		const g = goal({
			title: tricky,
			partner: tricky,
			micro: [micro({ action: tricky, notes: 'a\r\nb', owner: 'Zoë', measureTarget: 3 })],
		});
		const csv = microCsv(g);
		const rows = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
		expect(rows[0]).toEqual([...CSV_COLUMNS]);
		expect(rows[1]!.slice(0, 4)).toEqual([tricky, tricky, tricky, 'Zoë']);
		expect(rows[1]![7]).toBe('3');
		expect(rows[1]![11]).toBe('a\r\nb');
		expect(csv).toContain('"Acme, Inc.; ""the big one""');
	});
	test('a cell a spreadsheet would run as a formula is defused', () => {
		const rows = Papa.parse<string[]>(microCsv(goal({ micro: [micro({ action: '=HYPERLINK("x")' })] })).trimEnd()).data;
		expect(rows[1]![2]).toBe('\'=HYPERLINK("x")');
	});
	test('negative numbers stay numbers, while text that starts like a formula is defused', () => {
		const g = goal({
			micro: [
				micro({
					action: '=cmd|" /C calc"!A0',
					owner: '@owner',
					measure: '+tactic',
					notes: '-x',
					measureTarget: -3,
					measureActual: -1.5,
					contribution: -500,
				}),
			],
			checkIns: [checkIn('2026-02-01', -500, 0, '-2 deals')],
		});
		const csv = microCsv(g);
		const row = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data[1]!;
		expect(row.slice(7, 10)).toEqual(['-3', '-1.5', '-500']);
		expect([row[2], row[3], row[6], row[11]]).toEqual(['\'=cmd|" /C calc"!A0', "'@owner", "'+tactic", "'-x"]);
		const checkInCsvText = checkInCsv(g);
		expect(checkInCsvText).toContain('\r\n2026-02-01,-500,0,"\'-2 deals"\r\n');
		expect(Papa.parse<string[]>(checkInCsvText.trimEnd(), { newline: '\r\n' }).data[1]).toEqual([
			'2026-02-01',
			'-500',
			'0',
			"'-2 deals",
		]);
	});
	test('any number is written as the number itself', () => {
		fc.assert(
			fc.property(
				fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
				(value) => {
					const g = goal({ micro: [micro({ action: 'A', contribution: value })], checkIns: [checkIn('2026-02-01', value)] });
					const micros = Papa.parse<string[]>(microCsv(g).trimEnd(), { newline: '\r\n' }).data;
					const checkIns = Papa.parse<string[]>(checkInCsv(g).trimEnd(), { newline: '\r\n' }).data;
					expect([Number(micros[1]![9]), Number(checkIns[1]![1])]).toEqual([value, value]);
				},
			),
		);
	});
	test('any text survives the round trip', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 40 }),
				fc.string({ unit: 'binary', maxLength: 40 }),
				(action, note) => {
					fc.pre(!/^[=+\-@\t\r]/.test(action) && !/^[=+\-@\t\r]/.test(note) && action.trim() !== '');
					const g = goal({ micro: [micro({ action, notes: note })], checkIns: [checkIn('2026-02-01', 1, 5, note)] });
					const rows = Papa.parse<string[]>(microCsv(g).slice(0, -2), { newline: '\r\n' }).data;
					expect([rows[1]![2], rows[1]![11]]).toEqual([action, note]);
					const checkRows = Papa.parse<string[]>(checkInCsv(g).slice(0, -2), { newline: '\r\n' }).data;
					expect(checkRows[1]).toEqual(['2026-02-01', '1', '5', note]);
				},
			),
		);
	});
});

describe('iCalendar', () => {
	const g = goal({
		title: tricky,
		micro: [
			micro({ id: 'a', action: tricky, due: '2026-03-04', notes: `long ${'é'.repeat(120)}` }),
			micro({ id: 'b', action: 'No date' }),
			micro({ id: 'c', action: 'Dropped one', due: '2026-03-05', status: 'dropped' }),
		],
	});
	const ics = goalCalendar(g, { weeklyFrom: '2026-01-05', now });
	const events = () => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));

	test('parses with a real iCalendar parser, text intact', () => {
		const [first] = events();
		expect(first!.summary).toBe(`${tricky} (Acme)`);
		expect(first!.description).toContain(`long ${'é'.repeat(120)}`);
		expect(first!.uid).toBe('a@pactbook-goals');
	});
	test('due dates are all-day events; undated and dropped micro goals are left out', () => {
		const list = events();
		expect(list.map((e) => e.uid)).toEqual(['a@pactbook-goals', 'g1@pactbook-goals', 'g1-weekly@pactbook-goals']);
		expect(list[0]!.startDate.isDate).toBe(true);
		expect(list[0]!.startDate.toString()).toBe('2026-03-04');
		expect(list[1]!.startDate.toString()).toBe('2026-12-31');
	});
	test('the optional weekly check-in repeats until the due date', () => {
		const weekly = events()[2]!;
		expect(weekly.isRecurring()).toBe(true);
		const it = weekly.iterator();
		const days: string[] = [];
		for (let next = it.next(); next; next = it.next()) days.push(next.toString());
		expect(days[0]).toBe('2026-01-05');
		expect(days[1]).toBe('2026-01-12');
		expect(days.at(-1)).toBe('2026-12-28');
		expect(days).toHaveLength(52);
		expect(goalCalendar(g, { now })).not.toContain('RRULE');
	});
	test('escapes commas, semicolons and line breaks', () => {
		const unfolded = ics.replace(/\r\n /g, '');
		expect(unfolded).toContain('SUMMARY:Acme\\, Inc.\\; "the big one"\\nsecond line');
		expect(unfolded).toContain('X-WR-CALNAME:Acme\\, Inc.\\; "the big one"\\nsecond line');
	});
	test('folds every line at 75 octets without splitting a character, lines ending in CRLF', () => {
		const lines = ics.split('\r\n');
		expect(ics.endsWith('\r\n') || lines.at(-1) === 'END:VCALENDAR').toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
		expect(lines.some((l) => l.startsWith(' '))).toBe(true);
		expect(ics).not.toContain('\uFFFD');
	});
	test('any text survives, folded and escaped', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }), (action) => {
				const text = goalCalendar(goal({ micro: [micro({ action, due: '2026-02-02' })] }), { now });
				for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
				const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
				expect(event.summary).toBe(`${action.replace(/\r\n|\r/g, '\n')} (Acme)`);
			}),
			{ numRuns: 200 },
		);
	});
});
