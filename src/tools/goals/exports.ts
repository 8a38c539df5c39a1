/** Everything the builder loads on the first export: kept out of the page's first download. */
export { checkInCsv, microCsv } from './csv.ts';
export { goalCalendar } from './ics.ts';
export { snapshot, statusUpdate } from './markdown.ts';
export { exportJson, importJson, importSummary, mergeImport } from './transfer.ts';
