import { describe, expect, it } from 'vitest';
import { formatRecipient, parseAddressList } from './address-list';

describe('parseAddressList', () => {
  it('splits on commas, semicolons and new lines, names in angle brackets', () => {
    expect(
      parseAddressList('a@binhphuoc.gov.vn, b@sttt.binhphuoc.gov.vn; Trần Văn C <C@Binhphuoc.gov.vn>'),
    ).toEqual([
      { address: 'a@binhphuoc.gov.vn', valid: true },
      { address: 'b@sttt.binhphuoc.gov.vn', valid: true },
      { name: 'Trần Văn C', address: 'c@binhphuoc.gov.vn', valid: true },
    ]);
    expect(parseAddressList('x@a.vn\r\ny@a.vn\n\nz@a.vn').map((a) => a.address)).toEqual([
      'x@a.vn',
      'y@a.vn',
      'z@a.vn',
    ]);
  });

  it('keeps a comma inside a quoted name, and NFC names', () => {
    expect(parseAddressList('"Nguyễn, Văn A" <a@x.vn>, b@x.vn')).toEqual([
      { name: 'Nguyễn, Văn A', address: 'a@x.vn', valid: true },
      { address: 'b@x.vn', valid: true },
    ]);
    expect(parseAddressList('Lê Thị Hoa <hoa@x.vn>'.normalize('NFD'))[0]!.name).toBe('Lê Thị Hoa');
  });

  it('keeps what is no address, marked invalid, and drops empty pieces', () => {
    expect(parseAddressList('nguyenvana, , thanh@@x.vn; ok@x.vn;')).toEqual([
      { address: 'nguyenvana', valid: false },
      { address: 'thanh@@x.vn', valid: false },
      { address: 'ok@x.vn', valid: true },
    ]);
    expect(parseAddressList('Tên <khong co>')).toEqual([{ name: 'Tên', address: 'khong co', valid: false }]);
  });

  it('takes mailto: links and strips control characters', () => {
    expect(parseAddressList('mailto:A@X.vn')).toEqual([{ address: 'a@x.vn', valid: true }]);
    expect(parseAddressList('Tên\u0000 Xấu <x@y.vn>')).toEqual([
      { name: 'Tên  Xấu', address: 'x@y.vn', valid: true },
    ]);
  });

  it('formats back so that a pasted chip parses the same', () => {
    const r = { name: 'Nguyễn, Văn A', address: 'a@x.vn' };
    expect(formatRecipient(r)).toBe('"Nguyễn, Văn A" <a@x.vn>');
    expect(parseAddressList(formatRecipient(r))).toEqual([{ ...r, valid: true }]);
    expect(formatRecipient({ address: 'b@x.vn' })).toBe('b@x.vn');
  });
});
