/** A checklist's exports and imports, loaded the first time the reader exports or imports. */
import { type ExportInput, exportName, toJson, toMarkdown } from '../lib/checklist-files.ts';
import { download } from './download.ts';

export { fromJson } from '../lib/checklist-files.ts';

/** Offers the checklist as a Markdown or JSON file, named after its title in any script (else the page's, else the date). */
export function exportFile(kind: 'md' | 'json', input: ExportInput, pageTitle: string): void {
	const name = exportName(input.title, pageTitle, input.date);
	if (kind === 'md') download(`${name}.md`, toMarkdown(input), 'text/markdown');
	else download(`${name}.json`, toJson(input), 'application/json');
}
