import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type ArticleSummary, related, tagIndex } from '../../../src/lib/articles.ts';
import { tagSlug } from '../../../src/lib/urls.ts';

/** The straightforward version `related` replaced: score every article. Kept here as the reference. */
function relatedReference<T extends ArticleSummary>(target: T, all: readonly T[], limit = 3): T[] {
	const wanted = new Set(target.tags.map(tagSlug));
	if (wanted.size === 0) return [];
	const scored: { item: T; score: number }[] = [];
	for (const item of all) {
		if (item.kind === target.kind && item.slug === target.slug) continue;
		let score = 0;
		for (const tag of item.tags) if (wanted.has(tagSlug(tag))) score++;
		if (score > 0) scored.push({ item, score });
	}
	scored.sort((a, b) => b.score - a.score || b.item.date.getTime() - a.item.date.getTime());
	return scored.slice(0, limit).map((s) => s.item);
}

const articles = fc
	.array(
		fc.record({
			kind: fc.constantFrom('issue' as const, 'playbook' as const),
			slug: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
			day: fc.integer({ min: 1, max: 4 }),
			// Spellings that share slugs ("Goals", "goals", "goals!"), so duplicates and ties occur.
			tags: fc.array(fc.constantFrom('goals', 'Goals', 'goals!', 'trust', 'Trust', 'activation', 'pipeline'), { maxLength: 4 }),
		}),
		{ maxLength: 25 },
	)
	.map((list) =>
		list.map(
			(a): ArticleSummary => ({
				...a,
				title: a.slug,
				summary: '',
				author: 'x',
				minutes: 1,
				date: new Date(Date.UTC(2026, 0, a.day)),
			}),
		),
	);

describe('related reading through the tag index', () => {
	test('suggests exactly what scoring every article would, in the same order', () => {
		fc.assert(
			fc.property(articles, fc.integer({ min: 0, max: 24 }), fc.integer({ min: 1, max: 5 }), (all, pick, limit) => {
				const target = all[pick % Math.max(all.length, 1)];
				if (!target) return;
				expect(related(target, all, limit)).toEqual(relatedReference(target, all, limit));
			}),
		);
	});

	test('tagIndex lists an article once under a tag it spells two ways', () => {
		const item: ArticleSummary = {
			kind: 'issue',
			slug: 'a',
			title: 'a',
			summary: '',
			author: 'x',
			minutes: 1,
			date: new Date(0),
			tags: ['Goals', 'goals'],
		};
		expect(tagIndex([item, item]).map((t) => [t.slug, t.items.length])).toEqual([['goals', 1]]);
	});
});
