import site from 'virtual:pactbook/site';
import type { EmailDetails } from '../lib/email.ts';
import { formatDate } from '../lib/format.ts';
import { type Article, articlePath, getCatalog } from './catalog.ts';
import { absolute } from './url.ts';

/** An email edition to write once the site is built: the issue page's folder and what the email shows around its body. */
export interface PlannedEdition {
	/** Folder of the issue's page in the built site, such as `issues/020-perseverance/`. */
	folder: string;
	details: EmailDetails;
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

/** Every issue the site shows gets an email edition. */
export async function plannedEditions(): Promise<PlannedEdition[]> {
	const { issues } = await getCatalog();
	return Promise.all(
		issues.map(async (article) => ({ folder: articlePath(article).slice(1), details: await emailDetails(article) })),
	);
}
