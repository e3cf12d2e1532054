import { describe, expect, it } from 'vitest';
import { detectFileKind } from './file-kind';

const eml =
  'Received: from x\r\n\tby y\r\nFrom: Văn thư <vanthu@binhphuoc.gov.vn>\r\nSubject: Công văn\r\n\r\nNội dung\r\n';

describe('detectFileKind', () => {
  it.each([
    ['an RFC 5322 message', eml, 'eml'],
    ['a message saved with LF', eml.replace(/\r\n/g, '\n'), 'eml'],
    ['a message after a UTF-8 BOM', `\ufeff${eml}`, 'eml'],
    ['an mbox', `From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n${eml}`, 'mbox'],
    ['Thunderbird’s mbox', `From - Sat Jan 03 10:00:00 2026\r\n${eml}`, 'mbox'],
    ['a "From " line with no message after it', 'From a@b Fri Jul  8 12:08:34 2011\n%PDF-1.7\n', 'not_mail'],
    ['a PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'not_mail'],
    ['a text file', 'Kính gửi: các đơn vị\nNội dung công văn\n', 'not_mail'],
    ['a CSV with colons', 'name:email\nAn:an@x\n', 'not_mail'],
    ['only X- headers', 'X-Foo: 1\nX-Bar: 2\n\nbody\n', 'not_mail'],
    ['an empty file', '', 'not_mail'],
  ])('%s', (_, text, kind) => {
    expect(detectFileKind(Buffer.from(text))).toBe(kind);
  });

  it('tells a ZIP (also an empty one), a PNG and random bytes', () => {
    expect(detectFileKind(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('zip');
    expect(detectFileKind(Buffer.from('PK\x05\x06\0\0', 'latin1'))).toBe('zip');
    expect(detectFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(
      'not_mail',
    );
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(detectFileKind(random)).toBe('not_mail');
  });

  it('judges a header cut by the end of the prefix on the whole lines only', () => {
    const prefix = `From: a@b\r\nSubject: ${'x'.repeat(100)}`;
    expect(detectFileKind(Buffer.from(prefix))).toBe('eml');
  });
});
