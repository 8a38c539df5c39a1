/** The goal builder's JSON export, and its import with validation: a bad file gives a message and changes nothing. */
import { partnerKey } from '../../lib/partner-key.ts';
import { GOALS_VERSION, type GoalsState, type MacroGoal, newId } from './model.ts';
import { describeIssues, stateSchema } from './schema.ts';

export const EXPORT_FORMAT = 'pactbook-goals';

/** The goals as a JSON export that {@link importJson} reads back. */
export function exportJson(goals: readonly MacroGoal[], now: Date): string {
	return `${JSON.stringify({ format: EXPORT_FORMAT, version: GOALS_VERSION, exported: now.toISOString(), goals }, null, 2)}\n`;
}

export type ImportResult = { ok: true; goals: MacroGoal[] } | { ok: false; message: string };

/** Reads an export. Any problem gives a message for the reader and no goals. */
export function importJson(text: string): ImportResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, message: 'That file is not a goal-builder export: it is not valid JSON.' };
	}
	const file = value as { format?: unknown; version?: unknown; goals?: unknown };
	if (typeof value !== 'object' || value === null || Array.isArray(value) || file.format !== EXPORT_FORMAT)
		return { ok: false, message: 'That file is not a Pactbook goal-builder export.' };
	if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1)
		return { ok: false, message: 'That export is damaged: it has no valid version number.' };
	if (file.version > GOALS_VERSION)
		return { ok: false, message: 'That export comes from a newer version of this site and cannot be read here.' };
	const parsed = stateSchema.safeParse({ goals: file.goals, open: '', deleted: [] });
	if (!parsed.success)
		return { ok: false, message: `That export is damaged, so nothing was imported: ${describeIssues(parsed.error).join('; ')}.` };
	return { ok: true, goals: parsed.data.goals };
}

export type MergeResult = { ok: true; state: GoalsState; added: number; replaced: number } | { ok: false; message: string };

/**
 * Adds imported goals to `state`. A goal with the same id replaces the saved
 * one (it is the same goal, exported earlier) unless the saved one was changed
 * later, or is the same: then it is kept as it is, as the plan keeps the later
 * change of a goal everywhere (two tabs merge that way too), so an old file
 * never undoes later work. A different goal for a partner that already has one
 * is refused, so that nothing saved is overwritten without the reader seeing it.
 */
export function mergeImport(state: GoalsState, imported: readonly MacroGoal[]): MergeResult {
	const next = [...state.goals];
	let added = 0;
	let replaced = 0;
	// A goal deleted here comes back under a new id: every tab keeps a deleted id deleted.
	const gone = new Set(state.deleted);
	const goals = imported.map((goal) =>
		gone.has(goal.id) && !next.some((g) => g.id === goal.id) ? { ...goal, id: newId('g') } : goal,
	);
	for (const goal of goals) {
		const same = next.findIndex((g) => g.id === goal.id);
		const clash = next.findIndex((g, i) => i !== same && partnerKey(g.partner) === partnerKey(goal.partner));
		if (clash !== -1)
			return {
				ok: false,
				message: `Nothing was imported: “${goal.partner}” already has a goal here (“${next[clash]!.title}”). Export and delete it first, or import into another browser.`,
			};
		if (same === -1) {
			next.push(goal);
			added++;
		} else if (!isKept(next[same]!, goal)) {
			next[same] = goal;
			replaced++;
		}
	}
	return {
		ok: true,
		state: { goals: next, open: goals[0]?.id ?? state.open, deleted: state.deleted },
		added,
		replaced,
	};
}

/** Whether the saved goal stays: changed later than the imported copy, or the same. */
function isKept(saved: MacroGoal, imported: MacroGoal): boolean {
	return saved.updated > imported.updated || JSON.stringify(saved) === JSON.stringify(imported);
}

/**
 * What the reader is told about an import of `goals` from `file`: `changed` is
 * false when the plan already had every goal in the same or a newer version,
 * so there is nothing to save or undo.
 */
export function importSummary(
	file: string,
	goals: readonly MacroGoal[],
	result: { state: GoalsState; added: number; replaced: number },
): { text: string; changed: boolean } {
	const kept = goals.filter((g) => !result.state.goals.includes(g)).map((g) => `“${g.title}”`);
	const keptText =
		kept.length === 0
			? ''
			: `this plan already has ${kept.length === 1 ? kept[0] : `${kept.slice(0, -1).join(', ')} and ${kept.at(-1)}`} in the same or a newer version, kept as ${kept.length === 1 ? 'it is' : 'they are'}`;
	if (result.added + result.replaced === 0) return { text: `Nothing was imported from ${file}: ${keptText}`, changed: false };
	const what = `${result.added} goal${result.added === 1 ? '' : 's'} added, ${result.replaced} replaced`;
	return { text: `Imported ${file}: ${what}${keptText ? `; ${keptText}` : ''}`, changed: true };
}
