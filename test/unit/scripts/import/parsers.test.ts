import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectFormat, parseExport } from '../../../../scripts/lib/import/detect.ts';
import { parseGhost } from '../../../../scripts/lib/import/ghost.ts';
import {
	addressKey,
	cleanMarkdown,
	codeSpan,
	convertContainers,
	numberInTitle,
	parseMarkdownFolder,
	postByFile,
	splitFrontmatter,
} from '../../../../scripts/lib/import/markdown.ts';
import { memoryExport, openExport } from '../../../../scripts/lib/import/source.ts';
import { parseSubstack } from '../../../../scripts/lib/import/substack.ts';
import { parseWordpress } from '../../../../scripts/lib/import/wordpress.ts';

const fixture = (name: string) => openExport(join(import.meta.dirname, '../../../fixtures', name, 'export'));

describe('format detection', () => {
	test('each fixture export is told apart by what it holds', () => {
		expect(detectFormat(fixture('import-substack'))).toBe('substack');
		expect(detectFormat(fixture('import-ghost'))).toBe('ghost');
		expect(detectFormat(fixture('import-wordpress'))).toBe('wordpress');
		expect(detectFormat(fixture('import-markdown'))).toBe('markdown');
	});
	test('a folder with nothing to import is a clear error', () => {
		expect(() => detectFormat(memoryExport('photos', { 'a.png': 'x', 'notes.txt': 'y' }))).toThrow(
			/photos is not an export Pactbook can read\. Give a Substack export/,
		);
	});
});

describe('Substack', () => {
	test('rows of posts.csv with their bodies; drafts, paid posts and threads', () => {
		const parsed = parseSubstack(fixture('import-substack'));
		expect(parsed.posts.map((p) => p.slug)).toEqual([
			'first-partner-review',
			'co-selling-basics',
			'pricing-for-partners',
			'notes-in-progress',
		]);
		const [first, , paid, draft] = parsed.posts;
		expect(first).toMatchObject({
			key: 'substack 101.first-partner-review',
			title: 'Issue #1: The first partner review',
			subtitle: 'What to ask a partner after ninety days, and what to leave for later.',
			date: '2024-01-08T14:30:00.000Z',
			draft: false,
		});
		expect(first?.html).toContain('captioned-image-container');
		expect(paid?.restricted).toBe('paying subscribers');
		expect(draft?.draft).toBe(true);
		expect(parsed.skipped).toEqual([
			expect.objectContaining({ file: 'posts/105.ask-me-anything.html', message: expect.stringContaining('discussion thread') }),
		]);
	});

	test('a row whose HTML file is missing is skipped with the reason', () => {
		const parsed = parseSubstack(
			memoryExport('export.zip', {
				'posts.csv':
					'post_id,post_date,is_published,type,audience,title,subtitle\n7.gone,2024-01-01,true,newsletter,everyone,Gone,\n',
			}),
		);
		expect(parsed.posts).toEqual([]);
		expect(parsed.skipped[0]?.message).toContain('the export has no posts/7.gone.html');
	});

	test('broken quoting in posts.csv is a clear error naming the file and the fix', () => {
		const broken = memoryExport('export.zip', {
			'posts.csv':
				'post_id,post_date,is_published,type,audience,title,subtitle\n1.a,2024-01-01,true,newsletter,everyone,"An "unclosed title,x\n',
			'posts/1.a.html': '<p>x</p>',
		});
		expect(() => parseSubstack(broken)).toThrow(
			/export\.zip: posts\.csv could not be read as CSV: .*Nothing was written\. .*quote/s,
		);
	});

	test('a CSV without Substack columns is refused', () => {
		expect(() => parseSubstack(memoryExport('x', { 'posts.csv': 'name,email\na,b\n' }))).toThrow(/no post_id or title column/);
	});
});

describe('Ghost', () => {
	test('posts with their tags, authors and status; pages and internal tags left out', () => {
		const parsed = parseGhost(fixture('import-ghost'));
		expect(parsed.posts.map((p) => p.slug)).toEqual(['partner-tiers', 'partner-councils']);
		const [tiers, councils] = parsed.posts;
		expect(tiers).toMatchObject({
			title: 'Partner tiers that mean something',
			excerpt: 'Tiers should describe what a partner does for customers, not how many badges it collects.',
			date: '2024-03-04T23:30:00.000Z',
			tags: ['Partner Programs', 'partner programs'],
			authors: ['u1'],
			draft: false,
		});
		expect(tiers?.restricted).toBeUndefined();
		expect(councils).toMatchObject({ draft: true, restricted: 'paying members', authors: ['u2', 'u1'], tags: ['Councils'] });
		expect(parsed.authors[0]).toEqual({
			key: 'u1',
			name: 'Priya Raman',
			slug: 'priya',
			bio: 'Runs the partner programme.',
			website: 'https://example.com/priya',
		});
		expect(parsed.skipped.map((s) => s.message)).toEqual([
			expect.stringContaining('has no HTML in the export'),
			'1 page (not posts) left out.',
		]);
	});

	test('a feature image leads the body, escaped', () => {
		const parsed = parseGhost(
			memoryExport('g.json', {
				'g.json': JSON.stringify({
					db: [
						{
							data: {
								posts: [
									{
										id: '1',
										title: 'T',
										html: '<p>x</p>',
										feature_image: 'https://x.example/a.png?"onload=1',
										status: 'published',
										type: 'post',
									},
								],
							},
						},
					],
				}),
			}),
		);
		expect(parsed.posts[0]?.html).toBe('<figure><img src="https://x.example/a.png?&quot;onload=1" alt=""></figure><p>x</p>');
	});
});

describe('WordPress', () => {
	test('posts only, with their author, categories, tags and status', () => {
		const parsed = parseWordpress(fixture('import-wordpress'));
		expect(parsed.posts.map((p) => p.key)).toEqual(['wordpress 11', 'wordpress 7', 'wordpress 15']);
		const [map, kickoff, draft] = parsed.posts;
		expect(map).toMatchObject({
			title: 'Mapping territories with a partner',
			slug: 'mapping-territories',
			date: '2023-05-14 10:15:00',
			tags: ['Alliances', 'Territories', 'Planning'],
			category: 'Alliances',
			authors: ['lena'],
			draft: false,
		});
		expect(map?.html).toContain('<!-- wp:image');
		expect(kickoff?.excerpt).toBe('<p>How to run a <em>one-hour</em> partner kickoff.</p>');
		expect(kickoff?.tags).toEqual([]);
		expect(draft).toMatchObject({ draft: true, slug: '', date: '2023-05-30 12:00:00' });
		expect(parsed.authors).toEqual([{ key: 'lena', name: 'Lena Fischer', slug: 'lena' }]);
		expect(parsed.skipped.at(-1)?.message).toBe('left out what is not a post: 1 page, 1 attachment, 1 nav menu item.');
	});

	test('XML that is not well-formed is a clear error with its line', () => {
		const source = memoryExport('blog.xml', {
			'blog.xml':
				'<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><item><title>x</item></channel></rss>',
		});
		expect(() => parseWordpress(source)).toThrow(/blog\.xml: blog\.xml is not well-formed XML \(line 3: .*Nothing was written/);
	});
});

describe('Markdown folders', () => {
	test('YAML, TOML and Pelican headers, and Jekyll dates in file names', () => {
		expect(splitFrontmatter('---\ntitle: A\n---\nBody').fields).toEqual({ title: 'A' });
		expect(splitFrontmatter('+++\ntitle = "B"\n+++\nBody')).toMatchObject({ fields: { title: 'B' }, kind: 'toml', body: 'Body' });
		expect(splitFrontmatter('Title: C\nDate: 2020-12-2\n\nBody')).toMatchObject({
			fields: { title: 'C', date: '2020-12-2' },
			kind: 'pelican',
			body: '\nBody',
		});
		expect(splitFrontmatter('Just text: with a colon\n\nBody').kind).toBe('none');
		const parsed = parseMarkdownFolder(fixture('import-markdown'));
		const bySource = new Map(parsed.posts.map((p) => [p.source, p]));
		expect([...bySource.keys()].sort()).toEqual([
			'_posts/2020-12-2-year-in-review.md',
			'_posts/2021-05-04-partner-week.md',
			'content/posts/onboarding-checklist.md',
			'content/posts/partner-scorecards.md',
			'pelican-referrals.md',
		]);
		expect(bySource.get('content/posts/partner-scorecards.md')).toMatchObject({
			title: 'Issue #7: Scorecards partners actually read',
			date: '2021-3-9',
			excerpt: 'A scorecard with five numbers beats a dashboard with fifty.',
			tags: ['Scorecards', 'Partner Metrics', 'Operations'],
			category: 'Operations',
			authors: ['Sam Ortiz'],
			draft: false,
			folder: 'content/posts',
		});
		expect(bySource.get('content/posts/onboarding-checklist.md')).toMatchObject({
			slug: 'onboarding',
			excerpt: 'The first thirty days decide whether a partner becomes active.',
		});
		expect(bySource.get('_posts/2020-12-2-year-in-review.md')).toMatchObject({
			date: '2020-12-2',
			slug: 'year-in-review',
			tags: ['review'],
		});
		expect(bySource.get('_posts/2021-05-04-partner-week.md')).toMatchObject({
			slug: 'partner-week',
			tags: ['partners', 'news'],
			addresses: expect.arrayContaining(['/partners/news/2021/05/04/partner-week.html']),
		});
		expect(bySource.get('content/posts/partner-scorecards.md')?.markdown).not.toContain('# Scorecards partners actually read');
		expect(bySource.get('pelican-referrals.md')).toMatchObject({
			date: 'Dec 2, 2020',
			updated: '2021-01-15 10:20',
			slug: 'referrals',
			tags: ['referrals', 'incentives', 'Programmes'],
			authors: ['Noor Haddad'],
			draft: true,
		});
	});

	test('a file whose frontmatter cannot be read is skipped with the reason', () => {
		const parsed = parseMarkdownFolder(
			memoryExport('site', { 'a.md': '---\ntitle: [unclosed\n---\nBody', 'b.md': '---\ntitle: Fine\n---\nBody' }),
		);
		expect(parsed.posts.map((p) => p.source)).toEqual(['b.md']);
		expect(parsed.skipped[0]).toMatchObject({
			file: 'a.md',
			message: expect.stringContaining('its frontmatter could not be read'),
		});
	});

	test('a number in the title', () => {
		expect(numberInTitle('Issue #12: Renewals')).toEqual({ number: 12, title: 'Renewals' });
		expect(numberInTitle('#3 — Councils')).toEqual({ number: 3, title: 'Councils' });
		expect(numberInTitle('No. 40 | Pricing')).toEqual({ number: 40, title: 'Pricing' });
		expect(numberInTitle('10 habits of partner managers')).toBeUndefined();
	});

	test('other generators’ ::: containers become Pactbook blocks, or text', () => {
		const losses: { message: string }[] = [];
		const out = convertContainers(
			':::info\nA\n:::\n\n:::tip Send early\nB\n:::\n\n:::details Click\nC\n:::\n\n```\n:::note\n```',
			losses,
		);
		expect(out).toBe(':::note\nA\n:::\n\n:::tip[Send early]\nB\n:::\n\n\\:::details Click\nC\n\\:::\n\n```\n:::note\n```');
		expect(losses.map((l) => l.message)).toEqual(['1 ::: container Pactbook has no block for was kept as text.']);
	});

	test('::: lines the parser reads as code or HTML are left as written', () => {
		const losses: { message: string }[] = [];
		const body = [
			'Indented code:',
			'',
			'    :::danger',
			'    :::',
			'',
			'~~~md',
			'```',
			':::info',
			'~~~',
			'',
			'<div class="box">',
			':::details Open',
			'</div>',
			'',
			'- A list item with a fence:',
			'',
			'  ```',
			'  :::tip',
			'  ```',
			'',
			':::danger Careful',
			'Text.',
			':::',
		].join('\n');
		expect(convertContainers(body, losses)).toBe(body.replace(':::danger Careful', ':::warning[Careful]'));
		expect(losses).toEqual([]);
	});

	test('a ::: line that closes no container is kept as text, and the report says so', () => {
		const losses: { message: string }[] = [];
		expect(convertContainers('Text.\n\n:::\n\n:::note\nA\n:::\n\n:::\n', losses)).toBe(
			'Text.\n\n\\:::\n\n:::note\nA\n:::\n\n\\:::\n',
		);
		expect(losses.map((l) => l.message)).toEqual(['2 ::: lines that closed no container were kept as text.']);
	});

	test('Jekyll reads categories and tags written as text as words; Hugo, Eleventy and Pelican do not', () => {
		const parsed = parseMarkdownFolder(
			memoryExport('site', {
				'_posts/2024-05-01-welcome-to-jekyll.md': '---\ncategories: jekyll update\ntags: ruby  setup\n---\nText',
				'2024-05-02-dated.md': '---\ncategories: "news, partners"\n---\nText',
				'content/posts/hugo.md': '---\ncategories: partner news\ntags: co marketing\n---\nText',
				'pelican.md': 'Title: P\nCategory: Partner news\nTags: a b, c\n\nText',
			}),
		);
		const bySource = new Map(parsed.posts.map((p) => [p.source, p]));
		expect(bySource.get('_posts/2024-05-01-welcome-to-jekyll.md')).toMatchObject({
			tags: ['ruby', 'setup', 'jekyll', 'update'],
			category: 'jekyll',
		});
		expect(bySource.get('2024-05-02-dated.md')?.tags).toEqual(['news', 'partners']);
		expect(bySource.get('content/posts/hugo.md')).toMatchObject({
			tags: ['co marketing', 'partner news'],
			category: 'partner news',
		});
		expect(bySource.get('pelican.md')).toMatchObject({ tags: ['a b', 'c', 'Partner news'], category: 'Partner news' });
	});

	test('a first # heading that repeats the title, with or without its issue number, is dropped; code is not a heading', () => {
		const parsed = parseMarkdownFolder(
			memoryExport('site', {
				'a.md': '---\ntitle: "Issue #3: Why co-marketing fails"\n---\n\n# Why *co-marketing* fails\n\nText.\n',
				'b.md': '---\ntitle: "Issue #4: Renewals"\n---\n\n# Issue #4: Renewals\n\nText.\n',
				'c.md': '---\ntitle: "Issue #5: Pricing"\n---\n\n# Something else\n\nText.\n',
				'd.md': '```sh\n# not a heading\n```\n\nWhy councils\n===\n\nText.\n',
			}),
		);
		const bySource = new Map(parsed.posts.map((p) => [p.source, p]));
		expect(bySource.get('a.md')?.markdown).toBe('\n\nText.\n');
		expect(bySource.get('b.md')?.markdown).toBe('\n\nText.\n');
		expect(bySource.get('c.md')?.markdown).toBe('\n# Something else\n\nText.\n');
		// Without a title, the first # heading as the parser reads it gives one, and code is left whole.
		expect(bySource.get('d.md')).toMatchObject({ title: 'Why councils', markdown: '```sh\n# not a heading\n```\n\n\nText.\n' });
	});

	test('the addresses a post had: Hugo’s section and slug, Jekyll’s dated forms, permalinks, Pelican’s and aliases', () => {
		const files = {
			'content/posts/second-post.md': '---\ntitle: S\naliases: [/old/second/]\n---\nText',
			'content/posts/renamed.md': '+++\ntitle = "R"\nslug = "new-name"\n+++\nText',
			'_posts/2024-05-01-welcome-to-jekyll.md': '---\ntitle: W\ncategories: jekyll update\n---\nText',
			'blog/_posts/2024-5-2-plain.md': '---\ntitle: P\n---\nText',
			'about.md': '---\ntitle: A\npermalink: /:year/:title/\ndate: 2023-01-02\n---\nText',
			'pelican.md': 'Title: P\nSlug: referrals\n\nText',
		};
		const addresses = new Map(parseMarkdownFolder(memoryExport('site', files)).posts.map((p) => [p.source, p.addresses]));
		expect(addresses.get('content/posts/second-post.md')).toEqual(['/posts/second-post/', '/old/second/']);
		expect(addresses.get('content/posts/renamed.md')).toEqual(['/posts/new-name/']);
		expect(addresses.get('_posts/2024-05-01-welcome-to-jekyll.md')).toEqual([
			'/jekyll/update/2024/05/01/welcome-to-jekyll.html',
			'/jekyll/update/2024/05/01/welcome-to-jekyll/',
			'/2024/05/01/welcome-to-jekyll.html',
			'/2024/05/01/welcome-to-jekyll/',
		]);
		// Folders above _posts are categories too.
		expect(addresses.get('blog/_posts/2024-5-2-plain.md')?.[0]).toBe('/blog/2024/05/02/plain.html');
		expect(addresses.get('about.md')?.[0]).toBe('/2023/about/');
		expect(addresses.get('pelican.md')?.[0]).toBe('/referrals.html');
		// The export is the posts folder itself: its name is the section.
		const folder = parseMarkdownFolder(memoryExport('blog/content/posts/', { 'second-post.md': '---\ntitle: S\n---\nText' }));
		expect(folder.posts[0]?.addresses).toEqual(['/posts/second-post/']);
		const bare = parseMarkdownFolder(memoryExport('posts', { 'second-post.md': '---\ntitle: S\n---\nText' }));
		expect(bare.posts[0]?.addresses).toEqual(['/second-post/', '/posts/second-post/']);
		expect(addressKey('/Posts/Second%20Post/index.html?x=1#top')).toBe('/posts/second post');
		expect(addressKey('/posts/second-post/')).toBe(addressKey('/posts/second-post'));
	});

	test('a post found by the path of its file, as links, Hugo’s ref and Jekyll’s post_url name it', () => {
		const posts = parseMarkdownFolder(
			memoryExport('site', {
				'content/posts/first.md': 'Text',
				'content/posts/second-post.md': 'Text',
				'content/notes/second-post.md': 'Text',
				'_posts/2024-05-02-second.markdown': 'Text',
			}),
		).posts;
		const [first] = posts.filter((p) => p.source === 'content/posts/first.md');
		const source = (path: string) => postByFile(posts, first, path)?.source;
		expect(source('second-post.md#part')).toBe('content/posts/second-post.md');
		expect(source('../notes/second-post.md')).toBe('content/notes/second-post.md');
		expect(source('/posts/second-post')).toBe('content/posts/second-post.md');
		// Two posts end so: neither is taken.
		expect(source('/second-post.md')).toBeUndefined();
		expect(source('notes/second-post')).toBe('content/notes/second-post.md');
		expect(source('/2024-05-02-second')).toBe('_posts/2024-05-02-second.markdown');
		expect(source('missing.md')).toBeUndefined();
	});

	test('{% highlight %} becomes a fence on lines of its own, or inline code inside a line, and the report says which', () => {
		const losses: { message: string }[] = [];
		expect(
			cleanMarkdown(
				'In your directory. {% highlight ruby %}def x; end{% endhighlight %} More text.\n\nRun {% highlight sh %}\nmake\nmake test\n{% endhighlight %} and read on.\n\n{% highlight md %}\n```\nfenced\n```\n{% endhighlight %}\n',
				losses,
			),
		).toBe(
			'In your directory. `def x; end` More text.\n\nRun\n\n```sh\nmake\nmake test\n```\n\nand read on.\n\n````md\n```\nfenced\n```\n````\n',
		);
		expect(losses.map((l) => l.message)).toEqual([
			'a {% highlight %} written inside a line of text became inline code, without its highlighting.',
			'a {% highlight %} block written inside a line of text was put on lines of its own, so the text around it became separate paragraphs.',
		]);
		expect(codeSpan('a `b`')).toBe('`` a `b` ``');
		expect(codeSpan(' x')).toBe('`  x `');
	});

	test('Liquid and Hugo values are removed with a report line, like their tags; raw and code keep them as written', () => {
		const losses: { message: string }[] = [];
		expect(
			cleanMarkdown(
				'Welcome to {{ site.title }} and {{ .Site.Title }}.\n\n{% raw %}{{ page.title }} {% include x %}{% endraw %}\n\n```liquid\n{{ page.url }}\n```\n\nInline `{% if %}` too, and {{</* youtube x */>}} as Hugo shows it.',
				losses,
			),
		).toBe(
			'Welcome to  and .\n\n{{ page.title }} {% include x %}\n\n```liquid\n{{ page.url }}\n```\n\nInline `{% if %}` too, and {{< youtube x >}} as Hugo shows it.',
		);
		expect(losses.map((l) => l.message)).toEqual([
			'a Liquid or Hugo template value ({{ … }}) was removed; it only works in the old generator (2 times).',
			'template syntax of Liquid or Hugo inside code was kept as written (2 times).',
		]);
	});

	test('a brace left open takes no paragraph with it', () => {
		const losses: { message: string }[] = [];
		const body = 'An open {{ brace and {% another.\n\nThe next paragraph }} %} stays.';
		expect(cleanMarkdown(body, losses)).toBe(body);
		expect(losses).toEqual([]);
	});

	test('post_url, ref and relref become links to the other post’s file, or, naming none, are reported and never an empty link', () => {
		const posts = parseMarkdownFolder(
			memoryExport('site', {
				'_posts/2024-05-01-first.md': 'Text',
				'_posts/2024-05-02-second.md': 'Text',
				'content/posts/hugo.md': 'Text',
				'content/posts/other post.md': 'Text',
			}),
		).posts;
		const site = (source: string) => ({ post: posts.find((p) => p.source === source)!, posts });
		const losses: { message: string }[] = [];
		expect(
			cleanMarkdown(
				'[my other post]({% post_url 2024-05-02-second %}) and [gone]({% post_url 2024-01-01-nope %}).',
				losses,
				site('_posts/2024-05-01-first.md'),
			),
		).toBe('[my other post](2024-05-02-second.md) and [gone]().');
		expect(
			cleanMarkdown(
				'[a]({{< ref "other post.md#part" >}}), [b]({{< relref "/posts/hugo" >}}), [c]({{% ref hugo.md %}}), [d]({{< ref "#here" >}}).',
				losses,
				site('content/posts/hugo.md'),
			),
		).toBe('[a](<other post.md#part>), [b](hugo.md), [c](hugo.md), [d](#here).');
		expect(losses.map((l) => l.message)).toEqual([
			'`{% post_url 2024-01-01-nope %}` names no post of this export, so it was removed and a link to it became its text.',
		]);
	});

	test('parseExport reads any format', () => {
		expect(parseExport(fixture('import-ghost')).format).toBe('ghost');
	});
});

describe('broken exports', () => {
	test('a Ghost export that is not valid JSON is a clear error', () => {
		const source = memoryExport('ghost.json', { 'ghost.json': '{"db":[{"data":{"posts":[{"title": "x",}]}}]}' });
		expect(() => detectFormat(source)).toThrow(
			/ghost\.json: ghost\.json looks like a Ghost export but is not valid JSON \(.*\)\. Nothing was written\./,
		);
	});

	test('images written as HTML in Markdown become Markdown images', () => {
		const losses: { message: string }[] = [];
		expect(cleanMarkdown('Before <img src="/images/a b.png" alt="A [chart]" width="3"> after <img alt="none">', losses)).toBe(
			'Before ![A \\[chart\\]](</images/a b.png>) after ',
		);
	});
});

test('another tool’s JSON beside Markdown files does not stop a Markdown import', () => {
	const source = memoryExport('site', { 'tsconfig.json': '{ // comment\n "posts": 1 }', 'a.md': '---\ntitle: A\n---\nText' });
	expect(detectFormat(source)).toBe('markdown');
});
