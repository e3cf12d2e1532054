import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { cellText, columnLetters } from './cell-text';
import { buildXlsx, handZip } from './office-fixtures';
import { xlsxToSheets } from './xlsx-to-html';

const limits = {
  maxEntries: 100,
  maxTotalBytes: 16 * 1024 * 1024,
  maxSheets: 20,
  maxRows: 100,
  maxColumns: 5,
};
const options = { locale: 'vi', deadline: Number.POSITIVE_INFINITY };
const vi = new Intl.NumberFormat('vi', { useGrouping: false, maximumFractionDigits: 10 });

async function codeOf(work: Promise<unknown>): Promise<string | null> {
  try {
    await work;
    return null;
  } catch (error) {
    return error instanceof ApiError ? error.code : `not ApiError: ${String(error)}`;
  }
}

describe('cellText', () => {
  it.each([
    [null, ''],
    ['Sở Nội vụ', 'Sở Nội vụ'],
    [2.5, '2,5'],
    [912345678, '912345678'],
    [true, 'TRUE'],
    [new Date(Date.UTC(2026, 11, 7)), '07/12/2026'],
    [new Date(Date.UTC(2026, 11, 7, 14, 30)), '07/12/2026 14:30'],
    [{ formula: 'SUM(A1:A3)', result: 6 }, '6'],
    [{ formula: 'HYPERLINK("http://x")' }, ''],
    [{ sharedFormula: 'B2', result: 'Đạt' }, 'Đạt'],
    [{ richText: [{ text: 'Công ' }, { text: 'văn' }] }, 'Công văn'],
    [{ text: 'Cổng', hyperlink: 'https://evil.example/' }, 'Cổng'],
    [{ error: '#DIV/0!' }, '#DIV/0!'],
    [{ formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    [Number.NaN, ''],
  ])('%j → %s', (value, text) => {
    expect(cellText(value, vi)).toBe(text);
  });

  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('column %i is %s', (n, letters) => expect(columnLetters(n)).toBe(letters));
});

describe('xlsxToSheets', () => {
  it('gives one table per sheet, formulas as their saved values, dates dd/MM/yyyy', async () => {
    const { sheets, omittedSheets } = await xlsxToSheets(await buildXlsx(10, 6), limits, options);
    expect(omittedSheets).toBe(0);
    expect(sheets.map((s) => s.name)).toEqual(['Danh sách', 'Tổng hợp']);
    const [list, total] = sheets;
    expect(list).toMatchObject({ rows: 10, shownRows: 10, columns: 6, shownColumns: 5 });
    expect(list!.html).toContain('<td>Nguyễn Văn 1</td>');
    expect(list!.html).toContain('<td>02/01/1980</td>');
    expect(list!.html).toContain('<td>2,34</td>');
    expect(list!.html).toContain('>E</th>');
    expect(list!.html).not.toContain('>F</th>');
    expect(total!.html).toContain('<td>10</td>');
    expect(total!.html).not.toContain('COUNTA');
  });

  it('shows the first rows of an enormous sheet and counts the rest', async () => {
    const { sheets } = await xlsxToSheets(await buildXlsx(500, 6), limits, options);
    expect(sheets[0]).toMatchObject({ rows: 500, shownRows: 100 });
    expect(sheets[0]!.html.match(/<tr>/g)).toHaveLength(101);
  });

  it('writes cell text and sheet names as text, never markup', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('<b>x<b>').addRow(['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>']);
    const { sheets } = await xlsxToSheets(Buffer.from(await book.xlsx.writeBuffer()), limits, options);
    expect(sheets[0]!.html).not.toMatch(/<img|<script/);
    expect(sheets[0]!.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(sheets[0]!.name).toBe('<b>x<b>');
  });

  it('caps the number of sheets', async () => {
    const book = new ExcelJS.Workbook();
    for (let i = 1; i <= 4; i++) book.addWorksheet(`Tháng ${i}`).addRow([i]);
    const { sheets, omittedSheets } = await xlsxToSheets(
      Buffer.from(await book.xlsx.writeBuffer()),
      { ...limits, maxSheets: 3 },
      options,
    );
    expect(sheets).toHaveLength(3);
    expect(omittedSheets).toBe(1);
  });

  it('stops at the deadline', async () => {
    let clock = 0;
    const work = xlsxToSheets(await buildXlsx(300, 6), limits, {
      locale: 'vi',
      deadline: 50,
      now: () => clock++,
    });
    expect(await codeOf(work)).toBe('preview_timeout');
  });

  it.each([
    [
      'a .docx renamed .xlsx',
      handZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]),
      'preview_wrong_format',
    ],
    ['a CSV renamed .xlsx', Buffer.from('STT;Họ và tên\n1;An\n'), 'preview_wrong_format'],
    [
      'a workbook whose sheet is not XML',
      handZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        {
          name: 'xl/workbook.xml',
          data: Buffer.from(
            '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
          ),
        },
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><<<'),
        },
      ]),
      'preview_damaged',
    ],
    [
      'a bomb in a sheet',
      handZip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(32 * 1024 * 1024, 0x20), declaredSize: 100 },
      ]),
      'preview_too_large',
    ],
  ])('refuses %s', async (_name, bytes, code) => {
    expect(await codeOf(xlsxToSheets(bytes, limits, options))).toBe(code);
  });
});
