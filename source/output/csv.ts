/** Cells that a spreadsheet would run as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** What a cell must be looked at for (a formula start, a quote, a comma, a line break, spaces at an end): most cells hold none. */
const NEEDS_CARE = /^[=+\-@\s]|[",\r\n]|\s$/;

/**
 * One CSV field per RFC 4180. Text cells that a spreadsheet would take for a formula get a leading
 * apostrophe; numbers are written as they are, so a negative value is never altered.
 */
export function csvField(value: string | number): string {
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (!NEEDS_CARE.test(value)) return value;
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A row with its line end: LF by default, so `head`, `cut`, `awk` and `grep 'x$'` work; `--crlf` gives RFC 4180's CR LF. */
export function csvRow(values: Array<string | number>, lineEnd: '\n' | '\r\n' = '\n'): string {
	return values.map(csvField).join(',') + lineEnd;
}
