import { AstroError } from 'astro/errors';
import type { z } from 'astro/zod';
import type { Problem } from '../lib/problem.ts';

export type { Problem };

/** Examples the messages quote so that an author can copy a valid value. */
export type Examples = Record<string, string>;

/** One line per problem: `file: field: message`. */
export function formatProblems(problems: readonly Problem[]): string {
	return problems.map((p) => `${p.file}: ${p.field ? `${p.field}: ` : ''}${p.message}`).join('\n');
}

/**
 * Error thrown when content is broken; its message is the author-facing list of
 * problems. It carries no stack: the trace would point at Pactbook, not at the
 * author's file.
 */
export class ContentError extends AstroError {
	readonly problems: readonly Problem[];
	constructor(problems: readonly Problem[]) {
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		super(`Pactbook found ${count} in your content:\n${formatProblems(problems)}`, 'Fix each line above, then build again.');
		this.name = 'ContentError';
		this.problems = problems;
		this.stack = '';
	}
}

/** Edit distance, to suggest the field a typo was meant to be. */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const cur = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = cur;
		}
	}
	return row[b.length]!;
}

/** The known key closest to `key`, when it is close enough to be a typo. */
export function closest(key: string, known: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestScore = Infinity;
	for (const candidate of known) {
		const score = distance(key.toLowerCase(), candidate.toLowerCase());
		if (score < bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	return best !== undefined && bestScore <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'an empty value';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'a date that does not exist' : 'a date';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
	if (typeof value === 'object') return 'a group of fields';
	return String(value);
}

const KINDS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	date: 'a date written as YYYY-MM-DD',
	array: 'a list',
	object: 'a group of fields',
};

function example(field: string, examples: Examples): string {
	const leaf = field
		.split('.')
		.filter((part) => !/^\d+$/.test(part))
		.join('.');
	const value = examples[leaf];
	return value === undefined ? '' : ` For example: ${leaf.split('.').at(-1)}: ${value}`;
}

/** What zod keeps of a schema's definition, as far as finding nested objects needs it. */
interface Definition {
	type: string;
	shape?: Record<string, z.ZodType>;
	innerType?: z.ZodType;
	element?: z.ZodType;
	valueType?: z.ZodType;
	in?: z.ZodType;
	options?: z.ZodType[];
}

const definition = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Definition } })._zod.def;

/** The fields of the object a schema describes, seen through optional, default, pipe and the like. */
function objectKeys(schema: z.ZodType | undefined): string[] {
	if (!schema) return [];
	const def = definition(schema);
	if (def.shape) return Object.keys(def.shape);
	const inner = def.innerType ?? def.in;
	if (inner) return objectKeys(inner);
	return def.options?.flatMap(objectKeys) ?? [];
}

/** The schema of the value at `path` inside `schema` (object fields, list items, record values). */
function schemaAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): z.ZodType | undefined {
	let current = schema;
	for (const step of path) {
		while (current) {
			const def = definition(current);
			const inner = def.innerType ?? def.in;
			if (def.shape || def.element || def.valueType || !inner) break;
			current = inner;
		}
		if (!current) return undefined;
		const def = definition(current);
		current = def.shape ? def.shape[String(step)] : (def.element ?? def.valueType);
	}
	return current;
}

/**
 * Turns a zod error into author-facing problems, one per issue, each naming the
 * field and saying how to fix it. Parse with `{ reportInput: true }` so the
 * messages can quote what the author wrote.
 */
export function zodProblems(file: string, error: z.ZodError, schema: z.ZodType, examples: Examples = {}): Problem[] {
	const problems: Problem[] = [];
	for (const issue of error.issues) {
		const field = issue.path.map(String).join('.');
		const input = (issue as { input?: unknown }).input;
		switch (issue.code) {
			case 'unrecognized_keys':
				for (const key of issue.keys) {
					// The fields allowed where the unknown one was written, top level or nested.
					const known = objectKeys(schemaAt(schema, issue.path));
					const guess = closest(key, known);
					problems.push({
						file,
						field: field ? `${field}.${key}` : key,
						message: guess
							? `is not a known field. Did you mean "${guess}"? Rename it.`
							: `is not a known field. Remove it, or use one of: ${known.join(', ')}.`,
					});
				}
				break;
			case 'invalid_type': {
				const wanted = KINDS[issue.expected] ?? issue.expected;
				problems.push({
					file,
					field,
					message:
						input === undefined
							? `is required. Add it.${example(field, examples)}`
							: `should be ${wanted}, not ${describe(input)}.${example(field, examples)}`,
				});
				break;
			}
			default:
				problems.push({ file, field, message: `${issue.message}${example(field, examples)}` });
		}
	}
	return problems;
}
