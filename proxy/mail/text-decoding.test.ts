import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCharset, decodeTransfer, previewText } from './text-decoding';

describe('decodeCharset', () => {
  it('decodes windows-1258 (combining tones) into NFC text (R-11.1)', () => {
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

describe('previewText', () => {
  it('drops markup, styles and quoted lines', () => {
    const html = '<style>p{color:red}</style><p>Kính gửi <b>anh Thanh</b>,</p><p>Họp lúc 8h.</p>';
    expect(previewText(html, 'text/html')).toBe('Kính gửi anh Thanh, Họp lúc 8h.');
    expect(previewText('Đồng ý.\n> trích dẫn cũ\n', 'text/plain')).toBe('Đồng ý.');
  });
  it('cuts long text with an ellipsis', () => {
    const out = previewText('a'.repeat(500), 'text/plain');
    expect(out.length).toBe(160);
    expect(out.endsWith('…')).toBe(true);
  });
});
