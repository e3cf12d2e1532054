import ExcelJS from 'exceljs';
import { ApiError } from '../../errors';
import type { TextEncoding } from '../../mail/text-decoding';
import { readCsvRecords } from './csv-records';
import { findHeader, rowsUnder, type StaffListRow } from './staff-list-header';

/** A unit's staff list is a few hundred rows; 2 MB leaves room for an XLSX with styles. */
export const STAFF_LIST_MAX_BYTES = 2 * 1024 * 1024;
/** Rows taken from one file: a province department is under a thousand people. */
export const STAFF_LIST_MAX_ROWS = 2000;

export interface StaffList {
  format: 'xlsx' | 'csv';
  /** The sheet read (XLSX), or the text encoding found (CSV). */
  sheet: string | null;
  encoding: TextEncoding | null;
  rows: StaffListRow[];
}

type RawRows = { line: number; cells: string[] }[];

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * A unit's list of staff, as a CSV or an XLSX made in Excel or LibreOffice, read into rows of
 * name, unit, title and note. Throws import_too_large, import_file_unreadable (not a list we can
 * read, or no header naming a "Họ và tên" column) or import_no_rows. PURE apart from parsing.
 */
export async function readStaffList(bytes: Uint8Array): Promise<StaffList> {
  if (bytes.byteLength > STAFF_LIST_MAX_BYTES) {
    throw new ApiError('import_too_large', { limit: `${STAFF_LIST_MAX_BYTES / 1024 / 1024} MB` });
  }
  const list = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  if (list.rows.length === 0) throw new ApiError('import_no_rows');
  return { ...list, rows: list.rows.slice(0, STAFF_LIST_MAX_ROWS) };
}

function readCsv(bytes: Uint8Array): StaffList {
  const { encoding, rows } = readCsvRecords(bytes);
  const header = findHeader(rows.map((r) => r.cells));
  if (!header) throw new ApiError('import_file_unreadable');
  return { format: 'csv', sheet: null, encoding, rows: rowsUnder(rows, header) };
}

async function readXlsx(bytes: Uint8Array): Promise<StaffList> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (cause) {
    throw new ApiError('import_file_unreadable', undefined, { cause });
  }
  // The first sheet with a recognisable header: units often put a cover or notes sheet first.
  for (const sheet of workbook.worksheets) {
    const rows: RawRows = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
      rows.push({ line, cells });
    });
    const header = findHeader(rows.map((r) => r.cells));
    if (header) return { format: 'xlsx', sheet: sheet.name, encoding: null, rows: rowsUnder(rows, header) };
  }
  throw new ApiError('import_file_unreadable');
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? '';
  } catch {
    // A cell ExcelJS cannot render as text (a broken formula) carries no name.
    return '';
  }
}
