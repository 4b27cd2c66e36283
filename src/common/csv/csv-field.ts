/** One CSV cell's value: text, a number, a flag, or nothing. */
export type CsvCell = string | number | boolean | null;

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (= + - @, tab, CR at
 * the start) gets a leading apostrophe; fields with a comma, quote or line break are quoted.
 */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line with its CRLF end. */
export function csvLine(cells: CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Spreadsheets read UTF-8 (Hangul) correctly only with a byte-order mark. */
export const CSV_BOM = '\uFEFF';
