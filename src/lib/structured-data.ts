import { scriptJson } from './escape.ts';

/** What an article page tells search engines about itself (schema.org). */
export interface StructuredInput {
	kind: 'issue' | 'playbook';
	title: string;
	summary: string;
	/** Absolute address of the page, when the site address is known. */
	url?: string | undefined;
	language: string;
	published?: Date | undefined;
	modified?: Date | undefined;
	author: { name: string; url?: string | undefined };
	publisher: string;
	tags: string[];
	series?: string | undefined;
}

/** The schema.org description of an article page, as a value. */
export function structuredData(input: StructuredInput): Record<string, unknown> {
	return {
		'@context': 'https://schema.org',
		'@type': input.kind === 'issue' ? 'BlogPosting' : 'Article',
		headline: input.title,
		description: input.summary,
		url: input.url,
		inLanguage: input.language,
		datePublished: input.published?.toISOString(),
		dateModified: input.modified?.toISOString(),
		author: { '@type': 'Person', name: input.author.name, url: input.author.url },
		publisher: { '@type': 'Organization', name: input.publisher },
		keywords: input.tags.join(', ') || undefined,
		isPartOf: input.series ? { '@type': 'CreativeWorkSeries', name: input.series } : undefined,
	};
}

/** The text of the page's `<script type="application/ld+json">`: author text cannot end the element. */
export function structuredDataScript(input: StructuredInput): string {
	return scriptJson(structuredData(input));
}
