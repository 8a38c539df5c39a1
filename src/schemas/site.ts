import { z } from 'astro/zod';
import { idField, text } from './fields.ts';

const link = z.strictObject({
	/** Text of the link. */
	label: text(40),
	/** Path inside the site (`/playbooks/`) or a full address. */
	href: text(300),
});

/** Site settings (`content/site.yaml`). */
export const siteSchema = z.strictObject({
	/** Site name, shown in the header and the browser tab. */
	title: text(80),
	/** One sentence describing the site, used by search engines and the home page. */
	description: text(280),
	/** Public address of the site, e.g. `https://news.example.com`; feeds and canonical links need it. */
	url: z.url({ protocol: /^https?$/, error: 'should be a full address starting with https://.' }),
	/** Sub-path the site is served from, e.g. `/newsletter/`; `/` when at the root of its domain. */
	base: z.string().regex(/^\//, { error: 'should start with "/", like /newsletter/.' }).default('/'),
	/** Language of the content, as a BCP 47 tag such as `en` or `en-GB`. */
	language: z
		.string()
		.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'should be a language tag such as en or en-GB.' })
		.default('en'),
	/** Name of the newsletter, e.g. "The Partner Ledger". */
	newsletter: text(80),
	/** Author id used when an article names none. */
	defaultAuthor: idField(),
	/** Header navigation links, in order. */
	navigation: z.array(link).default([
		{ label: 'Issues', href: '/issues/' },
		{ label: 'Playbooks', href: '/playbooks/' },
		{ label: 'Tags', href: '/tags/' },
		{ label: 'About', href: '/about/' },
	]),
	/** Optional sign-up form that posts to an email service. */
	subscribe: z
		.strictObject({
			/** Address the form posts to, given by the email service. */
			action: z.url({
				protocol: /^https?$/,
				error: 'should be the full https:// address your email service gives for its form.',
			}),
			/** Name of the email field the service expects. */
			emailField: text(40).default('email'),
			/** Button text. */
			label: text(40).default('Subscribe'),
		})
		.optional(),
	/** Newest issues (and playbooks) included in each feed, with their full text. */
	feedItems: z
		.number()
		.int()
		.min(1, { error: 'should be at least 1.' })
		.max(1000, { error: 'should be at most 1000.' })
		.default(20),
	/** Issues per archive page. */
	pageSize: z.number().int().min(5, { error: 'should be at least 5.' }).max(200, { error: 'should be at most 200.' }).default(20),
});

export type SiteConfig = z.output<typeof siteSchema>;

export const siteExamples = {
	title: '"The Partner Ledger"',
	description: '"Weekly notes for partner managers."',
	url: 'https://news.example.com',
	base: '/newsletter/',
	language: 'en',
	newsletter: '"The Partner Ledger"',
	defaultAuthor: 'maya-okafor',
	'navigation.label': 'Issues',
	'navigation.href': '/issues/',
	'subscribe.action': 'https://mail.example.com/subscribe',
	pageSize: '20',
	feedItems: '20',
};
