import site from 'virtual:pactbook/site';
import { emailHtml, emailText } from '../lib/email.ts';
import { formatDate } from '../lib/format.ts';
import { type Article, articlePath, getCatalog } from './catalog.ts';
import { portableBody } from './render-html.ts';
import { absolute } from './url.ts';

/** Issues that get an email edition: every issue the site shows. */
export async function emailPaths() {
	const { issues } = await getCatalog();
	return issues.map((article) => ({ params: { slug: article.slug }, props: { article } }));
}

const editions = new Map<string, Promise<string>>();

/** The email edition of an issue, built once per build and shared by the HTML and text versions. */
export function emailEdition(article: Article): Promise<string> {
	let edition = editions.get(article.slug);
	if (!edition) {
		edition = (async () => {
			const { authors } = await getCatalog();
			return emailHtml({
				newsletter: site.newsletter,
				language: site.language,
				title: article.title,
				dateline: `Issue #${article.number} · ${formatDate(article.date, site.language)}`,
				summary: article.summary,
				author: authors.get(article.author)?.data.name ?? article.author,
				body: await portableBody(article),
				webUrl: absolute(articlePath(article)),
				homeUrl: absolute('/'),
			});
		})();
		editions.set(article.slug, edition);
	}
	return edition;
}

export async function emailTextEdition(article: Article): Promise<string> {
	return emailText(await emailEdition(article));
}
