/**
 * Pure: one cell of a workbook as the text Excel last showed for it. A formula is never
 * evaluated: its cached result (what Excel computed when the file was saved) is shown, or nothing.
 * Dates carry no time zone in a workbook: they are shown as written (dd/MM/yyyy, and HH:mm when
 * the cell has a time).
 */
export function cellText(value: unknown, numbers: Intl.NumberFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number') return Number.isFinite(value) ? numbers.format(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return workbookDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, numbers);
    if (Array.isArray(v.richText))
      return v.richText
        .map((run) => (typeof run?.text === 'string' ? run.text : ''))
        .join('')
        .normalize('NFC');
    // A hyperlink cell shows its text; the address is not made a link (nothing is followed).
    if ('text' in v) return cellText(v.text, numbers);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

function workbookDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const hasTime = date.getUTCHours() || date.getUTCMinutes() || date.getUTCSeconds();
  return hasTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetters(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
