import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCharset, decodeTransfer, decodeUnlabelledText } from './text-decoding';

describe('decodeCharset', () => {
  it('decodes windows-1258 (combining tones) into NFC text (Đ11.1)', () => {
    // Windows-1258 has "â" precomposed but writes the tone as a combining mark: â + 0xD2 (hook).
    const original = 'Công văn khẩn';
    const bytes = Buffer.from([
      0x43, 0xf4, 0x6e, 0x67, 0x20, 0x76, 0xe3, 0x6e, 0x20, 0x6b, 0x68, 0xe2, 0xd2, 0x6e,
    ]);
    expect(iconv.decode(bytes, 'windows-1258')).not.toBe(original); // raw decoding is not NFC
    const decoded = decodeCharset(bytes, 'Windows-1258');
    expect(decoded).toBe(original.normalize('NFC'));
    expect(decoded === decoded.normalize('NFC')).toBe(true);
  });
  it('falls back to UTF-8 for an unknown charset instead of failing', () => {
    expect(decodeCharset(Buffer.from('Điện tử', 'utf8'), 'x-unknown')).toBe('Điện tử');
  });
});

describe('decodeTransfer', () => {
  it('decodes a base64 body cut in the middle of a quantum', () => {
    const full = Buffer.from('Kính gửi các đơn vị').toString('base64');
    expect(
      decodeTransfer(Buffer.from(`${full.slice(0, 10)}\r\n${full.slice(10, 19)}`), 'base64').toString(),
    ).toBe(Buffer.from(full.slice(0, 16), 'base64').toString());
  });
  it('decodes quoted-printable', () => {
    expect(decodeTransfer(Buffer.from('K=C3=ADnh g=E1=BB=ADi'), 'quoted-printable').toString()).toBe(
      'Kính gửi',
    );
  });
});

describe('decodeUnlabelledText', () => {
  it('prefers UTF-8 when valid and NFC-normalises', () => {
    const utf8 = Buffer.from('Đặng'.normalize('NFD'), 'utf8');
    expect(decodeUnlabelledText(utf8)).toEqual({ text: 'Đặng', encoding: 'utf-8' });
  });
  it('reads the byte order marks of UTF-8, UTF-16LE and UTF-16BE', () => {
    const bom = (bytes: number[], text: Buffer) => Buffer.concat([Buffer.from(bytes), text]);
    expect(decodeUnlabelledText(bom([0xef, 0xbb, 0xbf], Buffer.from('Bình Phước')))).toEqual({
      text: 'Bình Phước',
      encoding: 'utf-8',
    });
    expect(decodeUnlabelledText(bom([0xff, 0xfe], Buffer.from('Đồng Xoài', 'utf16le')))).toEqual({
      text: 'Đồng Xoài',
      encoding: 'utf-16le',
    });
    expect(decodeUnlabelledText(bom([0xfe, 0xff], iconv.encode('Đồng Xoài', 'utf-16be')))).toEqual({
      text: 'Đồng Xoài',
      encoding: 'utf-16be',
    });
  });
  it('takes bytes that are not UTF-8 as windows-1258 and gives NFC', () => {
    // "Công văn khẩn" as cp1258 writes it: the tone of "ẩ" as a combining mark (0xD2).
    const bytes = Buffer.from([
      0x43, 0xf4, 0x6e, 0x67, 0x20, 0x76, 0xe3, 0x6e, 0x20, 0x6b, 0x68, 0xe2, 0xd2, 0x6e,
    ]);
    expect(decodeUnlabelledText(bytes)).toEqual({ text: 'Công văn khẩn', encoding: 'windows-1258' });
  });
});
