import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { contentBlocks } from '../../../src/markdown/blocks.ts';

const render = async (md: string) =>
	(await markdownToHtml(md, { features: { directive: true }, mdastPlugins: [contentBlocks()] })).html;
const compileMdx = async (mdx: string) => mdxToJs(mdx, { features: { directive: true }, mdastPlugins: [contentBlocks()] });

describe('a file with no block but a line starting with :::', () => {
	test('a lone closing line stops the render', async () => {
		await expect(render('Just text.\n\n:::\n')).rejects.toThrow('::: (line 3): closes no block');
	});

	test('::: tip, written with a space, stops the render once, without its closing line counted as a stray', async () => {
		const error = await render('::: tip\n\nhello\n\n:::\n').then(
			() => undefined,
			(thrown: Error) => thrown.message,
		);
		expect(error).toBe(
			'Pactbook found 1 problem in your content:\ncontent: ::: tip (line 1): has a space after the colons, so it is shown as text, not read as a block. Write `:::tip`, with no space.',
		);
		await expect(render('> ::: goal-builder\n> :::\n')).rejects.toThrow(
			'::: goal-builder (line 1): has a space after the colons',
		);
	});

	test('::: tip in code stays an example', async () => {
		expect(await render('```md\n::: tip\nx\n:::\n```\n\n    ::: note\n')).toContain('<pre><code class="language-md">::: tip');
	});
});

describe('tool blocks hold nothing', () => {
	test('text between the lines of :::goal-builder or :::questionnaire stops the render with its line', async () => {
		await expect(render('Intro\n\n:::goal-builder\nMy goals.\n:::\n')).rejects.toThrow(
			':::goal-builder (line 3): takes nothing between its opening line and `:::`, but has text inside (line 4), which would not be shown. Move the text before or after the block, so that `:::` comes on the line after the opening line.',
		);
		await expect(render(':::questionnaire{id="x"}\n\nAnswer honestly.\n\n:::\n')).rejects.toThrow(
			':::questionnaire (line 1): takes nothing between its opening line and `:::`, but has text inside (line 3)',
		);
	});

	test('a title on :::goal-builder stops the render; the bare block renders', async () => {
		await expect(render(':::goal-builder[My plan]\n:::\n')).rejects.toThrow(
			':::goal-builder (line 1): takes no title, but has [My plan]. Remove it from the line, and put a heading above the block if it needs one.',
		);
		expect(await render(':::goal-builder\n:::\n')).toContain('<pb-goal-builder');
	});
});

describe('<InTheWild> in MDX', () => {
	test('without its lesson, or with a prop it does not take, stops the compile with its line', async () => {
		await expect(compileMdx('Intro\n\n<InTheWild source="Retail">\n\nStory.\n\n</InTheWild>\n')).rejects.toThrow(
			'<InTheWild> (line 3): needs lesson="…", the one-sentence lesson for partner managers.',
		);
		await expect(compileMdx('A <InTheWild lessons="x">story</InTheWild>.\n')).rejects.toThrow(
			'<InTheWild> (line 1): lessons is not a prop of <InTheWild>. Did you mean lesson?',
		);
	});

	test('with a lesson, written or as an expression, or props spread from an object, compiles', async () => {
		for (const mdx of [
			'<InTheWild lesson="Adapt.">\n\nStory.\n\n</InTheWild>\n',
			'<InTheWild lesson={lesson}>\n\nStory.\n\n</InTheWild>\n',
			'<InTheWild {...story} />\n',
		]) {
			expect((await compileMdx(mdx)).code).toContain('InTheWild');
		}
	});
});

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

describe('a title or attributes the parser cannot read', () => {
	test('stop the render with the text that was dropped', async () => {
		await expect(render('Intro\n\n:::tip[Mind the gap\nBody.\n:::\n')).rejects.toThrow(
			':::tip (line 3): the text after :::tip could not be read: [Mind the gap. Write a title in square brackets and attributes in braces, each closed on the same line, as in :::tip[Your title].',
		);
		await expect(render(':::note Remember this\nBody.\n:::\n')).rejects.toThrow(
			':::note (line 1): the text after :::note could not be read: Remember this.',
		);
		await expect(render(':::wild{lesson="Keep going"\nBody.\n:::\n')).rejects.toThrow(
			'the text after :::wild could not be read: {lesson="Keep going". Write a title in square brackets and attributes in braces, each closed on the same line, as in :::wild[Your title]{lesson="…"}.',
		);
	});
	test('a well-formed title, attributes or nothing at all render', async () => {
		const html = await render(':::tip[Mind the gap]\nA.\n:::\n\n:::note\nB.\n:::\n\n:::wild{lesson="Keep going"}\nC.\n:::\n');
		expect(html.match(/<aside/g)).toHaveLength(3);
		expect(html).toContain('Mind the gap');
	});
});

describe('examples the parser reads as code or HTML never count as unreadable blocks', () => {
	test.each([
		['indented code in a list item', '1. x:\n\n        :::tip[Your title]\n        B\n        :::\n\n:::tip\nReal.\n:::\n'],
		['an HTML block', '<pre>\n:::tip[Example]\n:::\n</pre>\n\n:::tip\nReal.\n:::\n'],
		['a fence on a list item line', '- ```md\n  :::tip[Your title]\n  ```\n\n:::tip\nReal.\n:::\n'],
		['empty braces', ':::note{}\nReal.\n:::\n'],
	])('%s', async (_, md) => {
		expect((await render(md)).match(/<aside/g)).toHaveLength(1);
	});
});

describe('directives Pactbook does not have', () => {
	test('stay exactly as written, from the source the parser read', async () => {
		const html = await render("It is 10:30; plan Q3:revenue and :abbr[**HTML**]{#x .y title='A b'}.\n\n::leaf[Label]{a='1' b}\n");
		expect(html).toContain("<p>It is 10:30; plan Q3:revenue and :abbr[**HTML**]{#x .y title='A b'}.</p>");
		expect(html).toContain("<p>::leaf[Label]{a='1' b}</p>");
	});
});

describe('line numbers, as an editor shows them', () => {
	test('lines end with CRLF or LF alike', async () => {
		await expect(render('Intro\r\n\r\n:::note\r\nA.\r\n:::\r\n:::\r\n\r\n:::tip\r\nRuns on.\r\n')).rejects.toThrow(
			/::: \(line 6\): closes no block[\s\S]*:::tip \(line 8\): is never closed/,
		);
	});

	test('count from the top of the file, frontmatter included', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'pactbook-blocks-'));
		try {
			const file = join(dir, 'one.md');
			for (const eol of ['\n', '\r\n']) {
				const text = ['---', 'title: One', '---', '', '', 'Intro.', '', ':::wlid', 'x', ':::', ''].join(eol);
				writeFileSync(file, text);
				// Astro gives the parser the body without its frontmatter, trimmed.
				const body = text.slice(text.indexOf('Intro.')).trim();
				const rendered = (async () =>
					markdownToHtml(body, {
						features: { directive: true },
						mdastPlugins: [contentBlocks()],
						fileURL: pathToFileURL(file),
					}))();
				await expect(rendered).rejects.toThrow(':::wlid (line 8): is not a Pactbook block.');
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
