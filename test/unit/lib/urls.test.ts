import { describe, expect, test } from 'vitest';
import { tagSlug, withBase } from '../../../src/lib/urls.ts';

describe('withBase', () => {
	test('joins base and path with one slash', () => {
		expect(withBase('/', '/issues/')).toBe('/issues/');
		expect(withBase('/newsletter/', '/issues/')).toBe('/newsletter/issues/');
		expect(withBase('/newsletter', 'issues/')).toBe('/newsletter/issues/');
		expect(withBase('/newsletter/', '/')).toBe('/newsletter/');
	});
	test('leaves full addresses and anchors alone', () => {
		expect(withBase('/n/', 'https://example.com/x')).toBe('https://example.com/x');
		expect(withBase('/n/', 'mailto:a@example.com')).toBe('mailto:a@example.com');
		expect(withBase('/n/', '//cdn.example.com/x')).toBe('//cdn.example.com/x');
		expect(withBase('/n/', '#top')).toBe('#top');
	});
});

describe('tagSlug', () => {
	test('lower-cases and hyphenates', () => {
		expect(tagSlug('Due Diligence')).toBe('due-diligence');
		expect(tagSlug('  PRM & enablement ')).toBe('prm-enablement');
	});
	test('drops accents', () => {
		expect(tagSlug('Sätteri Café')).toBe('satteri-cafe');
	});
	test('never returns an empty slug', () => {
		expect(tagSlug('!!!')).toBe('tag');
	});
});
