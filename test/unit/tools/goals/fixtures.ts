import { blankMicro, type MacroGoal, type MicroGoal } from '../../../../src/tools/goals/model.ts';

/** A goal of 0 → 100 from 2026-01-01 to 2026-12-31 (364 days), no check-ins. */
export function goal(fields: Partial<MacroGoal> = {}): MacroGoal {
	return {
		id: 'g1',
		title: 'Partner-sourced revenue from Acme',
		partner: 'Acme',
		metric: 'Partner-sourced revenue',
		unit: 'USD',
		direction: 'increase',
		start: 0,
		target: 100,
		stretch: null,
		startDate: '2026-01-01',
		dueDate: '2026-12-31',
		phases: [],
		checkIns: [],
		micro: [],
		lastExport: null,
		updated: '2026-01-01T00:00:00.000Z',
		...fields,
	};
}

export function checkIn(date: string, value: number, confidence = 5, note = '') {
	return { id: `c${date.replaceAll('-', '')}${value}`, date, value, confidence, note };
}

export function micro(fields: Partial<MicroGoal> & { action: string }): MicroGoal {
	return { ...blankMicro(fields), id: fields.id ?? `m${fields.action.length}` };
}
