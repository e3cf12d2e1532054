import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PreviewSheet } from '../../common/contract/attachment-preview';
import { ApiError } from '../errors';
import { cellText, columnLetters } from './cell-text';
import { canonicalZip, readZipEntries, type ZipLimits } from './office-zip';
import { escapeHtml } from './preview-html';

export interface SheetLimits {
  maxSheets: number;
  maxRows: number;
  maxColumns: number;
}

/** What the streaming reader must have read before the first sheet, so no sheet waits on disk. */
const READ_FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * An Excel workbook (.xlsx) as one HTML table per sheet, read by exceljs's streaming reader so
 * that an enormous sheet is walked row by row, never held whole: the first `maxRows` rows and
 * `maxColumns` columns are shown, the rest only counted. Cell values are text; formulas show their
 * cached value; links, comments, pictures and macros are not carried over. `deadline` (epoch ms)
 * is checked between rows, so a slow sheet stops with `preview_timeout`.
 */
export async function xlsxToSheets(
  bytes: Buffer,
  limits: ZipLimits & SheetLimits,
  options: { locale: string; deadline: number; now?: () => number },
): Promise<{ sheets: PreviewSheet[]; omittedSheets: number }> {
  const entries = readZipEntries(bytes, limits);
  if (!entries.has('xl/workbook.xml')) throw new ApiError('preview_wrong_format');
  // Without shared strings the reader would park every sheet in a temporary file until the end.
  if (!entries.has('xl/sharedStrings.xml')) entries.set('xl/sharedStrings.xml', Buffer.from('<sst/>'));
  const zip = await canonicalZip(entries, READ_FIRST);
  const numbers = new Intl.NumberFormat(options.locale, { useGrouping: false, maximumFractionDigits: 10 });
  const now = options.now ?? Date.now;

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([zip]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: PreviewSheet[] = [];
  let omittedSheets = 0;
  try {
    for await (const sheet of reader) {
      if (sheets.length >= limits.maxSheets) {
        omittedSheets++;
        for await (const _row of sheet) if (now() > options.deadline) throw new ApiError('preview_timeout');
        continue;
      }
      sheets.push(await readSheet(sheet, limits, numbers, () => now() > options.deadline));
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('preview_damaged', { reason: 'workbook' }, { cause: error });
  }
  return { sheets, omittedSheets };
}

interface StreamedRow {
  number: number;
  values: unknown;
  cellCount: number;
}

async function readSheet(
  sheet: AsyncIterable<unknown> & { name?: string; id?: number },
  limits: SheetLimits,
  numbers: Intl.NumberFormat,
  late: () => boolean,
): Promise<PreviewSheet> {
  const shown: { number: number; cells: string[] }[] = [];
  let rows = 0;
  let columns = 0;
  for await (const item of sheet) {
    if (late()) throw new ApiError('preview_timeout');
    const row = item as StreamedRow;
    rows++;
    columns = Math.max(columns, row.cellCount);
    if (shown.length >= limits.maxRows) continue;
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: string[] = [];
    for (let c = 1; c < Math.min(values.length, limits.maxColumns + 1); c++)
      cells.push(cellText(values[c], numbers));
    shown.push({ number: row.number, cells });
  }
  const shownColumns = Math.min(columns, limits.maxColumns);
  return {
    name: (sheet.name ?? `Sheet${sheet.id ?? ''}`).normalize('NFC'),
    html: sheetTable(shown, shownColumns),
    rows,
    shownRows: shown.length,
    columns,
    shownColumns,
  };
}

/** Grid lines and grey headings, as attributes the mail sanitiser keeps (the frame has no stylesheet). */
const TABLE = 'border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:13px"';
const HEAD = 'style="background:#f1f3f4;font-weight:600;white-space:nowrap"';

/** A table with the column letters on top and the sheet's row numbers down the side, as in Excel. */
export function sheetTable(rows: { number: number; cells: string[] }[], columns: number): string {
  const head = [`<th ${HEAD}></th>`];
  for (let c = 1; c <= columns; c++) head.push(`<th ${HEAD}>${columnLetters(c)}</th>`);
  const body = rows.map((row) => {
    const cells = [`<th ${HEAD}>${row.number}</th>`];
    for (let c = 0; c < columns; c++) cells.push(`<td>${escapeHtml(row.cells[c] ?? '')}</td>`);
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table ${TABLE}><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}
