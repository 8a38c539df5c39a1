import type { ToolEntry } from '../entries.ts';

/** The builder has one page of its own; articles embed it with `:::goal-builder` or `<MicroGoalBuilder/>`. */
export async function entries(): Promise<ToolEntry[]> {
	return [
		{
			title: 'Micro-goal builder',
			summary:
				'Break a macro partner goal into micro goals you can finish this month, see whether the pace will get you there, keep a log of what you tried, and celebrate the wins.',
			href: '/tools/micro-goals/',
			page: { slug: 'micro-goals', props: {} },
		},
	];
}
