import { describe, expect, test } from 'vitest';
import { portableHtml, UnfollowableLink } from '../../../src/lib/portable-html.ts';
import { toolByElement } from '../../../src/tools/index.ts';

const pageUrl = 'https://news.example.com/issues/one/';

describe('portableHtml', () => {
	test('makes every address absolute and leaves mail links alone', () => {
		const html = portableHtml(
			'<p><a href="/playbooks/x/">a</a> <a href="#t">b</a> <img src="c.png" alt=""> <a href="mailto:a@e.example">m</a></p>',
			{ pageUrl, tools: toolByElement },
		);
		expect(html).toContain('href="https://news.example.com/playbooks/x/"');
		expect(html).toContain('href="https://news.example.com/issues/one/#t"');
		expect(html).toContain('src="https://news.example.com/issues/one/c.png"');
		expect(html).toContain('href="mailto:a@e.example"');
	});

	test('a checklist becomes its items, ticked where the author ticked them, and a link to the web page', () => {
		const html = portableHtml(
			[
				'<pb-checklist class="pb-checklist" data-key="issues/one#steps"><ul class="pb-checklist-items">',
				'<li class="pb-check" data-id="a"><input type="checkbox" id="pb-steps-a" disabled><label for="pb-steps-a">Open</label></li>',
				'<li class="pb-check" data-id="b"><input type="checkbox" id="pb-steps-b" disabled checked data-default="checked"><label for="pb-steps-b">Done &amp; dusted</label></li>',
				'</ul></pb-checklist>',
			].join(''),
			{ pageUrl, tools: toolByElement },
		);
		expect(html).toBe(
			'<ul class="pb-tool-items"><li>☐ Open</li><li>☑ Done &amp; dusted</li></ul><p class="pb-tool-link"><a href="https://news.example.com/issues/one/#steps">Fill in this checklist on the web</a></p>',
		);
	});

	test('names an address that cannot be made absolute instead of failing with a bare error', () => {
		const attempt = () => portableHtml('<p><a href="https://x.example:99999/">a</a></p>', { pageUrl, tools: toolByElement });
		expect(attempt).toThrow(UnfollowableLink);
		expect(attempt).toThrow('link "https://x.example:99999/" is not an address a reader can follow.');
	});

	test('refuses to copy a link or image that runs script or carries a file into feeds and email', () => {
		for (const html of ['<a href="javascript:alert(1)">a</a>', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">']) {
			const attempt = () => portableHtml(`<p>${html}</p>`, { pageUrl, tools: toolByElement });
			expect(attempt).toThrow(UnfollowableLink);
			expect(attempt).toThrow('puts script or a whole file in the address');
		}
		expect(portableHtml('<p><a href="tel:+15550100">t</a></p>', { pageUrl, tools: toolByElement })).toContain(
			'href="tel:+15550100"',
		);
	});

	test('keeps attribute values whole, a ">" in them included', () => {
		const html = portableHtml('<p><a href="/x/" title="Revenue > cost">a</a> <img src="c.png" alt="In > out"></p>', {
			pageUrl,
			tools: toolByElement,
		});
		expect(html).toBe(
			'<p><a href="https://news.example.com/x/" title="Revenue > cost">a</a> <img src="https://news.example.com/issues/one/c.png" alt="In > out"></p>',
		);
	});
});
