import { foldVietnamese } from '../../policy/fold-vietnamese';

/** Which column holds what, by index in the row. */
export interface StaffListColumns {
  fullName: number | null;
  /** The "Họ" + "Tên đệm" + "Tên" form (or "Họ đệm" + "Tên"): joined in that order. */
  family: number | null;
  middle: number | null;
  given: number | null;
  unit: number | null;
  title: number | null;
  note: number | null;
}

type Field = keyof StaffListColumns;

// Header texts as units write them, folded (no tones, lower case, punctuation dropped).
const ALIASES: Record<Field, string[]> = {
  fullName: ['ho va ten', 'ho ten', 'ho va ten can bo', 'ho ten can bo', 'full name', 'fullname', 'name'],
  family: ['ho', 'ho dem', 'ho va ten dem', 'ho va chu lot', 'family name', 'last name', 'surname'],
  middle: ['ten dem', 'chu lot', 'dem', 'middle name'],
  given: ['ten', 'given name', 'first name'],
  unit: ['don vi', 'ma don vi', 'ten don vi', 'don vi cong tac', 'co quan', 'unit', 'unit code'],
  title: ['chuc vu', 'chuc danh', 'title', 'position'],
  note: ['ghi chu', 'note', 'notes'],
};

/** "Họ và tên (*)", "HỌ TÊN:", "Họ  và tên\n" → "ho va ten". */
export function foldHeader(text: string): string {
  return foldVietnamese(
    text
      .normalize('NFC')
      .replace(/\([^)]*\)/g, ' ')
      .replace(/[^\p{L}\p{N}\s]/gu, ' '),
  );
}

function columnsOf(cells: string[]): StaffListColumns | null {
  const columns: StaffListColumns = {
    fullName: null,
    family: null,
    middle: null,
    given: null,
    unit: null,
    title: null,
    note: null,
  };
  cells.forEach((cell, index) => {
    const folded = foldHeader(cell);
    if (folded === '') return;
    for (const field of Object.keys(ALIASES) as Field[]) {
      if (columns[field] === null && ALIASES[field].includes(folded)) {
        columns[field] = index;
        return;
      }
    }
  });
  const split = columns.given !== null && columns.family !== null;
  if (columns.fullName === null && !split) return null;
  if (columns.fullName !== null) {
    // A full-name column wins; a lone "Tên" beside it would be a duplicate of its last word.
    columns.family = null;
    columns.middle = null;
    columns.given = null;
  }
  return columns;
}

/** How far down a title block (the unit's name, "DANH SÁCH CÁN BỘ…", a date) may push the header. */
export const HEADER_SEARCH_ROWS = 15;

/** The first row among the first ones whose cells name the columns; null when none does. */
export function findHeader(rows: string[][]): { index: number; columns: StaffListColumns } | null {
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const columns = columnsOf(rows[index] ?? []);
    if (columns) return { index, columns };
  }
  return null;
}

/** NFC, no invisible characters, one space between words; capitalisation stays as the unit wrote it. */
export function cleanCell(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface StaffListRow {
  /** The line of the CSV or the row of the sheet, as the unit sees it in its program. */
  line: number;
  fullName: string;
  /** The unit as written (a code or an official name); '' when the list has no unit column. */
  unit: string;
  title: string;
  note: string;
}

/** The rows under the header that have a name (blank lines, totals and signatures are dropped). */
export function rowsUnder(
  rows: { line: number; cells: string[] }[],
  header: { index: number; columns: StaffListColumns },
): StaffListRow[] {
  const { columns } = header;
  const at = (cells: string[], index: number | null) => (index === null ? '' : cleanCell(cells[index]));
  const out: StaffListRow[] = [];
  for (const { line, cells } of rows.slice(header.index + 1)) {
    const fullName =
      columns.fullName !== null
        ? at(cells, columns.fullName)
        : cleanCell(
            [at(cells, columns.family), at(cells, columns.middle), at(cells, columns.given)].join(' '),
          );
    if (fullName === '') continue;
    out.push({
      line,
      fullName,
      unit: at(cells, columns.unit),
      title: at(cells, columns.title),
      note: at(cells, columns.note),
    });
  }
  return out;
}
