// An export as a set of files, whether it is a folder or a .zip, read without
// ever resolving a path outside it.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { ReportLine } from './types.ts';

/** An export that cannot be imported, with what to do; the command prints its message alone. */
export class ImportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportError';
	}
}

export interface ExportSource {
	/** What the user named, for messages. */
	name: string;
	/** Paths inside the export, with forward slashes, sorted. */
	files: string[];
	/** The bytes of a file, or undefined when the export has no such file. */
	read(path: string): Uint8Array | undefined;
	/** Entries refused while opening (a zip entry pointing outside the export). */
	refused: ReportLine[];
}

/** A path inside an export, or undefined when it would leave it (`../x`, `/etc/x`, `C:\x`). */
export function insidePath(path: string): string | undefined {
	const parts: string[] = [];
	const forward = path.replace(/\\/g, '/');
	if (forward.startsWith('/') || /^[a-z]:/i.test(forward)) return undefined;
	for (const part of forward.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') return undefined;
		parts.push(part);
	}
	return parts.length ? parts.join('/') : undefined;
}

const text = new TextDecoder();

/** A file of an export as text (UTF-8, without a byte-order mark). */
export function readText(source: ExportSource, path: string): string | undefined {
	const bytes = source.read(path);
	return bytes ? text.decode(bytes).replace(/^\uFEFF/, '') : undefined;
}

/** Files skipped while walking a folder: version control, dependencies, build output. */
const SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn', '__MACOSX']);

function fromFolder(root: string, name: string): ExportSource {
	const real = realpathSync(root);
	const files: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (SKIPPED.has(entry.name)) continue;
			const path = join(folder, entry.name);
			// Links are not followed: an export is what lies inside its folder.
			if (entry.isDirectory()) walk(path);
			else if (entry.isFile()) files.push(relative(real, path).split(sep).join('/'));
		}
	};
	walk(real);
	files.sort();
	const known = new Set(files);
	return {
		name,
		files,
		refused: [],
		read(path) {
			const inside = insidePath(path);
			if (!inside || !known.has(inside)) return undefined;
			const file = join(real, inside);
			return lstatSync(file).isFile() ? readFileSync(file) : undefined;
		},
	};
}

/** Largest file read from a zip, and largest total, in bytes: exports hold text and a few images. */
export const ZIP_LIMITS = { entry: 200 * 1024 * 1024, total: 1024 * 1024 * 1024 };

function fromZip(file: string, name: string): ExportSource {
	const refused: ReportLine[] = [];
	let total = 0;
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(readFileSync(file), {
			// Entries are checked before they are unpacked: none is read that would leave the export or fill the memory.
			filter: ({ name: entry, originalSize }) => {
				if (entry.endsWith('/')) return false;
				if (!insidePath(entry)) {
					refused.push({
						file: `${name}: ${entry}`,
						message: 'this zip entry points outside the export, so it was not read.',
						fix: 'A genuine export never does this: download the export again from the platform.',
					});
					return false;
				}
				total += originalSize;
				if (originalSize > ZIP_LIMITS.entry || total > ZIP_LIMITS.total) {
					refused.push({
						file: `${name}: ${entry}`,
						message: `this zip entry is too large to read (${Math.round(originalSize / 1024 / 1024)} MB unpacked).`,
						fix: 'Unpack the zip and import the folder.',
					});
					return false;
				}
				return true;
			},
		});
	} catch (error) {
		throw new ImportError(
			`${name} is not a zip file that can be read (${error instanceof Error ? error.message : error}). Download the export again, or unpack it and import the folder.`,
		);
	}
	const contents = new Map<string, Uint8Array>();
	for (const [entry, bytes] of Object.entries(entries)) {
		const inside = insidePath(entry)!;
		if (inside.split('/').some((part) => SKIPPED.has(part))) continue;
		contents.set(inside, bytes);
	}
	// A zip of a folder: look inside that folder.
	const tops = new Set([...contents.keys()].map((path) => path.split('/')[0]));
	const [top] = tops;
	const strip = tops.size === 1 && top && [...contents.keys()].every((path) => path.startsWith(`${top}/`)) ? `${top}/` : '';
	const files = new Map([...contents].map(([path, bytes]) => [path.slice(strip.length), bytes]));
	return { name, files: [...files.keys()].sort(), refused, read: (path) => files.get(insidePath(path) ?? '') };
}

/** An export held in memory, as path → text or bytes (tests and zips). */
export function memoryExport(name: string, entries: Record<string, string | Uint8Array>): ExportSource {
	const files = new Map(
		Object.entries(entries).map(([path, data]) => [path, typeof data === 'string' ? new TextEncoder().encode(data) : data]),
	);
	return { name, files: [...files.keys()].sort(), refused: [], read: (path) => files.get(insidePath(path) ?? '') };
}

/** A single export file (a Ghost .json, a WordPress .xml) as a source holding that one file. */
function fromFile(file: string, name: string): ExportSource {
	const base = basename(file);
	return { name, files: [base], refused: [], read: (path) => (path === base ? readFileSync(file) : undefined) };
}

/** Opens the export at `path`: a folder, a .zip, or a single export file. */
export function openExport(path: string, name: string = path): ExportSource {
	let stats: ReturnType<typeof statSync>;
	try {
		stats = statSync(path);
	} catch {
		throw new ImportError(`${name} does not exist. Give the path of the export: a .zip, a folder, a .json or an .xml file.`);
	}
	if (stats.isDirectory()) return fromFolder(path, name);
	if (/\.zip$/i.test(path)) return fromZip(path, name);
	return fromFile(path, name);
}
