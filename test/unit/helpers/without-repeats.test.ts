import { expect, test } from 'vitest';
import { withoutRepeats } from '../../helpers/build.ts';

test('a server log keeps the first of each line, whatever its time, and says how many repeats it left out', () => {
	const log = [
		'22:07:27 [ERROR] [pactbook] Pactbook found 1 problem in your content:',
		'22:07:27 [404] /about/ 5ms',
		'',
		'22:07:28 [404] /about/ 12ms',
		'',
		'22:07:28 [pactbook] Reloaded data from about.md',
		'22:07:29 [404] /about/ 4ms',
	].join('\n');
	expect(withoutRepeats(log)).toBe(
		[
			'22:07:27 [ERROR] [pactbook] Pactbook found 1 problem in your content:',
			'22:07:27 [404] /about/ 5ms',
			'',
			'',
			'22:07:28 [pactbook] Reloaded data from about.md',
			'(2 lines that repeat earlier ones left out)',
		].join('\n'),
	);
	expect(withoutRepeats('one\ntwo')).toBe('one\ntwo');
});
