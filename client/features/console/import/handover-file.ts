/**
 * The handover list of new addresses and temporary passwords, built in the browser from the
 * create answer: the passwords never sit in a file on the server (Đ5.3a: shown once).
 */
export interface HandoverRow {
  fullName: string;
  unit: string;
  address: string;
  password: string;
}

export interface HandoverLabels {
  no: string;
  fullName: string;
  unit: string;
  address: string;
  password: string;
  note: string;
  noteText: string;
}

const table = (rows: HandoverRow[], l: HandoverLabels): string[][] => [
  [l.no, l.fullName, l.unit, l.address, l.password, l.note],
  ...rows.map((r, i) => [String(i + 1), r.fullName, r.unit, r.address, r.password, l.noteText]),
];

/** CSV as Excel opens it with Vietnamese letters intact: UTF-8 with a BOM, CRLF, every field quoted. */
export function handoverCsv(rows: HandoverRow[], labels: HandoverLabels): string {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  return `\ufeff${table(rows, labels)
    .map((r) => r.map(quote).join(','))
    .join('\r\n')}\r\n`;
}

/**
 * XLSX with every cell text: a password beginning with @ would be taken for a formula by Excel
 * when it opens a CSV. exceljs is loaded only when the admin asks for the file.
 */
export async function handoverXlsx(rows: HandoverRow[], labels: HandoverLabels): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bàn giao');
  ws.columns = [{ width: 6 }, { width: 30 }, { width: 34 }, { width: 36 }, { width: 20 }, { width: 36 }];
  for (const r of table(rows, labels)) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.getColumn(5).numFmt = '@';
  ws.getColumn(5).font = { name: 'Consolas' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const bytes = await wb.xlsx.writeBuffer();
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
