// npm run new:issue -- "Title"   |   npm run new:playbook -- "Title"
import { relative, resolve } from 'node:path';
import { scaffold, titleSlug } from './lib/scaffold.mjs';

const [kind, ...words] = process.argv.slice(2);
if (kind !== 'issue' && kind !== 'playbook') {
	console.error('Usage: node scripts/new.mjs issue|playbook "Title"');
	process.exit(2);
}
try {
	const file = scaffold(kind, words.join(' '), {
		contentDir: resolve(process.env.PACTBOOK_CONTENT ?? 'content'),
		today: new Date(),
	});
	console.log(`Created ${relative(process.cwd(), file)} as a draft.`);
	if (!titleSlug(words.join(' '))) {
		console.log(
			'Addresses use only the letters a-z, digits and hyphens, and the title has none of them, so the file name does not come from it. For a readable address, rename the file or set `slug:` (like `slug: partners-and-friends`).',
		);
	}
	console.log('It shows in `npm run dev`; remove `draft: true` when it is ready to publish.');
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
