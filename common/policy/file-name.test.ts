import { describe, expect, it } from 'vitest';
import { fileExtension, safeContentType, safeFileName, splitFileName } from './file-name';

describe('safeFileName', () => {
  it.each([
    [
      'right-to-left override: the real extension shows',
      'Hóa đơn tháng 11\u202efdp.exe',
      'Hóa đơn tháng 11fdp.exe',
    ],
    ['left-to-right override and pop', 'a\u202dgpj.exe\u202c', 'agpj.exe'],
    ['embeddings', '\u202aa\u202bb\u202c.pdf', 'ab.pdf'],
    ['isolates', 'Báo\u2066 quý\u2069.pdf', 'Báo quý.pdf'],
    ['first strong isolate', 'x\u2068y\u2069.doc', 'xy.doc'],
    ['marks LRM/RLM/ALM', '\u200eLRM\u200fRLM\u061cALM.txt', 'LRMRLMALM.txt'],
    ['zero-width space, joiners, word joiner, BOM', 'Báo\u200bcáo\u200c\u200d\u2060\ufeff.pdf', 'Báocáo.pdf'],
    ['trailing mark after the extension', 'Báo cáo.pdf\u200e', 'Báo cáo.pdf'],
    ['control characters become a space', 'a\r\nb\u0000c\u0085d.pdf', 'a b c d.pdf'],
    ['line and paragraph separators', 'a\u2028b\u2029c.pdf', 'a b c.pdf'],
    ['a long run of spaces collapses', `Biên bản${' '.repeat(40)}.docx.js`, 'Biên bản.docx.js'],
    ['other spaces count as spaces', 'a\u00a0\u3000\u2003b.pdf', 'a b.pdf'],
    ['leading dots go', '..htaccess', 'htaccess'],
    ['trailing dots and spaces go', 'Tờ trình.pdf. . ', 'Tờ trình.pdf'],
    ['path parts go', 'C:\\Users\\vt\\Công văn.pdf', 'Công văn.pdf'],
    ['Windows-forbidden characters', 'a:b*c?"<d>|.pdf', 'a_b_c___d__.pdf'],
    ['NFC', 'Co\u0302ng va\u0306n.pdf', 'Công văn.pdf'],
    ['nothing left: the fallback', '\u202e\u200b ..', 'tep-dinh-kem'],
    ['an ordinary Vietnamese name is untouched', 'Công văn số 12 – UBND.pdf', 'Công văn số 12 – UBND.pdf'],
  ])('%s', (_case, raw, expected) => {
    expect(safeFileName(raw)).toBe(expected);
  });

  it('cuts a long name in its stem and keeps the extension', () => {
    const name = safeFileName(`${'Báo cáo '.repeat(60)}.xlsx`);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.endsWith('….xlsx')).toBe(true);
  });

  it('is idempotent', () => {
    for (const raw of ['a\u202efdp.exe', `x${' '.repeat(30)}.pdf`, '..a.b', `${'d'.repeat(300)}.pdf`])
      expect(safeFileName(safeFileName(raw))).toBe(safeFileName(raw));
  });
});

describe('fileExtension and splitFileName', () => {
  it.each([
    ['Hóa đơn fdp.exe', 'exe'],
    ['Biên bản.docx.js', 'js'],
    ['BÁO CÁO.PDF', 'pdf'],
    ['htaccess', null],
    ['a.tar.gz', 'gz'],
  ])('%s → %s', (name, ext) => {
    expect(fileExtension(name)).toBe(ext);
  });

  it('splits where the real extension starts', () => {
    expect(splitFileName('Biên bản.docx.js')).toEqual({ stem: 'Biên bản.docx', extension: '.js' });
    expect(splitFileName('README')).toEqual({ stem: 'README', extension: '' });
  });
});

describe('safeContentType', () => {
  it.each([
    ['application/pdf', 'application/pdf'],
    ['Image/PNG', 'image/png'],
    ['text/plain; charset=utf-8', 'text/plain'],
    [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['nonsense', 'application/octet-stream'],
    ['', 'application/octet-stream'],
    [undefined, 'application/octet-stream'],
    ['text/html\r\nX-Evil: 1', 'application/octet-stream'],
    ['a/b/c', 'application/octet-stream'],
  ])('%s → %s', (type, expected) => {
    expect(safeContentType(type)).toBe(expected);
  });
});
