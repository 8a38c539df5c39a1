import { describe, expect, test } from 'vitest';
import { MEASURES, measure, measuresOf } from '../../../src/lib/measures.ts';

describe('article measures', () => {
	const source = '---\ntitle: A\n---\n\nThree plain words.\n\n- [ ] Tick me {#tick}\n';

	test('count the words a reader sees and notice task lists', () => {
		expect(measure(source)).toEqual({ words: 5, checklist: true });
		expect(measure('Just text, no list.\n\n- an item')).toEqual({ words: 6, checklist: false });
	});

	test('come from the entry data when the loader stored them, else from the source', () => {
		expect(measuresOf({ data: { title: 'A', [MEASURES]: { words: 900, checklist: false } }, body: source })).toEqual({
			words: 900,
			checklist: false,
		});
		expect(measuresOf({ data: { title: 'A' }, body: source })).toEqual({ words: 5, checklist: true });
		expect(measuresOf({ data: {} })).toEqual({ words: 0, checklist: false });
	});
});
