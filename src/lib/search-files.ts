/** Folder of the built site that holds Pagefind's index and interface. */
export const SEARCH_FOLDER = 'pagefind';

/** Pactbook's search panel script, written beside Pagefind's files and loaded when search first opens. */
export const SEARCH_SCRIPT = `${SEARCH_FOLDER}/pactbook-search.js`;
