import site from 'virtual:pactbook/site';
import type { EmailDetails } from '../lib/email.ts';
import { formatDate } from '../lib/format.ts';
import { type Forward, forwardingPage } from '../lib/redirect.ts';
import { type Article, articlePath, getCatalog } from './catalog.ts';
import { absolute, url } from './url.ts';

/** Files the build writes beside an issue once its page is built. */
export interface PlannedIssue {
	number: number;
	slug: string;
	/** Whether the build writes its email edition: the newest `feedItems` issues, the ones about to be sent. */
	email: boolean;
	/** Folder of the issue's page in the built site, such as `issues/020-perseverance/`. */
	folder: string;
	/** What its email edition shows besides the body, which comes from the built page. */
	details: EmailDetails;
	/** The page at `/issues/<number>/` that forwards to the issue. */
	forward: { folder: string; html: string };
}

/** What the email edition of an issue shows besides its body. */
export async function emailDetails(article: Article): Promise<EmailDetails> {
	const { authors } = await getCatalog();
	return {
		newsletter: site.newsletter,
		language: site.language,
		title: article.title,
		dateline: `Issue #${article.number} · ${formatDate(article.date, site.language)}`,
		summary: article.summary,
		author: authors.get(article.author)?.data.name ?? article.author,
		webUrl: absolute(articlePath(article)),
		homeUrl: absolute('/'),
	};
}

/** What the page at `/issues/<number>/` says: it forwards to the issue, whatever its slug. */
export function forwardTo(article: Article): Forward {
	return {
		language: site.language,
		siteTitle: site.title,
		title: `Issue #${article.number}`,
		label: article.title,
		to: url(articlePath(article)),
		canonical: absolute(articlePath(article)),
	};
}

/**
 * Every issue the built site shows gets a forwarding page at its number; the
 * newest `feedItems` (those in the feed, which an author or an RSS-to-email
 * service sends) get an email edition, the others on request (`npm run email`).
 */
export async function plannedIssues(): Promise<PlannedIssue[]> {
	const { issues } = await getCatalog();
	return Promise.all(
		issues.map(async (article, index) => ({
			number: article.number as number,
			slug: article.slug,
			email: index < site.feedItems,
			folder: articlePath(article).slice(1),
			details: await emailDetails(article),
			forward: { folder: `issues/${article.number}/`, html: forwardingPage(forwardTo(article)) },
		})),
	);
}
