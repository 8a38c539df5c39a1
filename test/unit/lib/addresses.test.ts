import { describe, expect, test } from 'vitest';
import { addressClashes } from '../../../src/lib/articles.ts';
import { slugify } from '../../../src/lib/slug.ts';
import { isFollowable, LINK_FIX, linkProblem, tagKey, tagSlug, UNSAFE_LINK_FIX } from '../../../src/lib/urls.ts';

describe('links that run script', () => {
	test('javascript:, data: and the like are refused, in any case or spacing', () => {
		for (const address of [
			'javascript:alert(1)',
			'JavaScript:void(0)',
			' javascript:alert(1)',
			'java\tscript:alert(1)',
			'vbscript:msgbox(1)',
			'data:image/png;base64,iVBORw0KGgo=',
			'DATA:text/html,<script>alert(1)</script>',
			'file:///etc/passwd',
		]) {
			expect(linkProblem(address), address).toBe(UNSAFE_LINK_FIX);
			expect(isFollowable(address), address).toBe(false);
		}
	});
	test('mail, phone, paths and full addresses still pass; broken ones keep their own fix', () => {
		for (const address of ['mailto:a@e.example', 'tel:+15550100', '/p/', '#t', 'https://e.example/javascript:x'])
			expect(linkProblem(address), address).toBeUndefined();
		expect(linkProblem('http://')).toBe(LINK_FIX);
	});
});

describe('tag addresses', () => {
	test('keep letters of every script, so tags in other languages get pages of their own', () => {
		expect(tagSlug('שותפויות')).toBe('שותפויות');
		expect(tagSlug('Партнёры и альянсы')).toBe('партнёры-и-альянсы');
		expect(tagSlug('Йогурт')).toBe('йогурт');
		expect(tagSlug('파트너')).toBe('파트너');
		expect(tagSlug('हिंदी')).toBe('हिंदी');
		// Latin addresses are as before.
		expect(tagSlug('Sätteri Café')).toBe('satteri-cafe');
		expect(tagSlug('🎉')).toBe('tag');
	});
	test('spellings of one tag share a key; different words do not', () => {
		expect(tagKey('Co-selling')).toBe(tagKey('co selling'));
		expect(tagKey('Café')).toBe(tagKey('cafe'));
		expect(tagKey('c#')).not.toBe(tagKey('c++'));
		expect(tagKey('🎉')).not.toBe(tagKey('?'));
	});
});

describe('address clashes', () => {
	test('different tags or series with one address are reported for each file, naming the other tag and its files', () => {
		const problems = addressClashes([
			{ file: 'a.md', tags: ['c#', 'Co-selling'], series: 'C# in practice' },
			{ file: 'b.md', tags: ['c++', 'co selling', '🎉'], series: 'C++ in practice' },
			{ file: 'c.md', tags: ['?'] },
		]);
		expect(problems.map((p) => `${p.file}: ${p.field}: ${p.message.split(', so')[0]}`)).toEqual([
			'a.md: series: "C# in practice" would share the address /series/c-in-practice/ with "C++ in practice" (b.md)',
			'a.md: tags: "c#" would share the address /tags/c/ with "c++" (b.md)',
			'b.md: series: "C++ in practice" would share the address /series/c-in-practice/ with "C# in practice" (a.md)',
			'b.md: tags: "c++" would share the address /tags/c/ with "c#" (a.md)',
			'b.md: tags: "🎉" would share the address /tags/tag/ with "?" (c.md)',
			'c.md: tags: "?" would share the address /tags/tag/ with "🎉" (b.md)',
		]);
		expect(problems[0]?.message).toMatch(/Rename one of them so that their letters or digits differ/);
	});
	test('spellings of one tag, and tags in other scripts, are no clash', () => {
		expect(
			addressClashes([
				{ file: 'a.md', tags: ['Co-selling', 'שותפויות', 'Партнёры'] },
				{ file: 'b.md', tags: ['co selling', 'CO_SELLING', 'パートナー'] },
			]),
		).toEqual([]);
	});
});

describe('ids from names', () => {
	test('suggest the nearest valid id', () => {
		expect(slugify('Case-Dup')).toBe('case-dup');
		expect(slugify('Plans 2027!')).toBe('plans-2027');
		expect(slugify('a#b')).toBe('a-b');
		expect(slugify('Café')).toBe('cafe');
		expect(slugify('🎉')).toBe('');
	});
});
