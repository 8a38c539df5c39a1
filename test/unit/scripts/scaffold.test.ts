import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { localDate, nextNumber, scaffold, TITLE_MAX } from '../../../scripts/lib/scaffold.mjs';
import { slugify } from '../../../src/lib/slug.ts';
import { issueSchema } from '../../../src/schemas/issue.ts';
import { playbookSchema } from '../../../src/schemas/playbook.ts';

const dirs: string[] = [];
function contentCopy(): string {
	const dir = mkdtempSync(join(tmpdir(), 'pb-scaffold-'));
	dirs.push(dir);
	cpSync(join(import.meta.dirname, '../../fixtures/good/content'), dir, { recursive: true });
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const today = new Date(2026, 10, 23, 9, 30);

describe('new:issue and new:playbook', () => {
	test('slugs and dates', () => {
		expect(slugify('  Partner or Pen Pal? Déjà vu!  ')).toBe('partner-or-pen-pal-deja-vu');
		expect(localDate(today)).toBe('2026-11-23');
	});

	test('an issue gets the next number (drafts count), today’s date, a slug and the usual sections', () => {
		const dir = contentCopy();
		expect(nextNumber(join(dir, 'issues'))).toBe(100);
		const file = scaffold('issue', 'Partner or pen pal?', { contentDir: dir, today });
		expect(relative(dir, file)).toBe('issues/100-partner-or-pen-pal.md');
		const source = readFileSync(file, 'utf8');
		expect(source).toMatch(/^---\nnumber: 100\ntitle: "Partner or pen pal\?"\ndate: 2026-11-23\n/);
		expect(source).toContain('draft: true');
		for (const heading of ['## Partnerships in the wild', '## The main topic', '## Until next week'])
			expect(source).toContain(heading);
		expect(source).toMatch(/^:::wild\{source="[^"]+" lesson="[^"]+"\}\n[\s\S]+?\n:::$/m);
	});

	test('refuses to overwrite, even under another number, and needs a title', () => {
		const dir = contentCopy();
		const file = scaffold('issue', 'Same title', { contentDir: dir, today });
		writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited by hand.\n`);
		expect(() => scaffold('issue', 'Same title', { contentDir: dir, today })).toThrow(/already exists; nothing was written/);
		expect(readFileSync(file, 'utf8')).toContain('Edited by hand.');
		scaffold('playbook', 'Activation plan', { contentDir: dir, today });
		expect(() => scaffold('playbook', 'Activation plan', { contentDir: dir, today })).toThrow(
			/playbooks\/activation-plan\.md already exists/,
		);
		// A file in the other format with the same slug counts too.
		writeFileSync(join(dir, 'playbooks', 'older-guide.mdx'), readFileSync(file, 'utf8'));
		expect(() => scaffold('playbook', 'Older guide', { contentDir: dir, today })).toThrow(
			/playbooks\/older-guide\.mdx already exists/,
		);
		// So does a file in a sub-folder, whose address is its file name too.
		mkdirSync(join(dir, 'issues', '2025'));
		writeFileSync(join(dir, 'issues', '2025', '031-year-in-review.md'), readFileSync(file, 'utf8'));
		expect(() => scaffold('issue', 'Year in review', { contentDir: dir, today })).toThrow(
			/issues\/2025\/031-year-in-review\.md already exists/,
		);
		expect(() => scaffold('issue', '  ?! ', { contentDir: dir, today })).toThrow('Give the issue a title');
	});

	test('refuses a title the build would refuse, and writes nothing', () => {
		const dir = contentCopy();
		const long = 'Partners '.repeat(20).trim();
		expect(() => scaffold('issue', long, { contentDir: dir, today })).toThrow(
			`That title has ${long.length} characters; titles are at most 120, so the build would refuse it.`,
		);
		expect(readdirSync(join(dir, 'issues')).filter((name) => name.includes('partners'))).toEqual([]);
		// The limit is the schemas' own.
		for (const schema of [issueSchema, playbookSchema]) {
			expect(schema.shape.title.safeParse('x'.repeat(TITLE_MAX)).success).toBe(true);
			expect(schema.shape.title.safeParse('x'.repeat(TITLE_MAX + 1)).success).toBe(false);
		}
		const file = scaffold('issue', `  ${'x'.repeat(TITLE_MAX - 3)}   ab `, { contentDir: dir, today });
		expect(readFileSync(file, 'utf8')).toContain(`title: "${'x'.repeat(TITLE_MAX - 3)} ab"`);
	});

	test('a title with no Latin letter or digit gets a file named after its kind, and is not refused', () => {
		const dir = contentCopy();
		const made = (kind: 'issue' | 'playbook', title: string) => relative(dir, scaffold(kind, title, { contentDir: dir, today }));
		expect(made('issue', 'Партнёры и друзья')).toBe('issues/100-issue.md');
		expect(made('issue', '日本語のタイトル')).toBe('issues/101-issue.md');
		expect(made('issue', '🚀🚀')).toBe('issues/102-issue.md');
		expect(readFileSync(join(dir, 'issues/100-issue.md'), 'utf8')).toContain('title: "Партнёры и друзья"');
		expect(made('playbook', 'Партнёры')).toBe('playbooks/playbook.md');
		expect(made('playbook', 'Друзья')).toBe('playbooks/playbook-2.md');
		// The same title twice is found by the title itself, as the file name says nothing of it.
		expect(() => scaffold('issue', ' 🚀🚀 ', { contentDir: dir, today })).toThrow(
			/issues\/102-issue\.md already has this title; nothing was written\. Choose another title or edit that file\./,
		);
		expect(() => scaffold('playbook', 'Друзья', { contentDir: dir, today })).toThrow(
			/playbooks\/playbook-2\.md already has this title/,
		);
		expect(readdirSync(join(dir, 'issues')).filter((name) => name.endsWith('-issue.md'))).toHaveLength(3);
	});

	test('counts a title’s characters as a reader sees them, and writes it composed (NFC)', () => {
		const dir = contentCopy();
		const file = scaffold('issue', 'e\u0301'.repeat(TITLE_MAX), { contentDir: dir, today });
		expect(readFileSync(file, 'utf8')).toContain(`title: "${'é'.repeat(TITLE_MAX)}"`);
		expect(() => scaffold('issue', 'e\u0301'.repeat(TITLE_MAX + 1), { contentDir: dir, today })).toThrow(
			`That title has ${TITLE_MAX + 1} characters; titles are at most ${TITLE_MAX}`,
		);
	});

	test('reads issue numbers from frontmatter with Windows line ends or a byte-order mark, as the build does', () => {
		const dir = mkdtempSync(join(tmpdir(), 'pb-scaffold-'));
		dirs.push(dir);
		mkdirSync(join(dir, 'issues'));
		writeFileSync(join(dir, 'issues', 'a.md'), '---\r\nnumber: 41\r\ntitle: "Windows"\r\n---\r\n\r\nBody.\r\n');
		writeFileSync(join(dir, 'issues', 'b.md'), '\uFEFF---\nnumber: 7\n---\n');
		// A number in the body, or one that is not a whole number, is not an issue number.
		writeFileSync(join(dir, 'issues', 'c.md'), '---\nnumber: "90"\n---\n\nnumber: 95\n');
		expect(nextNumber(join(dir, 'issues'))).toBe(42);
	});

	test('npm run new:issue writes the draft from the command line', () => {
		const dir = contentCopy();
		const root = join(import.meta.dirname, '../../..');
		const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['new:issue'] as string;
		// The command after the Node version check, as npm runs it.
		const [node, ...args] = script.split(' && ').at(-1)!.split(' ');
		expect(node).toBe('node');
		const out = execFileSync(process.execPath, [...args, 'Partner or pen pal?'], {
			cwd: root,
			env: { ...process.env, PACTBOOK_CONTENT: dir },
			encoding: 'utf8',
		});
		expect(out).toContain('as a draft.');
		expect(readFileSync(join(dir, 'issues', '100-partner-or-pen-pal.md'), 'utf8')).toMatch(/^---\nnumber: 100\n/);
	});

	test('npm run new:issue with a title of another script says how to give the file a readable address', () => {
		const dir = contentCopy();
		const root = join(import.meta.dirname, '../../..');
		const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['new:issue'] as string;
		const [, ...args] = script.split(' && ').at(-1)!.split(' ');
		const out = execFileSync(process.execPath, [...args, 'Партнёры', 'и', 'друзья'], {
			cwd: root,
			env: { ...process.env, PACTBOOK_CONTENT: dir },
			encoding: 'utf8',
		});
		expect(out).toContain(`Created ${relative(root, join(dir, 'issues', '100-issue.md'))} as a draft.`);
		expect(out).toContain('rename the file or set `slug:`');
	});
});
