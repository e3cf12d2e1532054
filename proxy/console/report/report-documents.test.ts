import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ConsoleReport, ReportUnitRow } from '../../../common/contract';
import { niceStep, reportPdf } from './report-pdf';
import { reportXlsx } from './report-xlsx';

const ORG = 'Ủy ban nhân dân tỉnh Bình Phước';
const D = '@binhphuoc.gov.vn';

const unit = (code: string, name: string, over: Partial<ReportUnitRow> = {}): ReportUnitRow => ({
  code,
  name,
  inUse: 3,
  personalInUse: 2,
  unitMailboxesInUse: 1,
  created: 1,
  suspended: 2,
  suspendedAtEnd: 1,
  revoked: 1,
  neverLoggedIn: 1,
  nearQuota: 0,
  addressesInUse: [`a.${code}${D}`, `b.${code}${D}`, `${code}${D}`],
  ...over,
});

function report(units: ReportUnitRow[], over: Partial<ConsoleReport> = {}): ConsoleReport {
  const period = {
    id: '2026-06',
    firstDay: '2025-12-20',
    lastDay: '2026-06-19',
    dueBefore: '2026-06-20',
    consolidateBefore: '2026-06-30',
    current: false,
  };
  const sum = (k: 'inUse' | 'created' | 'suspended' | 'revoked' | 'neverLoggedIn') =>
    units.reduce((n, u) => n + u[k], 0);
  return {
    period,
    periods: [period],
    defaultPeriod: '2026-06',
    generatedAt: '2026-06-25T02:00:00.000Z',
    usageKnown: true,
    units,
    total: {
      inUse: sum('inUse'),
      personalInUse: 0,
      unitMailboxesInUse: 0,
      created: sum('created'),
      suspended: sum('suspended'),
      suspendedAtEnd: 0,
      revoked: sum('revoked'),
      neverLoggedIn: sum('neverLoggedIn'),
      nearQuota: units.reduce((n, u) => n + (u.nearQuota ?? 0), 0),
    },
    ...over,
  };
}

const TWO = [
  unit('sttt', 'Sở Thông tin và Truyền thông', { inUse: 12, created: 4, nearQuota: 2 }),
  unit('dx', 'Xã Đắk Ơ'),
];
const kinds = new Map([[`sttt${D}`, 'unit' as const]]);

async function readBack(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('the report as XLSX', () => {
  it('has the title, the period, a row per unit and a total row, in Vietnamese', async () => {
    const wb = await readBack(await reportXlsx(report(TWO), kinds, ORG));
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(ws.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC');
    expect(ws.getCell('A2').value).toBe('BÁO CÁO TÌNH HÌNH SỬ DỤNG HỘP THƯ ĐIỆN TỬ CÔNG VỤ');
    expect(ws.getCell('A3').value).toBe('Kỳ báo cáo: từ 20/12/2025 đến 19/6/2026');
    expect(ws.getRow(6).values).toEqual([
      undefined,
      'STT',
      'Đơn vị',
      'Mã đơn vị',
      'Đang sử dụng',
      'Tạo mới',
      'Tạm khóa',
      'Thu hồi',
      'Chưa đăng nhập',
      'Trên 90% dung lượng',
    ]);
    expect(ws.getRow(7).values).toEqual([
      undefined,
      1,
      'Sở Thông tin và Truyền thông',
      'sttt',
      12,
      4,
      2,
      1,
      1,
      2,
    ]);
    expect(ws.getRow(8).values).toEqual([undefined, 2, 'Xã Đắk Ơ', 'dx', 3, 1, 2, 1, 1, 0]);
    expect(ws.getRow(9).values).toEqual([undefined, '', 'Tổng cộng', '', 15, 5, 4, 2, 2, 2]);
  });

  it('lists the addresses in use per unit (Đ12.10) on a second sheet', async () => {
    const wb = await readBack(await reportXlsx(report(TWO), kinds, ORG));
    const ws = wb.getWorksheet('Danh sách hộp thư')!;
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      1,
      'Sở Thông tin và Truyền thông',
      `a.sttt${D}`,
      'Cá nhân',
    ]);
    expect(ws.getRow(4).values).toEqual([undefined, 3, 'Sở Thông tin và Truyền thông', `sttt${D}`, 'Đơn vị']);
    expect(ws.getRow(7).getCell(3).value).toBe(`dx${D}`);
  });

  it('writes "không rõ" over 90 % when usage is unknown, never 0', async () => {
    const units = TWO.map((u) => ({ ...u, nearQuota: null }));
    const r = report(units, { usageKnown: false });
    r.total.nearQuota = null;
    const ws = (await readBack(await reportXlsx(r, kinds, ORG))).getWorksheet('Báo cáo')!;
    expect(ws.getCell('I7').value).toBe('không rõ');
    expect(ws.getCell('I9').value).toBe('không rõ');
  });
});

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'report-pdf-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('the report as PDF', () => {
  it('is an A4 PDF with the DejaVu font embedded', async () => {
    const pdf = await reportPdf(report(TWO), ORG);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/);
    expect(pageCount(pdf)).toBe(1);
  });

  it.runIf(hasPdftotext)(
    'carries the heading, the period, the date, the table and the chart legend',
    async () => {
      const text = pdfText(await reportPdf(report(TWO), ORG)).normalize('NFC');
      expect(text).toContain('BÁO CÁO TÌNH HÌNH SỬ DỤNG HỘP THƯ ĐIỆN TỬ CÔNG VỤ');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Kỳ báo cáo: từ 20/12/2025 đến 19/6/2026');
      expect(text).toContain('Bình Phước, ngày 25 tháng 6 năm 2026');
      expect(text).toMatch(/Sở Thông tin và Truyền thông\s+12\s+4\s+2\s+1\s+1\s+2/);
      expect(text).toMatch(/Tổng cộng\s+15\s+5\s+4\s+2\s+2\s+2/);
      expect(text).toContain('Biểu đồ: số hộp thư theo đơn vị');
      for (const legend of ['Đang sử dụng', 'Tạo mới', 'Tạm khóa', 'Thu hồi']) expect(text).toContain(legend);
    },
  );

  it('breaks the table and the chart over pages for many units, numbering them', async () => {
    const many = Array.from({ length: 120 }, (_, i) => unit(`u${i}`, `Xã thứ ${i + 1} của huyện Bù Đăng`));
    const pdf = await reportPdf(report(many), ORG);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(6);
    if (hasPdftotext) {
      const text = pdfText(pdf).normalize('NFC');
      expect(text).toContain('Xã thứ 120 của huyện Bù Đăng');
      expect(text).toContain('Biểu đồ: số hộp thư theo đơn vị (tiếp theo)');
      expect(text).toContain(`Trang ${pages}/${pages}`);
    }
  });

  it('picks whole, round steps for the chart axis', () => {
    expect([1, 4, 9, 20, 109, 1000].map(niceStep)).toEqual([1, 1, 2, 5, 25, 200]);
  });
});
