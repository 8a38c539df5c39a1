import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	deriveId,
	escapeExplicitIds,
	hasTaskList,
	nextListId,
	repeatedIds,
	splitExplicitId,
	uniqueIds,
} from '../../../src/lib/checklist-ids.ts';

describe('deriveId', () => {
	test('comes from the words only', () => {
		expect(deriveId('We verify credibility, reputation & fit!')).toBe('we-verify-credibility-reputation-fit');
		expect(deriveId('Partner’s  PRM   access')).toBe('partners-prm-access');
		expect(deriveId('Café déjà vu')).toBe('cafe-deja-vu');
	});
	test('is cut at a word boundary', () => {
		const id = deriveId('We hold regular check-ins with every active partner and keep a shared game plan');
		expect(id).toBe('we-hold-regular-check-ins-with-every-active');
		expect(id.length).toBeLessThanOrEqual(48);
	});
	test('never returns an empty id', () => {
		expect(deriveId('!!!')).toBe('item');
		expect(deriveId('Supercalifragilisticexpialidocious'.repeat(3))).toHaveLength(48);
	});
});

describe('explicit ids', () => {
	test('are split from the end of the text', () => {
		expect(splitExplicitId('Run an enablement session {#enablement}')).toEqual({
			text: 'Run an enablement session',
			id: 'enablement',
		});
		expect(splitExplicitId('No id here')).toEqual({ text: 'No id here' });
		expect(splitExplicitId('Not {#at} the end')).toEqual({ text: 'Not {#at} the end' });
	});
	test('are escaped for MDX on task-list lines only', () => {
		const source = '- [ ] Tick me {#tick}\n1. [x] Done {#done}  \n- Not a task {#nope}\nText {#also-not}\n';
		expect(escapeExplicitIds(source)).toBe(
			'- [ ] Tick me \\{#tick\\}\n1. [x] Done \\{#done\\}\n- Not a task {#nope}\nText {#also-not}\n',
		);
	});
});

test('uniqueIds numbers repeats in order', () => {
	expect(uniqueIds(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a-2', 'a-3']);
});

test('uniqueIds never gives a repeat an id another item has', () => {
	expect(uniqueIds(['a', 'a', 'a-2'])).toEqual(['a', 'a-3', 'a-2']);
	expect(uniqueIds(['a-2', 'a', 'a'])).toEqual(['a-2', 'a', 'a-3']);
	expect(uniqueIds(['review', 'review', 'review-2', 'review-3'])).toEqual(['review', 'review-4', 'review-2', 'review-3']);
	fc.assert(
		fc.property(fc.array(fc.constantFrom('a', 'a-2', 'a-3', 'b', 'a-2-2'), { maxLength: 12 }), (ids) => {
			const unique = uniqueIds(ids);
			expect(new Set(unique).size).toBe(ids.length);
		}),
	);
});

test('repeatedIds finds explicit ids written twice', () => {
	expect(repeatedIds(['a', undefined, 'b', 'a', undefined, 'a'])).toEqual(['a']);
	expect(repeatedIds([undefined, undefined, 'c'])).toEqual([]);
});

test('hasTaskList finds GFM task items', () => {
	expect(hasTaskList('Intro\n\n- [ ] One\n')).toBe(true);
	expect(hasTaskList('  * [x] Done\n')).toBe(true);
	expect(hasTaskList('- a list\n- [link](/x)\n')).toBe(false);
});

test('nextListId gives every list on a page its own id', () => {
	const ids: string[] = [];
	for (const heading of ['review', 'review', 'review-2', 'checklist']) ids.push(nextListId(ids, heading));
	expect(ids).toEqual(['review', 'review-2', 'review-2-2', 'checklist']);
});
