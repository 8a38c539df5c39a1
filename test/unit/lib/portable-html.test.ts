import { describe, expect, test } from 'vitest';
import { portableHtml, UnfollowableLink } from '../../../src/lib/portable-html.ts';

const pageUrl = 'https://news.example.com/issues/one/';

describe('portableHtml', () => {
	test('makes every address absolute and leaves mail links alone', () => {
		const html = portableHtml(
			'<p><a href="/playbooks/x/">a</a> <a href="#t">b</a> <img src="c.png" alt=""> <a href="mailto:a@e.example">m</a></p>',
			{
				pageUrl,
			},
		);
		expect(html).toContain('href="https://news.example.com/playbooks/x/"');
		expect(html).toContain('href="https://news.example.com/issues/one/#t"');
		expect(html).toContain('src="https://news.example.com/issues/one/c.png"');
		expect(html).toContain('href="mailto:a@e.example"');
	});

	test('names an address that cannot be made absolute instead of failing with a bare error', () => {
		const attempt = () => portableHtml('<p><a href="https://x.example:99999/">a</a></p>', { pageUrl });
		expect(attempt).toThrow(UnfollowableLink);
		expect(attempt).toThrow('link "https://x.example:99999/" is not an address a reader can follow.');
	});
});
