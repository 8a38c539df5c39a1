const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date as readers see it ("5 October 2026"), in the site's language, independent of the build machine's time zone. */
export function formatDate(date: Date, language: string): string {
	// Creating a formatter costs far more than using one, and listings format thousands of dates.
	let formatter = formatters.get(language);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
		formatters.set(language, formatter);
	}
	return formatter.format(date);
}

/** `YYYY-MM-DD` for `<time datetime>`. */
export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}
