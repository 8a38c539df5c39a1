// HTML bodies of Substack, Ghost and WordPress posts as clean Markdown, with
// every part that could not come along listed.
import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { destination } from './body-tree.ts';
import type { Format } from './types.ts';

/** Something of a post that did not survive the conversion as it was. */
export interface Loss {
	message: string;
	fix?: string;
}

export interface Converted {
	markdown: string;
	losses: Loss[];
	/** Whether the body marks where the paid-only part starts (Substack's paywall). */
	paywall: boolean;
}

type Element = HTMLElement;

const classes = (node: Element): string[] => (node.getAttribute?.('class') ?? '').split(/\s+/).filter(Boolean);
const hasClass = (node: Element, name: string | RegExp) =>
	classes(node).some((c) => (typeof name === 'string' ? c === name : name.test(c)));
/** Descendants of an element by tag name, as an array. */
const tags = (node: Element, name: string): Element[] => Array.from(node.getElementsByTagName(name)) as Element[];
const isHttp = (address: string | null | undefined): address is string => !!address && /^https?:\/\/[^/\s]/i.test(address);

/** The JSON Substack keeps in `data-attrs`, if it parses. */
function dataAttrs(node: Element): Record<string, unknown> {
	try {
		const value = JSON.parse(node.getAttribute('data-attrs') ?? '{}');
		return value && typeof value === 'object' ? value : {};
	} catch {
		return {};
	}
}

/** Markdown link text: brackets and backslashes escaped, on one line. */
const linkText = (text: string) =>
	text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/([\\[\]])/g, '\\$1');
const link = (text: string, address: string) => `[${linkText(text) || address}](${destination(address)})`;

/** Substack serves images through a resizing address that wraps the original one. */
export function originalImage(src: string): string {
	const wrapped = /^https:\/\/substackcdn\.com\/image\/fetch\/[^/]*\/(https?%3A.+)$/i.exec(src);
	if (!wrapped) return src;
	try {
		return decodeURIComponent(wrapped[1]!);
	} catch {
		return src;
	}
}

/** Where a video or other embedded frame can be watched instead, and the name to give the link. */
export function embedLink(src: string): { text: string; href: string } {
	const youtube = /(?:youtube(?:-nocookie)?\.com\/embed\/|youtu\.be\/)([\w-]{6,})/i.exec(src);
	if (youtube) return { text: 'Watch the video on YouTube', href: `https://www.youtube.com/watch?v=${youtube[1]}` };
	const vimeo = /player\.vimeo\.com\/video\/(\d+)/i.exec(src);
	if (vimeo) return { text: 'Watch the video on Vimeo', href: `https://vimeo.com/${vimeo[1]}` };
	const spotify = /open\.spotify\.com\/embed\/(.+)$/i.exec(src);
	if (spotify) return { text: 'Listen on Spotify', href: `https://open.spotify.com/${spotify[1]}` };
	let host = src;
	try {
		host = new URL(src).hostname.replace(/^www\./, '');
	} catch {}
	return { text: `See the embedded content on ${host}`, href: src };
}

/** The image of a figure and its caption as Markdown: the caption also serves as alt text when there is none. */
function imageMarkdown(img: Element, caption: string): string {
	const src = originalImage(img.getAttribute('src') ?? img.getAttribute('data-src') ?? '');
	if (!src) return caption ? `_${caption}_` : '';
	const alt = (img.getAttribute('alt') ?? '').trim() || caption;
	const title = (img.getAttribute('title') ?? '').trim();
	const image = `![${linkText(alt)}](${destination(src)}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
	return caption ? `${image}\n\n_${caption.replace(/_/g, '\\_')}_` : image;
}

/** Words that mark a link or form as a sign-up for the old platform's list. */
const SUBSCRIBE = /\/subscribe\b|[?&]action=subscribe|\bsubscribe(?:d)?\b|#\/portal\/signup/i;

/** Elements that carry no content a reader of the new site can use. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta'];

/** HTML elements whose content is kept as plain text, with nothing to report. */
const PLAIN = new Set(
	`a abbr address article aside b bdi bdo big blockquote body br caption center cite code col colgroup dd del details dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hgroup hr html i img ins kbd label legend li main mark nav ol p picture pre q s samp section small source span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr`.split(
		' ',
	),
);

/**
 * Rules for the shapes each platform writes: Substack's captioned images,
 * buttons, subscribe widgets, embeds and footnotes; Ghost's cards; WordPress's
 * blocks (their `<!-- wp:… -->` comments are dropped with every other comment).
 */
function service(losses: Loss[]): TurndownService & { losses: () => void } {
	const td = new TurndownService({
		headingStyle: 'atx',
		codeBlockStyle: 'fenced',
		bulletListMarker: '-',
		emDelimiter: '_',
		strongDelimiter: '**',
		hr: '---',
		br: '\\',
	});
	td.use(gfm);
	// Turndown converts an element's children before the element, so a widget that is dropped
	// whole would report what was inside it too: losses remember their element, and those
	// inside a dropped element are left out at the end.
	const found: { node: Element; loss: Loss }[] = [];
	const dropped = new Set<Element>();
	let current: Element | undefined;
	const lose = (message: string, fix?: string) => {
		if (current) found.push({ node: current, loss: fix ? { message, fix } : { message } });
	};
	const drop = (node: Element) => {
		dropped.add(node);
		return '';
	};
	// Rules are listed from the most to the least specific; Turndown tries the last added first.
	const rules: [string, TurndownService.Rule][] = [];
	const rule = (
		key: string,
		{ filter, replacement }: { filter: TurndownService.Filter; replacement: TurndownService.ReplacementFunction },
	) =>
		rules.push([
			key,
			{
				filter,
				replacement: (content, node, options) => {
					current = node;
					return replacement(content, node, options);
				},
			},
		]);
	const escapeText = td.escape.bind(td);
	// Text is text: `<`, entities and Pactbook's `:::` block fences are escaped so none becomes markup.
	td.escape = (text: string) =>
		escapeText(text)
			.replace(/</g, '\\<')
			.replace(/&(?=#?\w+;)/g, '\\&')
			.replace(/(^|\n)(\s*):::/g, '$1$2\\:::');

	rule('dropped', {
		filter: (node) =>
			DROPPED.includes(node.nodeName.toLowerCase()) &&
			!(node.getAttribute('type') === 'checkbox' && node.parentNode?.nodeName === 'LI'),
		replacement: (_content, node) => {
			drop(node);
			const name = node.nodeName.toLowerCase();
			if (name === 'script') lose('a <script> element was removed; scripts never run in Pactbook articles.');
			else if (name === 'form' || name === 'input' || name === 'button')
				lose(
					`a <${name}> was removed (forms of the old platform do not work on the new site).`,
					'Add a `subscribe:` block to site.yaml for a sign-up form.',
				);
			return '';
		},
	});

	// Sign-up widgets and buttons of the old platform.
	rule('subscribe', {
		filter: (node) =>
			hasClass(
				node,
				/^(subscription-widget-wrap(-editor)?|subscribe-widget|kg-signup-card|wp-block-jetpack-subscriptions|kg-cta-card)$/,
			) ||
			(hasClass(node, 'button-wrapper') && SUBSCRIBE.test(node.innerHTML)) ||
			(node.nodeName === 'A' &&
				(hasClass(node, 'button') || hasClass(node, 'kg-btn')) &&
				SUBSCRIBE.test(node.getAttribute('href') ?? '')),
		replacement: (_content, node) => {
			lose(
				'a subscribe button of the old platform was removed.',
				'Add a `subscribe:` block to site.yaml for a sign-up form on every issue.',
			);
			return drop(node);
		},
	});

	// Buttons that lead elsewhere become plain links: Substack's `p.button-wrapper`, Ghost's button card, WordPress's buttons.
	rule('buttons', {
		filter: (node) =>
			node.nodeName === 'A' && (hasClass(node, 'button') || hasClass(node, 'kg-btn') || hasClass(node, 'wp-block-button__link')),
		replacement: (content, node) => {
			const href = node.getAttribute('href') ?? '';
			return href ? `\n\n${link(node.textContent ?? content, href)}\n\n` : content;
		},
	});

	// Captioned images: Substack's `div.captioned-image-container > figure`, Ghost's image card, WordPress's image block.
	rule('figure', {
		filter: (node) =>
			node.nodeName === 'FIGURE' &&
			!hasClass(node, 'kg-bookmark-card') &&
			node.getElementsByTagName('img').length > 0 &&
			node.getElementsByTagName('table').length === 0,
		replacement: (_content, node) => {
			dropped.add(node);
			const caption = (node.getElementsByTagName('figcaption')[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
			const images = tags(node, 'img');
			const parts = images.map((img, i) => imageMarkdown(img, i === images.length - 1 ? caption : ''));
			return `\n\n${parts.join('\n\n')}\n\n`;
		},
	});

	// Ghost's bookmark card: a link to the page, with its description.
	rule('bookmark', {
		filter: (node) => hasClass(node, 'kg-bookmark-card'),
		replacement: (_content, node) => {
			dropped.add(node);
			const anchor = node.getElementsByTagName('a')[0];
			const href = anchor?.getAttribute('href') ?? '';
			const find = (name: string) =>
				tags(node, 'div')
					.find((d) => hasClass(d, name))
					?.textContent?.replace(/\s+/g, ' ')
					.trim() ?? '';
			const title = find('kg-bookmark-title') || href;
			const description = find('kg-bookmark-description');
			if (!isHttp(href)) return description;
			return `\n\n${link(title, href)}${description ? `: ${td.escape(description)}` : ''}\n\n`;
		},
	});

	// Ghost's callout card becomes a Pactbook note.
	rule('callout', {
		filter: (node) => hasClass(node, 'kg-callout-card'),
		replacement: (content, node) => {
			dropped.add(node);
			const text = tags(node, 'div').find((d) => hasClass(d, 'kg-callout-text'));
			const body = text ? td.turndown(text.innerHTML) : content.trim();
			return body ? `\n\n:::note\n${body}\n:::\n\n` : '';
		},
	});

	// Ghost's toggle card: its heading in bold, then its content.
	rule('toggle', {
		filter: (node) => hasClass(node, 'kg-toggle-card'),
		replacement: (_content, node) => {
			dropped.add(node);
			const find = (name: string) => tags(node, '*').find((d) => hasClass(d as Element, name)) as Element | undefined;
			const heading = find('kg-toggle-heading-text')?.textContent?.trim();
			const body = find('kg-toggle-content');
			return `\n\n${heading ? `**${td.escape(heading)}**\n\n` : ''}${body ? td.turndown(body.innerHTML) : ''}\n\n`;
		},
	});

	// Tweets: Substack's `div.tweet`, and the `blockquote.twitter-tweet` of Ghost and WordPress.
	rule('tweet', {
		filter: (node) => hasClass(node, 'tweet') || hasClass(node, 'twitter-tweet') || hasClass(node, 'wp-block-embed-twitter'),
		replacement: (_content, node) => {
			dropped.add(node);
			const attrs = dataAttrs(node);
			const anchors = tags(node, 'a').map((a) => a.getAttribute('href') ?? '');
			const href = [typeof attrs.url === 'string' ? attrs.url : '', ...anchors.reverse(), node.textContent?.trim() ?? ''].find(
				(a) => isHttp(a) && /(twitter|x)\.com\/.+\/status/.test(a),
			);
			lose(
				'an embedded post from X (Twitter) became a link.',
				'Quote the words that matter in the text, if the link alone says too little.',
			);
			return href ? `\n\n${link('See the post on X', href)}\n\n` : '';
		},
	});

	// Video embeds: Substack's `div.youtube-wrap`, WordPress's embed block (its address is its text), any iframe.
	rule('youtube', {
		filter: (node) => hasClass(node, 'youtube-wrap') || hasClass(node, 'vimeo-wrap'),
		replacement: (_content, node) => {
			dropped.add(node);
			const attrs = dataAttrs(node);
			const frame = node.getElementsByTagName('iframe')[0]?.getAttribute('src') ?? '';
			const src = typeof attrs.videoId === 'string' ? `https://www.youtube.com/embed/${attrs.videoId}` : frame;
			lose(
				'an embedded video became a link.',
				'Pactbook articles load nothing from other sites; the link opens the video there.',
			);
			if (!isHttp(src)) return '';
			const { text, href } = embedLink(src);
			return `\n\n${link(text, href)}\n\n`;
		},
	});
	rule('wordpress-embed', {
		filter: (node) => hasClass(node, 'wp-block-embed'),
		replacement: (content, node) => {
			const frame = node.getElementsByTagName('iframe')[0]?.getAttribute('src');
			const wrapper = tags(node, 'div').find((d) => hasClass(d, 'wp-block-embed__wrapper'));
			const address = (frame ?? wrapper?.textContent ?? '').trim();
			if (!isHttp(address)) return content;
			lose('an embed became a link.', 'Pactbook articles load nothing from other sites; the link opens it there.');
			const caption = node.getElementsByTagName('figcaption')[0]?.textContent?.trim();
			const youtube = /youtube\.com\/watch\?v=|youtu\.be\//.test(address);
			const text = youtube ? 'Watch the video on YouTube' : embedLink(address).text;
			return `\n\n${link(text, address)}${caption ? `\n\n_${td.escape(caption)}_` : ''}\n\n`;
		},
	});
	rule('iframe', {
		filter: ['iframe', 'video', 'audio', 'embed', 'object'],
		replacement: (_content, node) => {
			dropped.add(node);
			const src =
				node.getAttribute('src') ??
				node.getAttribute('data') ??
				node.getElementsByTagName('source')[0]?.getAttribute('src') ??
				'';
			lose(
				`an embedded <${node.nodeName.toLowerCase()}> became a link.`,
				'Pactbook articles load nothing from other sites; the link opens it there.',
			);
			if (!isHttp(src)) return '';
			const { text, href } = embedLink(src);
			return `\n\n${link(node.nodeName === 'AUDIO' ? 'Listen to the recording' : text, href)}\n\n`;
		},
	});

	// Links to other posts of the old platform (Substack's embedded posts and publications).
	rule('embedded-post', {
		filter: (node) =>
			hasClass(node, /^(embedded-post-wrap|embedded-publication-wrap|digest-post-embed|kg-product-card|kg-file-card)$/),
		replacement: (content, node) => {
			dropped.add(node);
			const attrs = dataAttrs(node);
			const href = [
				typeof attrs.url === 'string' ? attrs.url : '',
				...tags(node, 'a').map((a) => a.getAttribute('href') ?? ''),
			].find(isHttp);
			const title =
				typeof attrs.title === 'string' ? attrs.title : (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 100);
			lose('an embedded card became a link.');
			return href ? `\n\n${link(title || href, href)}\n\n` : content;
		},
	});

	// Substack's footnotes: `a.footnote-anchor` in the text and `div.footnote` at the end become GFM footnotes.
	rule('footnote-anchor', {
		filter: (node) => node.nodeName === 'A' && hasClass(node, 'footnote-anchor'),
		replacement: (content) => `[^${content.replace(/\W/g, '') || '1'}]`,
	});
	rule('footnote', {
		filter: (node) => hasClass(node, 'footnote'),
		replacement: (_content, node) => {
			dropped.add(node);
			const number =
				tags(node, 'a')
					.find((a) => hasClass(a, 'footnote-number'))
					?.textContent?.replace(/\W/g, '') || '1';
			const body = tags(node, 'div').find((d) => hasClass(d, 'footnote-content'));
			const text = body ? td.turndown(body.innerHTML).replace(/\n\n+/g, '\n\n    ') : '';
			return `\n\n[^${number}]: ${text}\n\n`;
		},
	});

	// Polls, audio players, galleries' chrome and other widgets with nothing to show outside their platform.
	rule('widgets', {
		filter: (node) =>
			hasClass(
				node,
				/^(poll-embed|image-link-expand|kg-audio-card|kg-video-card|kg-header-card|install-substack-app-embed|pencraft|kg-signup-card|social-embed|instagram-media)$/,
			),
		replacement: (_content, node) => {
			const kind = classes(node).find((c) => /embed|card|media/.test(c));
			if (kind) lose(`a "${kind}" widget was removed; it only works on the old platform.`);
			return drop(node);
		},
	});

	// Ghost cards Pactbook has no rule for keep their text.
	rule('unknown-card', {
		filter: (node) => hasClass(node, 'kg-card') && !hasClass(node, /^kg-(image|gallery|code|markdown|html|embed|button)-card$/),
		replacement: (content, node) => {
			const kind = classes(node).find((c) => /^kg-.+-card$/.test(c)) ?? 'kg-card';
			lose(`a Ghost "${kind}" was kept as plain text.`, 'Check that its text still reads well.');
			return `\n\n${content.trim()}\n\n`;
		},
	});

	// Any other element not in the HTML of articles: its text is kept, and it is listed.
	rule('unknown', {
		filter: (node) =>
			node.nodeType === 1 &&
			!PLAIN.has(node.nodeName.toLowerCase()) &&
			!(node.getAttribute('type') === 'checkbox' && node.parentNode?.nodeName === 'LI'),
		replacement: (content, node) => {
			const name = node.nodeName.toLowerCase();
			lose(`unknown HTML <${name}> was kept as plain text.`, 'Check that its text still reads well.');
			return node.nodeName === 'svg' || node.nodeName === 'SVG' || name === 'canvas' || name === 'math' ? '' : content;
		},
	});
	for (const [key, entry] of rules.reverse()) td.addRule(key, entry);
	const inDropped = (node: Element) => {
		for (let at = node.parentNode as Element | null; at; at = at.parentNode as Element | null) if (dropped.has(at)) return true;
		return false;
	};
	return Object.assign(td, {
		losses: () => {
			for (const { node, loss } of found) if (!inDropped(node)) losses.push(loss);
		},
	});
}

/** WordPress shortcodes that embed something; others are left as the text they are. */
const SHORTCODES =
	/\[(\/?)(embed|gallery|audio|video|playlist|wpvideo|youtube|vimeo|tweet|instagram|soundcloud|contact-form|contact-form-7|gravityform|wpforms|caption|wp_caption)\b([^\]]*)\]/gi;

/**
 * WordPress content as HTML: `[caption]` becomes a figure, `[embed]` a link,
 * other embedding shortcodes are removed (and listed), and classic-editor text
 * (paragraphs separated by blank lines, no `<p>`) gets its paragraphs.
 */
export function wordpressHtml(html: string, losses: Loss[]): string {
	let out = html;
	if (!/<(p|div|h[1-6]|ul|ol|figure|table|blockquote|pre)\b/i.test(out) && /\n\s*\n/.test(out)) {
		out = out
			.split(/\n\s*\n/)
			.map((chunk) => chunk.trim())
			.filter(Boolean)
			.map((chunk) => (/^\[caption\b[\s\S]*\[\/caption\]$/i.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
			.join('\n');
	}
	out = out.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_all, inner: string) => {
		const image = /<a[^>]*>\s*<img[^>]*>\s*<\/a>|<img[^>]*>/i.exec(inner)?.[0] ?? '';
		return `<figure>${image}<figcaption>${inner.replace(image, '').trim()}</figcaption></figure>`;
	});
	out = out.replace(/\[embed\]([\s\S]*?)\[\/embed\]/gi, (_all, url: string) => {
		losses.push({ message: 'an [embed] shortcode became a link.' });
		return `<p><a href="${url.trim().replace(/"/g, '&quot;')}">${url.trim()}</a></p>`;
	});
	out = out.replace(SHORTCODES, (_all, closing: string, name: string) => {
		if (!closing)
			losses.push({
				message: `a [${name.toLowerCase()}] shortcode was removed; it only works in WordPress.`,
				fix: 'Add what it showed by hand, if it matters.',
			});
		return '';
	});
	return out;
}

/** Markdown without runs of blank lines, trailing spaces or the `&nbsp;` platforms pad with. */
function tidy(markdown: string): string {
	return `${markdown
		.replace(/\u00a0/g, ' ')
		.replace(/[ \t]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim()}\n`;
}

/** Converts a post's HTML body to Markdown, listing what could not come along. */
export function htmlToMarkdown(html: string, format: Format = 'substack'): Converted {
	const losses: Loss[] = [];
	const source = format === 'wordpress' ? wordpressHtml(html, losses) : html;
	const paywall = /class="[^"]*\bpaywall-jump\b/.test(source);
	const td = service(losses);
	const markdown = tidy(td.turndown(source || ''));
	td.losses();
	// The same loss reported once, with how many times it happened.
	const counted = new Map<string, { loss: Loss; count: number }>();
	for (const loss of losses) {
		const seen = counted.get(loss.message);
		if (seen) seen.count++;
		else counted.set(loss.message, { loss, count: 1 });
	}
	return {
		markdown: markdown.trim() ? markdown : '',
		paywall,
		losses: [...counted.values()].map(({ loss, count }) =>
			count > 1 ? { ...loss, message: `${loss.message.replace(/\.$/, '')} (${count} times).` } : loss,
		),
	};
}
