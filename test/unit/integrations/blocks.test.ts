import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { contentBlocks } from '../../../src/integrations/blocks.ts';

const render = async (md: string) =>
	(await markdownToHtml(md, { features: { directive: true }, mdastPlugins: [contentBlocks()] })).html;

describe('Markdown blocks, as the parser reads them', () => {
	test('a block shown inside a longer code fence stays an example, and the article goes on', async () => {
		const html = await render(
			['````md', ':::tip', '```', 'Inner fence.', '```', '````', '', ':::note', 'Real.', ':::', ''].join('\n'),
		);
		expect(html).toContain(':::tip');
		expect(html.match(/<aside/g)).toHaveLength(1);
		expect(html).toContain('aria-label="Note"');
	});

	test('a block in indented code stays an example', async () => {
		const html = await render('Intro\n\n    :::tip\n    An example.\n');
		expect(html).toContain('<pre><code>:::tip');
		expect(html).not.toContain('<aside');
	});

	test('a block never closed still stops the render with its line', async () => {
		await expect(render('````md\n```\n````\n\n:::tip\nRuns on.\n')).rejects.toThrow(':::tip (line 5): is never closed');
	});
});
