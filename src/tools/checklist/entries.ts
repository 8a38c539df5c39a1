import { articlePath, getCatalog } from '../../data/catalog.ts';
import type { ToolEntry } from '../entries.ts';

/** Every issue and playbook with a checklist: the checklist lives in its article, so it has no page of its own. */
export async function entries(): Promise<ToolEntry[]> {
	const { articles } = await getCatalog();
	return articles
		.filter((article) => article.checklist)
		.map((article) => ({ title: article.title, summary: article.summary, href: articlePath(article) }));
}

/** Whether an article page holds a checklist, so that it loads the checklist's script. */
export const inArticle = (article: { checklist: boolean }) => article.checklist;
