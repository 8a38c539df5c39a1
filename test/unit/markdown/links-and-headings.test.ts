import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { headingAnchors } from '../../../src/markdown/headings.ts';
import { baseLinks, checkedLinks } from '../../../src/markdown/links.ts';

describe('heading anchors', () => {
	test('wrap h2 and h3 with a labelled link to their id', async () => {
		const { html } = await markdownToHtml('## Due diligence\n\n### Due diligence\n\n#### Deep', {
			hastPlugins: [headingAnchors()],
		});
		expect(html).toContain(
			'<div class="pb-heading"><h2 id="due-diligence">Due diligence</h2><a class="pb-anchor" href="#due-diligence">',
		);
		expect(html).toContain('<h3 id="due-diligence-1">');
		expect(html).toContain('Link to section “Due diligence”');
		expect(html).not.toContain('<h4 id');
	});
	test('give headings of emoji only a usable id, and keep the letters of every script', async () => {
		const { html } = await markdownToHtml('## 🎉\n\n## 🎉\n\n## - -\n\n## שלום עולם\n\n## Заметки\n\n## Section', {
			hastPlugins: [headingAnchors()],
		});
		const ids = [...html.matchAll(/<h2 id="([^"]*)"/g)].map((match) => match[1]);
		expect(ids).toEqual(['section', 'section-1', 'section-2', 'שלום-עולם', 'заметки', 'section-3']);
		expect(html).toContain('<a class="pb-anchor" href="#section-1">');
	});
});

describe('base links', () => {
	const render = async (md: string, base: string) => (await markdownToHtml(md, { hastPlugins: [baseLinks(base)] })).html;
	test('prefix root-relative links and images with the base', async () => {
		const html = await render(
			'[Guide](/playbooks/x/) ![Chart](/img/c.png) [Ext](https://e.example/) [Rel](x/) [Top](#t)',
			'/newsletter/',
		);
		expect(html).toContain('href="/newsletter/playbooks/x/"');
		expect(html).toContain('src="/newsletter/img/c.png"');
		expect(html).toContain('href="https://e.example/"');
		expect(html).toContain('href="x/"');
		expect(html).toContain('href="#t"');
	});
	test('do nothing at the root and never prefix twice', async () => {
		expect(await render('[G](/playbooks/)', '/')).toContain('href="/playbooks/"');
		expect(await render('[G](/newsletter/playbooks/)', '/newsletter/')).toContain('href="/newsletter/playbooks/"');
	});
});

describe('checked links', () => {
	const render = async (md: string) => (await markdownToHtml(md, { hastPlugins: [checkedLinks()] })).html;
	test('let paths, anchors, full addresses, mail and phone links through', async () => {
		const html = await render(
			'[a](/playbooks/x/) [b](x/) [c](#t) [d](https://e.example:8080/p?q=1) [e](mailto:a@e.example) ![f](/img/c.png)\n\n<a href="tel:+15550100">g</a>',
		);
		expect(html).toContain('href="https://e.example:8080/p?q=1"');
		expect(html).toContain('href="tel:+15550100"');
	});
	test('stop at an address no reader could follow, naming it, its line and the fix', async () => {
		await expect(render('Intro\n\nSee [the deck](http://) and ![chart](https://e.example:99999/c.png).')).rejects.toThrow(
			/content: link "http:\/\/" \(line 3\): is not an address a reader can follow\. Write a full address such as https:\/\/example\.com\/page[\s\S]*link "https:\/\/e\.example:99999\/c\.png" \(line 3\)/,
		);
	});
	test('an HTML comment, and attribute-like text outside a tag, are not links', async () => {
		const html = await render('Intro\n\n<!-- TODO: <a href="http://"> -->\n\n<p>Write href="http://" in the template.</p>\n');
		expect(html).toContain('Write href="http://" in the template.');
	});
	test('stop at a link or image that runs script or carries a file, naming it, its line and the fix', async () => {
		await expect(
			render('Intro\n\n[portal](javascript:alert(1))\n\n![chart](data:image/png;base64,iVBORw0KGgo=)\n'),
		).rejects.toThrow(
			/content: link "javascript:alert\(1\)" \(line 3\): puts script or a whole file in the address[\s\S]*link "data:image\/png;base64,iVBORw0KGgo=" \(line 5\): puts script/,
		);
		await expect(render('<p><a href=" JavaScript:void(0)">old form</a></p>\n')).rejects.toThrow(
			'link " JavaScript:void(0)" (line 1): puts script',
		);
	});
	test('the line is the link’s, not an earlier mention of the address', async () => {
		await expect(render('Mention http:// first.\n\n[deck](http://)\n')).rejects.toThrow('link "http://" (line 3)');
	});
	test('an attribute holding ">" does not hide a later address', async () => {
		await expect(render('<p><img alt="a > b" src="http://"></p>\n')).rejects.toThrow('link "http://" (line 1)');
	});
	test('check addresses written as HTML too', async () => {
		await expect(render('Intro\n\n<p><a href="https://999.1.1.1/">old host</a></p>\n')).rejects.toThrow(
			'link "https://999.1.1.1/" (line 3)',
		);
	});
});
