// npm run import -- <export> [--dry-run] [--as issues|playbooks] [--start-number N] [--tag T] [--download-images]
// Turns a Substack, Ghost or WordPress export, or another generator's Markdown
// folder, into Pactbook issues or playbooks. The logic is in lib/import/.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run import -- <export> [options]

<export> is a Substack export (.zip or its folder), a Ghost export (.json),
a WordPress export (.xml) or a folder of Markdown files.

Options:
  --dry-run            show what would be written, and write nothing
  --as issues|playbooks   what each post becomes (default: issues)
  --start-number N     number of the first issue numbered by date
  --tag T              add tag T to every imported article (repeatable)
  --download-images    fetch remote images into the site
  --help               show this help

Files go into content/, or the folder in PACTBOOK_CONTENT. Nothing is overwritten.`;

let args;
try {
	args = parseArgs({
		allowPositionals: true,
		options: {
			'dry-run': { type: 'boolean', default: false },
			as: { type: 'string', default: 'issues' },
			'start-number': { type: 'string' },
			tag: { type: 'string', multiple: true, default: [] },
			'download-images': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	});
} catch (error) {
	console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
	process.exit(2);
}
const { values, positionals } = args;
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const usage = (message) => {
	console.error(`${message}\n\n${USAGE}`);
	process.exit(2);
};
if (positionals.length !== 1) usage(positionals.length ? 'Give one export at a time.' : 'Give the export to import.');
if (values.as !== 'issues' && values.as !== 'playbooks') usage(`--as takes issues or playbooks, not "${values.as}".`);
let startNumber;
if (values['start-number'] !== undefined) {
	startNumber = Number(values['start-number']);
	if (!Number.isInteger(startNumber) || startNumber < 1)
		usage(`--start-number takes a whole number of 1 or more, not "${values['start-number']}".`);
}

// Loaded once the options are known to be right, so that help and usage errors answer at once.
const [{ progressBar }, { renderReport, writeReport }, { runImport }] = await Promise.all([
	import('./lib/import/progress.ts'),
	import('./lib/import/report.ts'),
	import('./lib/import/run.ts'),
]);
const contentDir = resolve(process.env.PACTBOOK_CONTENT ?? 'content');
const bar = progressBar(process.stdout);
try {
	const result = await runImport(positionals[0], {
		contentDir,
		as: values.as,
		startNumber,
		tags: values.tag,
		downloadImages: values['download-images'],
		dryRun: values['dry-run'],
		onProgress: bar.update,
	});
	bar.done();
	const date = new Date().toISOString().slice(0, 10);
	writeReport(result, date);
	console.log(renderReport(result, { limit: 20, date }).trimEnd());
	if (result.reportFile)
		console.log(`\nThe full report is in ${relative(process.cwd(), resolve(contentDir, result.reportFile))}.`);
} catch (error) {
	bar.done();
	console.error(error instanceof Error && error.name === 'ImportError' ? error.message : error);
	process.exit(1);
}
