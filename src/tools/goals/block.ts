/** The first HTML of the goal builder, the same in a Markdown block, the MDX component and its page. */
import type { BlockRender } from '../index.ts';

/** What readers without JavaScript see in the builder's place (the builder replaces it). */
export const GOAL_BUILDER_HTML =
	'<pb-goal-builder class="pb-goal-builder"><p class="pb-goals-fallback">The micro-goal builder runs in your browser and needs JavaScript. What you enter stays in this browser: nothing is sent anywhere.</p></pb-goal-builder>';

/** `:::goal-builder` takes no attributes: every embed shows the reader's one plan. */
export function goalBuilderBlock(attributes: Record<string, string | null | undefined>): BlockRender {
	const names = Object.keys(attributes);
	if (names.length)
		return {
			ok: false,
			message: `takes no attributes, but has ${names.map((n) => `"${n}"`).join(', ')}. Write the line as \`:::goal-builder\` and close it with \`:::\`.`,
		};
	return { ok: true, html: GOAL_BUILDER_HTML };
}
