import { describe, expect, test } from 'vitest';
import { htmlToMarkdown, originalImage } from '../../../../scripts/lib/import/html.ts';

const messages = (html: string, format: Parameters<typeof htmlToMarkdown>[1] = 'substack') =>
	htmlToMarkdown(html, format).losses.map((l) => l.message);

describe('HTML to Markdown: the basics', () => {
	test('headings, lists, tables, code, links and emphasis survive', () => {
		const { markdown, losses } = htmlToMarkdown(
			'<h2>Plan</h2><p>Read <a href="https://example.com/a">this</a>, <em>then</em> <strong>act</strong>.</p><ul><li>one</li><li>two</li></ul><table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table><pre><code class="language-js">const x = 1;</code></pre><ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> open</li></ul><p>Was <del>wrong</del>.</p>',
		);
		expect(markdown).toContain('## Plan');
		expect(markdown).toContain('Read [this](https://example.com/a), _then_ **act**.');
		expect(markdown).toMatch(/^- {1,3}one$/m);
		expect(markdown).toMatch(/^\| A +\| B +\|$/m);
		expect(markdown).toContain('const x = 1;');
		expect(markdown).toMatch(/^```/m);
		expect(markdown).toMatch(/^- +\[x\] +done$/m);
		expect(markdown).toMatch(/^- +\[ \] +open$/m);
		expect(markdown).toContain('~~wrong~~');
		expect(losses).toEqual([]);
	});

	test('text that looks like markup stays text', () => {
		const { markdown } = htmlToMarkdown('<p>&lt;script&gt;alert(1)&lt;/script&gt; costs &amp;copy; 5</p><p>::: wild</p>');
		expect(markdown).toContain('\\<script>');
		expect(markdown).toContain('\\&copy;');
		expect(markdown).toMatch(/^\\:::/m);
	});

	test('a <script> is removed and listed', () => {
		const { markdown, losses } = htmlToMarkdown('<p>Hello</p><script>document.write("x")</script><noscript>no</noscript>');
		expect(markdown.trim()).toBe('Hello');
		expect(losses.map((l) => l.message)).toEqual(['a <script> element was removed; scripts never run in Pactbook articles.']);
	});

	test('an element no article uses keeps its text and is listed', () => {
		const { markdown, losses } = htmlToMarkdown('<p>Before <marquee>moving</marquee> after</p>');
		expect(markdown.trim()).toBe('Before moving after');
		expect(losses[0]?.message).toBe('unknown HTML <marquee> was kept as plain text.');
	});
});

describe('Substack', () => {
	test('a captioned image keeps its caption, as alt text and below, with the original address', () => {
		const { markdown } = htmlToMarkdown(
			'<div class="captioned-image-container"><figure><a class="image-link image2" href="https://substackcdn.com/image/fetch/f_auto/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2Fa.png"><div class="image2-inset"><picture><source type="image/webp" srcset="x 424w"><img src="https://substackcdn.com/image/fetch/w_1456,c_limit/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2Fa.png" alt=""></picture><div class="image-link-expand"><svg></svg></div></div></a><figcaption class="image-caption">Pipeline by quarter</figcaption></figure></div>',
		);
		expect(markdown.trim()).toBe(
			'![Pipeline by quarter](https://substack-post-media.s3.amazonaws.com/public/images/a.png)\n\n_Pipeline by quarter_',
		);
	});

	test('the original image behind a resizing address', () => {
		expect(originalImage('https://substackcdn.com/image/fetch/w_1456/https%3A%2F%2Fs3.example.com%2Fa.png')).toBe(
			'https://s3.example.com/a.png',
		);
		expect(originalImage('https://example.com/a.png')).toBe('https://example.com/a.png');
	});

	test('subscribe widgets and buttons go; other buttons become links', () => {
		const { markdown, losses } = htmlToMarkdown(
			'<div class="subscription-widget-wrap-editor" data-attrs="{}"><div class="subscription-widget"><div class="preamble"><p class="cta-caption">Thanks for reading!</p></div><form class="subscription-widget-subscribe"><input type="email" name="email"><input type="submit" class="button primary" value="Subscribe"></form></div></div><p class="button-wrapper"><a class="button primary" href="https://x.substack.com/subscribe?"><span>Subscribe now</span></a></p><p class="button-wrapper"><a class="button primary" href="https://example.com/template"><span>Get the template</span></a></p>',
		);
		expect(markdown.trim()).toBe('[Get the template](https://example.com/template)');
		expect(losses.map((l) => l.message)).toEqual(['a subscribe button of the old platform was removed (2 times).']);
		expect(losses[0]?.fix).toContain('subscribe:');
	});

	test('a YouTube embed and a tweet become links, and are listed', () => {
		const { markdown, losses } = htmlToMarkdown(
			'<div id="youtube2-AbC123xyz" class="youtube-wrap" data-attrs="{&quot;videoId&quot;:&quot;AbC123xyz&quot;}"><div class="youtube-inner"><iframe src="https://www.youtube-nocookie.com/embed/AbC123xyz?rel=0"></iframe></div></div><div class="tweet" data-attrs="{&quot;url&quot;:&quot;https://twitter.com/desk/status/17&quot;}"><div class="tweet-text">Who calls first?</div></div>',
		);
		expect(markdown).toContain('[Watch the video on YouTube](https://www.youtube.com/watch?v=AbC123xyz)');
		expect(markdown).toContain('[See the post on X](https://twitter.com/desk/status/17)');
		expect(markdown).not.toContain('iframe');
		expect(losses.map((l) => l.message)).toEqual([
			'an embedded video became a link.',
			'an embedded post from X (Twitter) became a link.',
		]);
	});

	test('footnotes become GFM footnotes', () => {
		const { markdown } = htmlToMarkdown(
			'<p>Short<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a>.</p><div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>One page.</p></div></div>',
		);
		expect(markdown).toContain('Short[^1].');
		expect(markdown).toContain('[^1]: One page.');
	});

	test('the paywall line is noticed', () => {
		expect(
			htmlToMarkdown('<p>Free</p><div class="paywall-jump" data-component-name="PaywallToDOM"></div><p>Paid</p>').paywall,
		).toBe(true);
		expect(htmlToMarkdown('<p>Free</p>').paywall).toBe(false);
	});
});

describe('Ghost cards', () => {
	test('an image card keeps its caption; a callout becomes a note; a bookmark a link', () => {
		const { markdown, losses } = htmlToMarkdown(
			'<figure class="kg-card kg-image-card kg-card-hascaption"><img src="__GHOST_URL__/content/images/2024/03/a.png" class="kg-image" alt="Two hands" loading="lazy"><figcaption><span style="white-space: pre-wrap;">A handshake.</span></figcaption></figure><div class="kg-card kg-callout-card kg-callout-card-blue"><div class="kg-callout-emoji">💡</div><div class="kg-callout-text">Move up after a <b>shared</b> win.</div></div><figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://example.com/guide"><div class="kg-bookmark-content"><div class="kg-bookmark-title">A guide</div><div class="kg-bookmark-description">How to set thresholds.</div></div><div class="kg-bookmark-thumbnail"><img src="https://example.com/t.png" alt=""></div></a></figure><!--kg-card-begin: html--><p>From the HTML card.</p><!--kg-card-end: html-->',
			'ghost',
		);
		expect(markdown).toContain('![Two hands](__GHOST_URL__/content/images/2024/03/a.png)\n\n_A handshake._');
		expect(markdown).toContain(':::note\nMove up after a **shared** win.\n:::');
		expect(markdown).toContain('[A guide](https://example.com/guide): How to set thresholds.');
		expect(markdown).not.toContain('t.png');
		expect(markdown).not.toContain('kg-card');
		expect(markdown).toContain('From the HTML card.');
		expect(losses).toEqual([]);
	});

	test('button, toggle and embed cards; an unknown card keeps its text and is listed', () => {
		const { markdown, losses } = htmlToMarkdown(
			'<div class="kg-card kg-button-card kg-align-center"><a href="https://example.com/sheet" class="kg-btn kg-btn-accent">Get the sheet</a></div><div class="kg-card kg-toggle-card"><div class="kg-toggle-heading"><h4 class="kg-toggle-heading-text">Who attends?</h4></div><div class="kg-toggle-content"><p>Five partners.</p></div></div><figure class="kg-card kg-embed-card"><iframe src="https://player.vimeo.com/video/42"></iframe></figure><div class="kg-card kg-future-card"><p>Some text</p></div>',
			'ghost',
		);
		expect(markdown).toContain('[Get the sheet](https://example.com/sheet)');
		expect(markdown).toContain('**Who attends?**\n\nFive partners.');
		expect(markdown).toContain('[Watch the video on Vimeo](https://vimeo.com/42)');
		expect(markdown).toContain('Some text');
		expect(losses.map((l) => l.message)).toEqual([
			'an embedded <iframe> became a link.',
			'a Ghost "kg-future-card" was kept as plain text.',
		]);
	});
});

describe('WordPress blocks', () => {
	test('block comments go; image, embed and button blocks convert', () => {
		const { markdown, losses } = htmlToMarkdown(
			`<!-- wp:paragraph -->
<p>Draw the map together.</p>
<!-- /wp:paragraph -->
<!-- wp:image {"id":21,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="https://site.example/wp-content/uploads/2023/05/map.png" alt="A map" class="wp-image-21"/><figcaption class="wp-element-caption">Three regions.</figcaption></figure>
<!-- /wp:image -->
<!-- wp:embed {"url":"https://www.youtube.com/watch?v=Zy98","type":"video","providerNameSlug":"youtube"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=Zy98
</div></figure>
<!-- /wp:embed -->
<!-- wp:buttons --><div class="wp-block-buttons"><!-- wp:button --><div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://site.example/t/">Copy the template</a></div><!-- /wp:button --></div><!-- /wp:buttons -->`,
			'wordpress',
		);
		expect(markdown).not.toContain('wp:');
		expect(markdown).toContain('Draw the map together.');
		expect(markdown).toContain('![A map](https://site.example/wp-content/uploads/2023/05/map.png)\n\n_Three regions._');
		expect(markdown).toContain('[Watch the video on YouTube](https://www.youtube.com/watch?v=Zy98)');
		expect(markdown).toContain('[Copy the template](https://site.example/t/)');
		expect(losses.map((l) => l.message)).toEqual(['an embed became a link.']);
	});

	test('classic-editor text: paragraphs, line breaks, [caption] and other shortcodes', () => {
		const { markdown, losses } = htmlToMarkdown(
			'First paragraph & more.\n\n[caption id="a" width="300"]<img src="https://site.example/k.jpg" alt="" /> The agenda[/caption]\n\nLine one\nline two\n\n[gallery ids="1,2"]',
			'wordpress',
		);
		expect(markdown).toContain('First paragraph & more.');
		expect(markdown).toContain('![The agenda](https://site.example/k.jpg)\n\n_The agenda_');
		expect(markdown).toContain('Line one\\\nline two');
		expect(markdown).not.toContain('[gallery');
		expect(losses.map((l) => l.message)).toEqual(['a [gallery] shortcode was removed; it only works in WordPress.']);
	});

	test('a [caption] or other text in square brackets that is no shortcode stays', () => {
		expect(htmlToMarkdown('<p>He said [sic] twice.</p>', 'wordpress').markdown).toContain('He said \\[sic\\] twice.');
	});

	test('an iframe of any platform becomes a link to its address', () => {
		expect(messages('<p><iframe src="https://maps.example.com/embed?x=1"></iframe></p>')).toEqual([
			'an embedded <iframe> became a link.',
		]);
		expect(htmlToMarkdown('<p><iframe src="https://maps.example.com/embed?x=1"></iframe></p>').markdown).toContain(
			'[See the embedded content on maps.example.com](https://maps.example.com/embed?x=1)',
		);
	});
});
