/**
 * The report as a workbook: the counts per unit (the table a reader can chart — exceljs 4 writes
 * no native charts, so the chart itself is in the PDF and on the page) and Đ12.10's list of the
 * addresses in use per unit.
 */
import ExcelJS from 'exceljs';
import type { ConsoleReport } from '../../../common/contract';
import {
  COLUMNS,
  dateLine,
  periodText,
  REPORT_HEADING,
  TOTAL_LABEL,
  UNKNOWN_USAGE,
  unitLabel,
} from './report-labels';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE5E7EB' } };

export async function reportXlsx(
  report: ConsoleReport,
  kinds: ReadonlyMap<string, 'personal' | 'unit'>,
  orgName: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = orgName;
  wb.created = new Date(report.generatedAt);
  countsSheet(wb, report, orgName);
  addressesSheet(wb, report, kinds);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function countsSheet(wb: ExcelJS.Workbook, report: ConsoleReport, orgName: string) {
  const ws = wb.addWorksheet('Báo cáo', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const lastCol = 3 + COLUMNS.length;
  ws.columns = [{ width: 6 }, { width: 44 }, { width: 12 }, ...COLUMNS.map(() => ({ width: 15 }))];
  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, lastCol);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  banner(1, orgName.toUpperCase(), { bold: true, size: 12 });
  banner(2, REPORT_HEADING, { bold: true, size: 14 });
  banner(3, periodText(report), { italic: true, size: 12 });
  banner(4, `Số liệu lập ${dateLine(new Date(report.generatedAt))}`, { size: 11 });

  const header = ws.getRow(6);
  header.values = ['STT', 'Đơn vị', 'Mã đơn vị', ...COLUMNS.map((c) => c.label)];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });

  const count = (n: number | null) => (n === null ? UNKNOWN_USAGE : n);
  report.units.forEach((unit, i) => {
    const row = ws.getRow(7 + i);
    row.values = [i + 1, unitLabel(unit), unit.code, ...COLUMNS.map((c) => count(unit[c.key]))];
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
    });
  });
  const totalRow = ws.getRow(7 + report.units.length);
  totalRow.values = ['', TOTAL_LABEL, '', ...COLUMNS.map((c) => count(report.total[c.key]))];
  totalRow.font = { bold: true };
  totalRow.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = BORDER;
  });
  for (let col = 4; col <= lastCol; col++) ws.getColumn(col).alignment = { horizontal: 'right' };
  ws.views = [{ state: 'frozen', ySplit: 6 }];

  let note = 9 + report.units.length;
  if (!report.usageKnown) {
    ws.getCell(note++, 2).value =
      'Dung lượng đã dùng không đọc được từ máy chủ thư (doveadm): cột "Trên 90% dung lượng" ghi "không rõ".';
  }
  ws.getCell(note, 2).value =
    'Đang sử dụng: chưa thu hồi và không bị tạm khóa vào cuối kỳ. Dung lượng: số liệu tại thời điểm lập báo cáo.';
  ws.getCell(note, 2).font = { italic: true, size: 10 };
}

function addressesSheet(
  wb: ExcelJS.Workbook,
  report: ConsoleReport,
  kinds: ReadonlyMap<string, 'personal' | 'unit'>,
) {
  const ws = wb.addWorksheet('Danh sách hộp thư');
  ws.columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: 'Đơn vị', key: 'unit', width: 44 },
    { header: 'Địa chỉ hộp thư', key: 'address', width: 40 },
    { header: 'Loại', key: 'kind', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  let n = 0;
  for (const unit of report.units) {
    for (const address of unit.addressesInUse) {
      n += 1;
      ws.addRow({
        n,
        unit: unitLabel(unit),
        address,
        kind: kinds.get(address) === 'unit' ? 'Đơn vị' : 'Cá nhân',
      });
    }
  }
  ws.autoFilter = { from: 'A1', to: 'D1' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}
