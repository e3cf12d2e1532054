import ExcelJS from 'exceljs';
import vi from '../../../common/i18n/console/directory/vi.json' with { type: 'json' };
import { type VietnamDate, vietnameseDay } from '../../../common/policy/vietnam-date';
import { interpolate } from '../../i18n/catalogue';
import { csvText } from '../csv-text';

/**
 * A unit's list of mailboxes as it publishes it on its website (Đ12.5). Always in Vietnamese:
 * the list is for the public of the province, whatever language the admin's browser speaks.
 */
export interface DirectorySheet {
  /** The unit's official name, or the province's for the whole directory. */
  heading: string;
  /** The day the list was taken, in Viet Nam. */
  date: VietnamDate;
  rows: { fullName: string | null; title: string | null; unitName: string | null; email: string }[];
}

const texts = vi.export;
const COLUMNS = [texts.index, texts.fullName, texts.jobTitle, texts.unit, texts.email];

/** dd/MM/yyyy, as documents are dated. */

function cells(sheet: DirectorySheet): (string | number)[][] {
  return sheet.rows.map((r, i) => [i + 1, r.fullName ?? '', r.title ?? '', r.unitName ?? '', r.email]);
}

/** The list as CSV (Excel opens it with every tone intact). */
export function directoryCsv(sheet: DirectorySheet): string {
  return csvText([COLUMNS, ...cells(sheet)]);
}

/** A title (the unit's official name and the date), a bold header kept in view, fitted columns. */
export async function directoryXlsx(sheet: DirectorySheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(`${sheet.date}T00:00:00+07:00`);
  const ws = book.addWorksheet(texts.sheet, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 26 }, { width: 42 }, { width: 38 }];
  ws.addRow([sheet.heading]);
  ws.addRow([`${texts.heading} — ${interpolate(texts.dated, { date: vietnameseDay(sheet.date) })}`]);
  ws.mergeCells('A1:E1');
  ws.mergeCells('A2:E2');
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(2).font = { italic: true };
  const header = ws.addRow(COLUMNS);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of cells(sheet)) ws.addRow(row);
  ws.getColumn(1).alignment = { horizontal: 'center' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/**
 * A standalone page to put on the unit's website as it is: no script, no outside resource, a
 * little inline CSS, every value escaped.
 */
export function directoryHtml(sheet: DirectorySheet): string {
  const title = `${texts.heading} — ${sheet.heading}`;
  const head = COLUMNS.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = cells(sheet)
    .map((row) => {
      const [index, name, jobTitle, unit, email] = row.map((c) => escapeHtml(String(c)));
      return `<tr><td class="stt">${index}</td><td>${name}</td><td>${jobTitle}</td><td>${unit}</td><td><a href="mailto:${email}">${email}</a></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;margin:1.5rem;color:#111}
h1{font-size:1.3rem;margin:0 0 .25rem}
p{margin:0 0 1rem;color:#444}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.stt{text-align:center;width:3rem}
</style>
</head>
<body>
<h1>${escapeHtml(sheet.heading)}</h1>
<p>${escapeHtml(texts.heading)} — ${escapeHtml(interpolate(texts.dated, { date: vietnameseDay(sheet.date) }))}</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
