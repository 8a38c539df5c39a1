import { type CollectionEntry, getCollection } from 'astro:content';
import { type CollectionName, hasCollectionFiles } from '../lib/content-paths.ts';

/**
 * Every entry of a collection, as Astro's `getCollection` gives them; none,
 * without asking Astro, when the content folder holds no file of it (a site
 * with no playbooks or questionnaires of its own), as Astro would warn of the
 * empty collection as of a mistake in the content config.
 */
export async function entriesOf<C extends CollectionName>(name: C): Promise<CollectionEntry<C>[]> {
	return hasCollectionFiles(name) ? getCollection(name) : [];
}
