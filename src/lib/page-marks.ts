/**
 * How a built issue page marks its article body (the rendered Markdown or MDX,
 * without the page around it), for the email edition made from that page after
 * the build. Kept apart from `email.ts` so that pages carry the mark without
 * loading the email code.
 */
export const BODY_CLASS = 'pb-body';
