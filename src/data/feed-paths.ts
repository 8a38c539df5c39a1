import site from 'virtual:pactbook/site';

/** Where each feed lives inside the site, and its title. */
export const FEEDS = {
	issues: { rss: '/feed.xml', json: '/feed.json', title: site.newsletter },
	playbooks: { rss: '/playbooks/feed.xml', json: '/playbooks/feed.json', title: `${site.title}: playbooks` },
} as const;
