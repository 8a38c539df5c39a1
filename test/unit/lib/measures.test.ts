import { describe, expect, test } from 'vitest';
import { hasCurrentMeasures, MEASURES, MEASURES_VERSION, measure, measuresOf } from '../../../src/lib/measures.ts';

describe('article measures', () => {
	const source = '---\ntitle: A\n---\n\nThree plain words.\n\n- [ ] Tick me {#tick}\n';

	test('count the words a reader sees and notice task lists', () => {
		expect(measure(source)).toEqual({ v: MEASURES_VERSION, words: 5, checklist: true });
		expect(measure('Just text, no list.\n\n- an item')).toEqual({ v: MEASURES_VERSION, words: 6, checklist: false });
	});

	test('leave out frontmatter written with Windows line ends or a byte-order mark', () => {
		const crlf = '---\r\ntitle: Many words in a long title here\r\nsummary: And more words\r\n---\r\n\r\nThree plain words.\r\n';
		expect(measure(crlf).words).toBe(3);
		expect(measure(`\uFEFF${crlf}`).words).toBe(3);
		expect(measure('---\ntitle: x\n---').words).toBe(0);
	});

	test('are the same for a file saved with Windows line ends as with Unix ones', () => {
		const crlf = source.replace(/\n/g, '\r\n');
		expect(measure(crlf)).toEqual(measure(source));
		expect(measure(`\uFEFF${crlf}`)).toEqual({ v: MEASURES_VERSION, words: 5, checklist: true });
		// A task list inside the frontmatter is no task list of the article.
		expect(measure('---\r\nsummary: |\r\n  - [ ] not a task\r\n---\r\n\r\nText.\r\n')).toEqual({
			v: MEASURES_VERSION,
			words: 1,
			checklist: false,
		});
	});

	test('come from the entry data when the loader stored them, else from the source', () => {
		expect(measuresOf({ data: { title: 'A', [MEASURES]: { words: 900, checklist: false } }, body: source })).toEqual({
			words: 900,
			checklist: false,
		});
		expect(measuresOf({ data: { title: 'A' }, body: source })).toEqual({ v: MEASURES_VERSION, words: 5, checklist: true });
		expect(measuresOf({ data: {} })).toEqual({ v: MEASURES_VERSION, words: 0, checklist: false });
	});

	test('taken by older rules are not current', () => {
		expect(hasCurrentMeasures({ [MEASURES]: measure('Words.') })).toBe(true);
		expect(hasCurrentMeasures({ [MEASURES]: { v: MEASURES_VERSION - 1, words: 1, checklist: false } })).toBe(false);
		expect(hasCurrentMeasures({ [MEASURES]: { words: 1, checklist: false } })).toBe(false);
		expect(hasCurrentMeasures({ title: 'A' })).toBe(false);
	});
});
