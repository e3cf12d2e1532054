import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { readStaffList, STAFF_LIST_MAX_BYTES } from './read-staff-list';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
// Excel's "Unicode Text": UTF-16LE with its BOM, tab-separated, CRLF.
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/**
 * Windows-1258 as Excel writes it on a Vietnamese Windows: letters with circumflex, breve or horn
 * precomposed, the five tones as combining marks after them ("Nguyễn" = Nguyê + U+0303 + n).
 */
function cp1258(text: string): Buffer {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const legacy = [...text.normalize('NFC')]
    .map((ch) => {
      const nfd = ch.normalize('NFD');
      const tones = nfd.match(TONES)?.join('') ?? '';
      return nfd.replace(TONES, '').normalize('NFC') + tones;
    })
    .join('');
  return iconv.encode(legacy, 'windows1258');
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const LIST = [
  'STT,Họ và tên,Đơn vị,Chức vụ,Ghi chú',
  '1,Trần Văn Thanh,sttt,Chuyên viên,',
  '2,Lê Thị Thu Hà,Sở Thông tin và Truyền thông,Phó Giám đốc,mới chuyển đến',
].join('\r\n');

describe('readStaffList — CSV', () => {
  it('reads UTF-8 with a BOM and names the columns by the header', async () => {
    const list = await readStaffList(utf8Bom(LIST));
    expect(list).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(list.rows).toEqual([
      { line: 2, fullName: 'Trần Văn Thanh', unit: 'sttt', title: 'Chuyên viên', note: '' },
      {
        line: 3,
        fullName: 'Lê Thị Thu Hà',
        unit: 'Sở Thông tin và Truyền thông',
        title: 'Phó Giám đốc',
        note: 'mới chuyển đến',
      },
    ]);
  });

  it('reads UTF-8 without a BOM (LibreOffice)', async () => {
    const list = await readStaffList(utf8(LIST));
    expect(list.rows.map((r) => r.fullName)).toEqual(['Trần Văn Thanh', 'Lê Thị Thu Hà']);
  });

  it('reads Excel "Unicode Text": UTF-16LE with a BOM, tab-separated', async () => {
    const list = await readStaffList(utf16le(LIST.replaceAll(',', '\t')));
    expect(list.encoding).toBe('utf-16le');
    expect(list.rows[1]).toMatchObject({ fullName: 'Lê Thị Thu Hà', title: 'Phó Giám đốc' });
  });

  it('reads a legacy Windows-1258 file with ; and gives NFC names', async () => {
    const bytes = cp1258('Họ tên;Đơn vị\r\nNguyễn Thị Ngọc Ánh;sttt\r\nĐặng Hữu Phước;sttt\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const list = await readStaffList(bytes);
    expect(list.encoding).toBe('windows-1258');
    expect(list.rows.map((r) => r.fullName)).toEqual(['Nguyễn Thị Ngọc Ánh', 'Đặng Hữu Phước']);
    expect(list.rows[0]!.fullName).toBe('Nguyễn Thị Ngọc Ánh'.normalize('NFC'));
  });

  it('turns NFD names pasted from macOS into NFC and collapses spaces', async () => {
    const nfd = 'Họ và tên;Đơn vị\n  Phạm   Quốc  Dũng ;sttt\n'.normalize('NFD');
    const list = await readStaffList(utf8(nfd));
    expect(list.rows[0]!.fullName).toBe('Phạm Quốc Dũng');
    expect(list.rows[0]!.fullName).toBe(list.rows[0]!.fullName.normalize('NFC'));
    expect(list.rows[0]!.unit).toBe('sttt');
  });

  it('finds the header under a title block and skips blank and empty-celled lines', async () => {
    const text = [
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG;;',
      'DANH SÁCH CÁN BỘ ĐỀ NGHỊ CẤP HỘP THƯ;;',
      '',
      'STT;HỌ VÀ TÊN (*);Chức vụ',
      '1;Trần Văn Thanh;Chuyên viên',
      ';;',
      '',
      '2;"Võ Thị Mỹ Duyên";Văn thư',
      ';;',
    ].join('\n');
    const list = await readStaffList(utf8(text));
    expect(list.rows).toMatchObject([
      { line: 5, fullName: 'Trần Văn Thanh', unit: '', title: 'Chuyên viên' },
      { line: 8, fullName: 'Võ Thị Mỹ Duyên', title: 'Văn thư' },
    ]);
  });

  it('joins the separate "Họ", "Tên đệm", "Tên" columns', async () => {
    const list = await readStaffList(utf8('Họ,Tên đệm,Tên,Mã đơn vị\nTôn Nữ,Thị,Hằng,sttt\nHồ,,Na,sttt\n'));
    expect(list.rows.map((r) => r.fullName)).toEqual(['Tôn Nữ Thị Hằng', 'Hồ Na']);
  });

  it('refuses a list without a name column, one without names, binary files and oversized ones', async () => {
    expect((await refusal(readStaffList(utf8('a,b,c\n1,2,3\n')))).code).toBe('import_file_unreadable');
    expect((await refusal(readStaffList(utf8('Họ và tên,Đơn vị\n\n,sttt\n\n')))).code).toBe('import_no_rows');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal(readStaffList(xls))).code).toBe('import_file_unreadable');
    const big = await refusal(readStaffList(Buffer.alloc(STAFF_LIST_MAX_BYTES + 1, 0x41)));
    expect(big.code).toBe('import_too_large');
    expect(big.details).toEqual({ limit: '2 MB' });
  });
});

describe('readStaffList — XLSX', () => {
  it('reads the sheet with the header, rich text and numbers included', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Hướng dẫn').addRow(['Điền danh sách vào trang sau']);
      const ws = wb.addWorksheet('Danh sách');
      ws.addRow(['DANH SÁCH CÁN BỘ']);
      ws.mergeCells('A1:D1');
      ws.addRow([]);
      ws.addRow(['STT', 'Họ và tên', 'Mã đơn vị', 'Chức vụ']);
      ws.addRow([1, 'Trần Văn Thanh', 'sttt', 'Chuyên viên']);
      ws.addRow([2, { richText: [{ text: 'Lê Thị ' }, { font: { bold: true }, text: 'Thu Hà' }] }, 'sttt']);
      ws.addRow([]);
      ws.addRow([3, 'Nguyễn Văn An'.normalize('NFD'), 'sttt', 'Chuyên viên']);
    });
    const list = await readStaffList(bytes);
    expect(list).toMatchObject({ format: 'xlsx', sheet: 'Danh sách' });
    expect(list.rows).toEqual([
      { line: 4, fullName: 'Trần Văn Thanh', unit: 'sttt', title: 'Chuyên viên', note: '' },
      { line: 5, fullName: 'Lê Thị Thu Hà', unit: 'sttt', title: '', note: '' },
      { line: 7, fullName: 'Nguyễn Văn An', unit: 'sttt', title: 'Chuyên viên', note: '' },
    ]);
  });

  it('refuses a broken XLSX and one with no header anywhere', async () => {
    const truncated = (await xlsx((wb) => wb.addWorksheet('a').addRow(['Họ và tên']))).subarray(0, 200);
    expect((await refusal(readStaffList(truncated))).code).toBe('import_file_unreadable');
    const noHeader = await xlsx((wb) => wb.addWorksheet('a').addRow(['x', 'y']));
    expect((await refusal(readStaffList(noHeader))).code).toBe('import_file_unreadable');
  });
});
