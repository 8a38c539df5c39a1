import { markdownToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { bodyLineOffset, readBlock, readBlockLines, spacedOpening, wildPropsProblem } from '../../../src/lib/blocks.ts';
import { closest } from '../../../src/schemas/problems.ts';

// Each source is parsed by Sätteri, as the build parses it; blocks and lines come from its positions.
const read = (source: string) => readBlockLines(markdownToMdast(source, { features: { directive: true } }), source);
/** Blocks never closed and `:::` lines that close none. */
const blockFences = (source: string) => {
	const { unclosed, stray } = read(source);
	return { unclosed, stray };
};
/** The line the `seen`-th (from 0) block named `name` opens on. */
const blockLine = (source: string, name: string, seen: number) =>
	read(source).openings.filter((opening) => opening.name === name)[seen]?.line;
/** What follows the name on each block's opening line, by name. */
const blockOpenings = (source: string) => {
	const openings = new Map<string, string[]>();
	for (const { name, rest } of read(source).openings) openings.set(name, [...(openings.get(name) ?? []), rest]);
	return openings;
};

describe('Markdown blocks', () => {
	test('wild takes a lesson, an optional source and an optional title', () => {
		expect(readBlock('wild', undefined, { source: ' Retail, 2001 ', lesson: 'Check the strategy. ' })).toEqual({
			ok: true,
			block: { kind: 'wild', title: 'Partnerships in the wild', source: 'Retail, 2001', lesson: 'Check the strategy.' },
		});
		expect(readBlock('wild', 'From the field', { lesson: 'L.' })).toEqual({
			ok: true,
			block: { kind: 'wild', title: 'From the field', lesson: 'L.' },
		});
	});

	test('callouts take a title from their label or their kind', () => {
		expect(readBlock('warning', undefined, {})).toEqual({
			ok: true,
			block: { kind: 'callout', type: 'warning', title: 'Watch out' },
		});
		expect(readBlock('tip', ' Keep a log ', {})).toEqual({
			ok: true,
			block: { kind: 'callout', type: 'tip', title: 'Keep a log' },
		});
		expect(readBlock('note', '   ', {})).toEqual({ ok: true, block: { kind: 'callout', type: 'note', title: 'Note' } });
	});

	test('say what to change when a block is unknown or incomplete', () => {
		const problem = (name: string, attributes: Record<string, string | null> = {}) => {
			const result = readBlock(name, undefined, attributes, closest);
			return result.ok ? 'ok' : result.message;
		};
		expect(problem('wlid', { lesson: 'x' })).toMatch(
			/^is not a Pactbook block\. Did you mean wild\? Use one of :::wild, :::note/,
		);
		expect(problem('aside')).not.toContain('Did you mean');
		expect(problem('wild')).toMatch(/^needs lesson="…"/);
		expect(problem('wild', { lesson: '  ' })).toMatch(/^needs lesson="…"/);
		expect(problem('wild', { lesson: null })).toMatch(/^needs lesson="…"/);
		expect(problem('wild', { lesson: 'x', sorce: 'y' })).toBe(
			'sorce is not an attribute of this block. Did you mean source? It takes source and lesson.',
		);
		expect(problem('tip', { title: 'x' })).toBe(
			'title is not an attribute of this block. It takes no attributes; write its title as :::tip[Your title].',
		);
	});

	test('<InTheWild> takes the props of :::wild and a title, and needs its lesson', () => {
		expect(wildPropsProblem({ lesson: 'L.', source: 'S', title: 'T' })).toBeUndefined();
		const needs =
			'needs lesson="…", the one-sentence lesson for partner managers. For example: <InTheWild source="Sports marketing, 2022" lesson="The side that adapts fastest keeps the spotlight.">';
		expect(wildPropsProblem({ source: 'S' })).toBe(needs);
		expect(wildPropsProblem({ lesson: ' ' })).toBe(needs);
		expect(wildPropsProblem({ lesson: null })).toBe(needs);
		expect(wildPropsProblem({ lesson: undefined })).toBe(needs);
		expect(wildPropsProblem({ lessons: 'L.' }, closest)).toBe(
			'lessons is not a prop of <InTheWild>. Did you mean lesson? It takes source, lesson and title.',
		);
	});

	test('::: tip, with a space, is told to lose the space, and an unknown name is named too', () => {
		expect(spacedOpening('tip', true)).toBe(
			'has a space after the colons, so it is shown as text, not read as a block. Write `:::tip`, with no space.',
		);
		expect(spacedOpening('wlid', false, closest)).toBe(
			'has a space after the colons, so it is shown as text, not read as a block. Write `:::wlid`, with no space; but :::wlid is not a Pactbook block. Did you mean wild? Use one of :::wild, :::note, :::tip, :::warning, and close it with a line of :::.',
		);
	});

	test('find the line a block opens on, counting repeats', () => {
		const source = '---\ntitle: x\n---\n\n:::tip\na\n:::\n\n  :::tip[Again]\nb\n:::\n\n::::tipster\n';
		expect(blockLine(source, 'tip', 0)).toBe(5);
		expect(blockLine(source, 'tip', 1)).toBe(9);
		expect(blockLine(source, 'tip', 2)).toBeUndefined();
		expect(blockLine(source, 'tipster', 0)).toBe(13);
	});

	test('line numbers skip code examples and find blocks in quotes and lists', () => {
		const source = [
			'Intro',
			'```md',
			':::tip',
			'An example.',
			':::',
			'```',
			'',
			'> :::tip',
			'> Quoted.',
			'> :::',
			'',
			'10. :::note',
			'    x',
			'    :::',
		].join('\n');
		expect(blockLine(source, 'tip', 0)).toBe(8);
		expect(blockLine(source, 'note', 0)).toBe(12);
	});

	test('find blocks that are never closed, code examples left out', () => {
		expect(blockFences(':::tip\nx\n:::\n\n::::note\n:::wild{lesson="l"}\ny\n:::\n::::\n').unclosed).toEqual([]);
		expect(blockFences('Intro\n\n:::note\nRuns to the end.\n').unclosed).toEqual([{ name: 'note', line: 3 }]);
		expect(blockFences(':::note\n::::wild\n:::\n').unclosed).toEqual([
			{ name: 'note', line: 1 },
			{ name: 'wild', line: 2 },
		]);
		expect(blockFences('```\n:::tip\n```\n').unclosed).toEqual([]);
		expect(blockFences('~~~\n```\n:::tip\n~~~\n').unclosed).toEqual([]);
		expect(blockFences(':::tip\nx\n:::\n:::\n\n```\n:::\n```\n').stray).toEqual([4]);
		expect(blockFences(':::tip\nx\n:::\n').stray).toEqual([]);
		// Blocks nested with the same number of colons both end at the first closing line.
		expect(blockFences(':::note\n:::wild{lesson="l"}\ny\n:::\n:::\n').stray).toEqual([5]);
		expect(blockFences('::::note\n:::wild{lesson="l"}\ny\n:::\n::::\n').stray).toEqual([]);
	});

	test('a code fence ends only at a fence of its character at least as long, with nothing after it', () => {
		const example = ['````md', '```', ':::tip', '```', '````', ''].join('\n');
		expect(blockFences(example)).toEqual({ unclosed: [], stray: [] });
		expect(blockFences(['~~~~', '~~~ not a close', ':::', '~~~~', ''].join('\n')).stray).toEqual([]);
		expect(blockFences(['```js', '``` still code', ':::', '```', ''].join('\n')).stray).toEqual([]);
		// After the example, blocks are read again.
		expect(blockFences(`${example}\n:::note\n`).unclosed).toEqual([{ name: 'note', line: 7 }]);
		expect(blockLine(`${example}\n:::tip\nx\n:::\n`, 'tip', 0)).toBe(7);
	});

	test('indented code is an example outside lists, and list items keep their blocks', () => {
		expect(blockFences('Intro\n\n    :::tip\n    An example.\n').unclosed).toEqual([]);
		expect(blockFences('Intro\n\n\t:::\n').stray).toEqual([]);
		// A line indented under a paragraph continues it rather than starting code.
		expect(blockFences('Intro\n    :::\n').stray).toEqual([2]);
		expect(blockFences('- item\n\n    :::tip\n    In the item.\n    :::\n').unclosed).toEqual([]);
		expect(blockLine('- item\n\n    :::tip\n    In the item.\n    :::\n', 'tip', 0)).toBe(3);
		expect(blockFences('- item\n\n    :::tip\n').unclosed).toEqual([{ name: 'tip', line: 3 }]);
	});
});

describe('code examples the parser leaves out, as CommonMark reads them', () => {
	test('a fence inside indented code is part of the example', () => {
		expect(blockFences(['Intro', '', '    ```', '', ':::tip', '```js', 'x', '```', ':::', ''].join('\n'))).toEqual({
			unclosed: [],
			stray: [],
		});
	});
	test('a fence opened on a list item line', () => {
		expect(blockFences(['- ```md', '  :::tip', '  ```', '', ':::note', 'Real.', ':::', ''].join('\n'))).toEqual({
			unclosed: [],
			stray: [],
		});
	});
	test('indented code straight after a heading or a code fence', () => {
		expect(blockFences('## Example\n    :::\n').stray).toEqual([]);
		expect(blockFences('Example\n-------\n    :::tip[Your title]\n\nText.\n').unclosed).toEqual([]);
		expect(blockFences('Title\n=====\n    :::\n').stray).toEqual([]);
		expect(blockFences('```md\nx\n```\n    :::tip\n').unclosed).toEqual([]);
		// Under a paragraph, an indented line still continues it.
		expect(blockFences('Text\n    :::\n').stray).toEqual([2]);
	});
});

describe('other text the parser shows as written', () => {
	test('a line of colons alone in inline code, an HTML block or frontmatter closes nothing', () => {
		expect(blockFences('A `code\n:::\nspan` here.\n').stray).toEqual([]);
		expect(blockFences('<div>\n:::\n</div>\n').stray).toEqual([]);
		expect(blockFences('---\nnote: |\n  :::\n---\n\nText\n:::\n').stray).toEqual([7]);
	});
});

describe('what follows a block name', () => {
	test('what follows each opening line, by name and in order, with empty brackets and braces as nothing', () => {
		const openings = blockOpenings(
			':::tip[Title]\n:::\n\n:::tip{}\n:::\n\n:::note[]\n:::\n\n:::tip[Mind the gap\n:::\n\n```\n:::tip[example]\n```\n',
		);
		expect(Object.fromEntries(openings)).toEqual({ tip: ['[Title]', '', '[Mind the gap'], note: [''] });
	});
});

describe('bodyLineOffset', () => {
	test('the lines before the trimmed body: frontmatter and blank lines, with any line ending', () => {
		const file = '---\ntitle: x\n---\n\n\nBody.\n\n:::tip\n:::\n\n';
		expect(bodyLineOffset(file, 'Body.\n\n:::tip\n:::')).toBe(5);
		expect(bodyLineOffset(file.replace(/\n/g, '\r\n'), 'Body.\r\n\r\n:::tip\r\n:::')).toBe(5);
		expect(bodyLineOffset('\uFEFF---\rtitle: x\r---\rBody.', 'Body.')).toBe(3);
		// A body given whole, as an MDX file's is with its frontmatter blanked, starts at the top.
		expect(bodyLineOffset('Body.\n', 'Body.\n')).toBe(0);
	});
});
