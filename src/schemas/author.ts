import { z } from 'astro/zod';
import { text } from './fields.ts';

/** One author (`content/authors/<id>.yaml`); the file name is the id that articles use. */
export const authorSchema = z.strictObject({
	/** Full name as shown on articles. */
	name: text(80),
	/** Job title or role, e.g. "Head of Partnerships". */
	role: text(80).optional(),
	/** A sentence or two about the author. */
	bio: text(280).optional(),
	/** Profiles or websites, shown on the author page. */
	links: z
		.array(
			z.strictObject({
				/** Link text, e.g. "Website". */
				label: text(40),
				/**
				 * Full address starting with https:// or mailto:. Plain http:// is refused: the
				 * link would leave the reader's connection open to being read and changed.
				 */
				url: z.url({
					protocol: /^(https|mailto)$/,
					error: (issue) =>
						typeof issue.input === 'string' && /^\s*http:/i.test(issue.input)
							? 'starts with http://, and author links must be secure. Write it with https:// (most sites answer there), or use a mailto: address.'
							: 'should be a full address starting with https://.',
				}),
			}),
		)
		.default([]),
});

export type AuthorData = z.output<typeof authorSchema>;

export const authorExamples = {
	name: 'Maya Okafor',
	role: '"Head of Partnerships"',
	bio: '"Writes the newsletter."',
	links: '[{ label: Website, url: "https://example.com" }]',
	'links.label': 'Website',
	'links.url': 'https://example.com/maya',
};
