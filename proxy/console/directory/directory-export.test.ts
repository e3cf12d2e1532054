import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type DirectorySheet, directoryCsv, directoryHtml, directoryXlsx } from './directory-export';

const sheet: DirectorySheet = {
  heading: 'Sở Thông tin và Truyền thông',
  date: '2026-11-29',
  rows: [
    {
      fullName: 'Trần Văn Thanh',
      title: 'Phó Giám đốc',
      unitName: 'Sở Thông tin và Truyền thông',
      email: 'thanhtv.sttt@binhphuoc.gov.vn',
    },
    {
      fullName: 'Nguyễn Thị "Út", Lan',
      title: null,
      unitName: 'Phòng Bưu chính, Viễn thông',
      email: 'lannt.sttt@binhphuoc.gov.vn',
    },
    { fullName: '=HYPERLINK("http://x")', title: null, unitName: null, email: 'x.sttt@binhphuoc.gov.vn' },
  ],
};

describe('directory exports (Đ12.5)', () => {
  it('CSV: UTF-8 with a BOM, the Vietnamese header, commas and quotes quoted, formulas defused', () => {
    const csv = directoryCsv(sheet);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('STT,Họ và tên,Chức vụ,Đơn vị,Địa chỉ thư');
    expect(lines[1]).toBe(
      '1,Trần Văn Thanh,Phó Giám đốc,Sở Thông tin và Truyền thông,thanhtv.sttt@binhphuoc.gov.vn',
    );
    expect(lines[2]).toBe(
      '2,"Nguyễn Thị ""Út"", Lan",,"Phòng Bưu chính, Viễn thông",lannt.sttt@binhphuoc.gov.vn',
    );
    expect(lines[3]).toBe(`3,"'=HYPERLINK(""http://x"")",,,x.sttt@binhphuoc.gov.vn`);
    expect(lines[4]).toBe('');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('HTML: one standalone page, lang vi, utf-8, every value escaped, no script', () => {
    const html = directoryHtml({
      ...sheet,
      rows: [
        {
          fullName: '<script>alert(1)</script>',
          title: '"><img src=x onerror=alert(1)>',
          unitName: 'A & B',
          email: 'a@b',
        },
      ],
    });
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<td>A &amp; B</td>');
    expect(html).toContain('<h1>Sở Thông tin và Truyền thông</h1>');
    expect(html).toContain('Cập nhật ngày 29/11/2026');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('XLSX: title with the unit and date, bold frozen header, widths, rows read back', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await directoryXlsx(sheet)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Danh bạ');
    expect(ws).toBeDefined();
    expect(ws!.getCell('A1').value).toBe('Sở Thông tin và Truyền thông');
    expect(ws!.getCell('A1').font?.bold).toBe(true);
    expect(String(ws!.getCell('A2').value)).toContain('29/11/2026');
    expect(ws!.getRow(3).values).toEqual([undefined, 'STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Địa chỉ thư']);
    expect(ws!.getCell('B3').font?.bold).toBe(true);
    expect(ws!.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws!.getColumn(2).width).toBeGreaterThanOrEqual(25);
    expect(ws!.getRow(5).values).toEqual([
      undefined,
      2,
      'Nguyễn Thị "Út", Lan',
      '',
      'Phòng Bưu chính, Viễn thông',
      'lannt.sttt@binhphuoc.gov.vn',
    ]);
    expect(ws!.rowCount).toBe(6);
  });
});
