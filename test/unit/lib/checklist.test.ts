import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	bandFor,
	type ChecklistItem,
	type ChecklistState,
	match,
	mergeStates,
	nextState,
	parseChecklistState,
	progressText,
	similarity,
	stamp,
} from '../../../src/lib/checklist.ts';
import { exportName, fromJson, toJson, toMarkdown } from '../../../src/lib/checklist-files.ts';

const items: ChecklistItem[] = [
	{ id: 'channels', text: 'We agree on one channel per topic' },
	{ id: 'diligence', text: 'We verify credibility before investing' },
	{ id: 'value', text: 'Both sides get something they value' },
];
const bands = [
	{ min: 0, max: 1, verdict: 'At risk', advice: 'Start small.' },
	{ min: 2, max: 2, verdict: 'Getting there' },
	{ min: 3, max: 3, verdict: 'Strong' },
];
const date = new Date('2026-11-23T10:00:00Z');

describe('scoring', () => {
	test('finds the band of a score, at every boundary', () => {
		expect([0, 1, 2, 3].map((n) => bandFor(n, bands)?.verdict)).toEqual(['At risk', 'At risk', 'Getting there', 'Strong']);
		expect(bandFor(4, bands)).toBeUndefined();
		expect(bandFor(2, undefined)).toBeUndefined();
	});
	test('progress reads as text', () => {
		expect(progressText(5, 8)).toBe('5 of 8 done');
	});
});

describe('saved state survives edits to the list', () => {
	const saved = { ticked: { channels: 'We agree on one channel per topic', value: 'Both sides get something they value' } };
	test('reordering, adding or removing an item keeps the other ticks', () => {
		const edited = [{ id: 'new', text: 'A brand new habit' }, items[2]!, items[0]!];
		expect(match(saved, edited).ticked).toEqual(new Set(['value', 'channels']));
		expect(match(saved, [items[0]!, items[1]!]).ticked).toEqual(new Set(['channels']));
	});
	test('a reworded item keeps its tick; an unrelated new one does not get it', () => {
		const reworded = [
			{ id: 'we-agree-on-a-single-channel-per-topic', text: 'We agree on a single channel per topic' },
			items[1]!,
			items[2]!,
		];
		expect(match(saved, reworded).ticked).toEqual(new Set(['we-agree-on-a-single-channel-per-topic', 'value']));
		const unrelated = [{ id: 'fresh', text: 'Quarterly reviews happen on schedule' }, items[1]!, items[2]!];
		expect(match(saved, unrelated)).toEqual({ ticked: new Set(['value']), leftover: { channels: saved.ticked.channels } });
	});
	test('ticks of removed items are kept aside and come back with the item', () => {
		const without = [items[1]!, items[2]!];
		const state = nextState(saved, without, new Set(['diligence', 'value']));
		expect(state.ticked).toEqual({ channels: saved.ticked.channels, diligence: items[1]!.text, value: items[2]!.text });
		expect(match(state, items).ticked).toEqual(new Set(['channels', 'diligence', 'value']));
	});
	test('similarity is a word overlap from 0 to 1', () => {
		expect(similarity('A b c', 'c b a')).toBe(1);
		expect(similarity('a b', 'c d')).toBe(0);
		expect(similarity('a b c d', 'a b c e')).toBeCloseTo(0.6);
	});
	test('parseChecklistState rejects other shapes', () => {
		expect(parseChecklistState({ ticked: { a: 'A' } })).toEqual({ ticked: { a: 'A' } });
		for (const bad of [null, 3, {}, { ticked: [] }, { ticked: { a: 1 } }]) expect(parseChecklistState(bad)).toBeUndefined();
	});
});

describe('export and import', () => {
	const input = { key: 'playbooks/x#self', title: 'Self check', items, ticked: new Set(['diligence']), bands, date };
	test('Markdown export is the same list with [x], then the score', () => {
		expect(toMarkdown(input)).toBe(
			'# Self check\n\nSaved 2026-11-23\n\n- [ ] We agree on one channel per topic\n- [x] We verify credibility before investing\n- [ ] Both sides get something they value\n\nScore: 1 of 3 done (At risk)\n\nStart small.\n',
		);
	});
	test('export then import gives the same ticks, for any list and any ticks', () => {
		const list = fc
			.uniqueArray(
				fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /^[a-z0-9-]+$/.test(s)),
				{ minLength: 1, maxLength: 20 },
			)
			.chain((ids) => fc.tuple(fc.constant(ids.map((id) => ({ id, text: `Item ${id}` }))), fc.subarray(ids)));
		fc.assert(
			fc.property(list, ([list, ticked]) => {
				const json = toJson({ ...input, items: list, ticked: new Set(ticked) });
				const result = fromJson(json, input.key, list);
				expect(result.ok && [...result.ticked].sort()).toEqual([...ticked].sort());
			}),
		);
	});
	test.each([
		['not JSON', '{oops', 'That file is not a checklist export: it is not valid JSON.'],
		['another format', '{"format":"other"}', 'That file is not a Pactbook checklist export.'],
		[
			'no usable version',
			'{"format":"pactbook-checklist","version":0,"checklist":"playbooks/x#self","items":[]}',
			'That export is damaged: it has no valid version number.',
		],
		[
			'a fractional version',
			'{"format":"pactbook-checklist","version":1.5,"checklist":"playbooks/x#self","items":[]}',
			'That export is damaged: it has no valid version number.',
		],
		[
			'a newer version',
			'{"format":"pactbook-checklist","version":99,"checklist":"playbooks/x#self","items":[]}',
			'That export comes from a newer version of this site and cannot be read here.',
		],
		[
			'another checklist',
			'{"format":"pactbook-checklist","version":1,"checklist":"issues/y#z","title":"Due diligence","items":[]}',
			'That export belongs to “Due diligence”, not to this checklist.',
		],
		[
			'damaged items',
			'{"format":"pactbook-checklist","version":1,"checklist":"playbooks/x#self","items":[{"id":1}]}',
			'That export is damaged: its list of items is missing or malformed.',
		],
		[
			'more items than any list holds',
			JSON.stringify({
				format: 'pactbook-checklist',
				version: 1,
				checklist: 'playbooks/x#self',
				items: Array.from({ length: 2001 }, (_, i) => ({ id: `item-${i}`, text: `Item ${i}`, done: true })),
			}),
			'That export is damaged: it lists 2,001 items, more than any checklist holds (2,000 at most).',
		],
	])('a bad file (%s) gives a clear message', (_, text, message) => {
		expect(fromJson(text, input.key, items)).toEqual({ ok: false, message });
	});
	test('an export from an older list keeps unknown ticks aside and says so', () => {
		const json = toJson({
			...input,
			items: [...items, { id: 'gone', text: 'A removed item entirely different' }],
			ticked: new Set(['gone', 'value']),
		});
		const result = fromJson(json, input.key, items);
		expect(result).toEqual({
			ok: true,
			ticked: new Set(['value']),
			state: { ticked: { gone: 'A removed item entirely different', value: items[2]!.text } },
			note: '1 ticked item is no longer on this list and was kept aside.',
		});
	});
});

describe('two tabs saving at once', () => {
	const text = (id: string) => `Item ${id}`;
	test('stamp dates every item whose tick changed, and keeps the other times', () => {
		const before: ChecklistState = { ticked: { a: text('a'), b: text('b') }, at: { a: 1, b: 2, c: 3 } };
		const after = { ticked: { b: 'Reworded b', d: text('d') }, at: { a: 1, b: 2, c: 3 } };
		expect(stamp(before, after, 10)).toEqual({ ticked: after.ticked, at: { a: 10, b: 10, c: 3, d: 10 } });
		expect(stamp({ ticked: {} }, { ticked: {} }, 10)).toEqual({ ticked: {}, at: {} });
	});

	test('each item keeps the tick of the tab that changed it last', () => {
		const start: ChecklistState = { ticked: { a: text('a') } };
		// Tab one ticks b, tab two unticks a, each from the same start.
		const one = stamp(start, { ticked: { a: text('a'), b: text('b') } }, 5);
		const two = stamp(start, { ticked: {} }, 6);
		const expected = { ticked: { b: text('b') }, at: { a: 6, b: 5 } };
		expect(mergeStates(one, two)).toEqual(expected);
		expect(mergeStates(two, one)).toEqual(expected);
		// What neither tab changed stays as stored; a later untick wins over an earlier tick.
		expect(mergeStates({ ticked: { a: text('a') } }, { ticked: {} })).toEqual({ ticked: { a: text('a') } });
		expect(mergeStates({ ticked: { a: text('a') }, at: { a: 9 } }, { ticked: {}, at: { a: 3 } })).toEqual({
			ticked: { a: text('a') },
			at: { a: 9 },
		});
	});

	test('merging is order-free and idempotent for any two saves, and writes keys in order', () => {
		const state = fc.record({
			ticked: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('x', 'y')),
			at: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 1, max: 4 })),
		});
		fc.assert(
			fc.property(state, state, (x, y) => {
				const merged = mergeStates(x, y);
				expect(mergeStates(merged, y)).toEqual(merged);
				expect(mergeStates(merged, merged)).toEqual(merged);
				expect(Object.keys(merged.ticked)).toEqual(Object.keys(merged.ticked).sort());
				for (const id of Object.keys(merged.ticked)) expect([x.ticked[id], y.ticked[id]]).toContain(merged.ticked[id]);
			}),
		);
	});

	test('parseChecklistState keeps valid times and drops bad ones, never the ticks', () => {
		expect(parseChecklistState({ ticked: { a: 'A' }, at: { a: 5, b: 'soon', c: null } })).toEqual({
			ticked: { a: 'A' },
			at: { a: 5 },
		});
		expect(parseChecklistState({ ticked: { a: 'A' }, at: [1] })).toEqual({ ticked: { a: 'A' } });
	});

	test('a reworded item unticked after a merge stays unticked', () => {
		const stored: ChecklistState = { ticked: { 'old-id': 'We agree on one channel per topic' } };
		const now = [{ id: 'new-id', text: 'We agree on a single channel per topic' }];
		const ticked = match(stored, now).ticked;
		expect(ticked).toEqual(new Set(['new-id']));
		const first = stamp(stored, nextState(stored, now, ticked), 1);
		const unticked = stamp(first, nextState(first, now, new Set()), 2);
		expect(match(mergeStates(stored, unticked), now).ticked).toEqual(new Set());
	});
});

describe('exports of a renamed list', () => {
	const input = { key: 'playbooks/old-name#old-heading', title: 'Self check', items, ticked: new Set(['value']), bands, date };
	test('an export saved under the list’s earlier key imports when its items match', () => {
		const result = fromJson(toJson(input), 'playbooks/new-name#new-heading', items);
		expect(result).toEqual({
			ok: true,
			ticked: new Set(['value']),
			state: { ticked: { value: items[2]!.text } },
			note: 'It was saved under an earlier name of this list; its items match this one.',
		});
	});
	test('an export of another list with a few items in common is still refused', () => {
		const other = [items[0]!, { id: 'p', text: 'P' }, { id: 'q', text: 'Q' }, { id: 'r', text: 'R' }];
		expect(fromJson(toJson({ ...input, items: other }), 'playbooks/new#x', items)).toEqual({
			ok: false,
			message: 'That export belongs to “Self check”, not to this checklist.',
		});
	});
});

describe('export file names', () => {
	test.each([
		['Eight habits self-assessment', 'eight-habits-self-assessment'],
		['רשימת בדיקה לשותפויות', 'רשימת-בדיקה-לשותפויות'],
		['Café: «Партнёры» 2026', 'café-партнёры-2026'],
		['हिंदी सूची', 'हिंदी-सूची'],
		['🎉 Launch list 🎉', 'launch-list'],
	])('%s keeps its letters: %s', (title, name) => {
		expect(exportName(title, 'Page', date)).toBe(name);
	});
	test('a title without letters falls back to the page title, then to "checklist" and the date', () => {
		expect(exportName('🎉', 'שותפויות', date)).toBe('שותפויות');
		expect(exportName('🎉🎉', '✅', date)).toBe('checklist-2026-11-23');
		expect(exportName(undefined, undefined, date)).toBe('checklist-2026-11-23');
	});
	test('a long title is cut to 80 characters, never inside a letter', () => {
		const name = exportName('𝒜'.repeat(100), undefined, date);
		expect(Array.from(name)).toHaveLength(80);
		expect(name).toBe('𝒜'.repeat(80));
	});
});
