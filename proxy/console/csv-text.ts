/**
 * CSV as the console's downloads write it: UTF-8 with a byte order mark (without it Excel opens
 * the file as ANSI and breaks every tone), CRLF lines, RFC 4180 quoting.
 */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map(csvLine).join('')}`;
}

export function csvLine(row: readonly (string | number | null)[]): string {
  return `${row.map(csvCell).join(',')}\r\n`;
}

/**
 * A cell starting with = + - @ gets a leading apostrophe so that Excel shows a hostile value as
 * text instead of running it as a formula (CSV injection).
 */
function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
