import { describe, expect, it } from 'vitest';
import { arrivalDate, envelopeDate, messageFacts, messageProblem, withCrlf } from './message-facts';

const raw = Buffer.from(
  'From: a@b\r\nMessage-ID:\r\n <x.1@binhphuoc.gov.vn>\r\nDate: Mon, 2 Nov 2026 08:00:00 +0700 (ICT)\r\nSubject: =?UTF-8?B?Q8O0bmcgdsSDbg==?=\r\n\r\nMessage-ID: <not@this>\r\n',
);

describe('message facts', () => {
  it('reads Message-ID (folded), Date and the raw Subject from the header section only', () => {
    expect(messageFacts(raw)).toEqual({
      messageId: '<x.1@binhphuoc.gov.vn>',
      date: new Date('2026-11-02T01:00:00Z'),
      rawSubject: '=?UTF-8?B?Q8O0bmcgdsSDbg==?=',
    });
    expect(messageFacts(Buffer.from('From: a@b\r\n\r\n'))).toEqual({
      messageId: '',
      date: null,
      rawSubject: null,
    });
  });

  it('reads the asctime date of an mbox envelope as UTC', () => {
    expect(envelopeDate('MAILER-DAEMON Fri Jul  8 12:08:34 2011')).toEqual(new Date('2011-07-08T12:08:34Z'));
    expect(envelopeDate('- Sat Jan 03 10:00:00 2026')).toEqual(new Date('2026-01-03T10:00:00Z'));
    expect(envelopeDate('someone nothing here')).toBeNull();
  });

  it('dates a message by its envelope, else its Date header, else now, in whole seconds', () => {
    const now = new Date('2026-12-01T00:00:00.700Z');
    const facts = messageFacts(raw);
    expect(arrivalDate('x Fri Jul  8 12:08:34 2011', facts, now)).toEqual(new Date('2011-07-08T12:08:34Z'));
    expect(arrivalDate(null, facts, now)).toEqual(new Date('2026-11-02T01:00:00Z'));
    expect(arrivalDate(null, { ...facts, date: null }, now)).toEqual(new Date('2026-12-01T00:00:00Z'));
  });

  it('makes every line end in CRLF', () => {
    expect(withCrlf(Buffer.from('a\nb\r\nc')).toString()).toBe('a\r\nb\r\nc');
  });

  it('tells a message from bytes that are not one', () => {
    expect(messageProblem(raw)).toBeNull();
    expect(messageProblem(Buffer.from('%PDF-1.7\r\n'))).toBe('not_mail');
    expect(messageProblem(Buffer.from([0, 1, 2, 3]))).toBe('not_mail');
    expect(messageProblem(Buffer.alloc(0))).toBe('not_mail');
  });
});
