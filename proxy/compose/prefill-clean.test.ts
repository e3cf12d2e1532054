import { describe, expect, it } from 'vitest';
import { type ComposePrefill, OutgoingMessage } from '../../common/contract';
import { cleanHeaderText, cleanPrefill } from './prefill-clean';

describe('cleanHeaderText', () => {
  it.each([
    ['CR/LF from an encoded word', 'Kẻ giả\r\nBcc: ai@evil.test', 'Kẻ giả Bcc: ai@evil.test'],
    ['a TAB left by folding', 'Tab\there', 'Tab here'],
    ['NUL, BEL, DEL and C1', 'a\u0000b\u0007c\u007fd\u0085e', 'a b c d e'],
    ['line separator', 'a\u2028b', 'a b'],
    ['ordinary text untouched', 'Re: Công văn số 12/UBND', 'Re: Công văn số 12/UBND'],
  ])('%s', (_case, raw, expected) => {
    expect(cleanHeaderText(raw, 200)).toBe(expected);
  });

  it('shortens a long name with an ellipsis, never splitting a character', () => {
    const long = `Ông ${'Nguyễn Văn Rất Dài 😀 '.repeat(20)}`;
    const clean = cleanHeaderText(long, 200);
    expect(clean.length).toBeLessThanOrEqual(200);
    expect(clean.endsWith('…')).toBe(true);
    expect(clean).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('cleanPrefill: a reply to hostile mail passes the contract', () => {
  const hostile: ComposePrefill = {
    to: [{ name: 'Kẻ giả\r\nBcc: ai@evil.test', address: 'gia@hostile.test' }],
    cc: [
      { name: `Ông ${'Nguyễn Văn Rất Dài '.repeat(15)}`, address: 'dai@hostile.test' },
      { name: '\r\n', address: 'trong@hostile.test' },
    ],
    bcc: [],
    subject: 'Re: Chủ đề\r\nX-Injected: 1\u0007',
    html: '<p></p>',
    text: '',
    attachments: [],
    inReplyTo: '<a@b>\r\nX-Evil: 1',
    references: ['<ok@hostile.test>', '<bad@x>\nX: 1', `<${'x'.repeat(1200)}@y>`],
  };

  it('cleans names, subject and ids so that sending it is valid', () => {
    const clean = cleanPrefill(hostile);
    expect(clean.to).toEqual([{ name: 'Kẻ giả Bcc: ai@evil.test', address: 'gia@hostile.test' }]);
    expect(clean.cc[0]!.name!.length).toBeLessThanOrEqual(200);
    expect(clean.cc[1]).toEqual({ address: 'trong@hostile.test' });
    expect(clean.subject).toBe('Re: Chủ đề X-Injected: 1');
    expect(clean.inReplyTo).toBeUndefined();
    expect(clean.references).toEqual(['<ok@hostile.test>']);
    const outgoing = {
      composeId: '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b',
      to: clean.to,
      cc: clean.cc,
      subject: clean.subject,
      html: clean.html,
      text: clean.text,
      references: clean.references,
    };
    expect(OutgoingMessage.safeParse(outgoing).success).toBe(true);
    expect(OutgoingMessage.safeParse({ ...outgoing, to: hostile.to }).success).toBe(false);
  });
});

describe('the contract still refuses what a person types with CR/LF', () => {
  const base = {
    composeId: '6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b',
    to: [{ address: 'a@binhphuoc.gov.vn' }],
    html: null,
    text: 'x',
  };
  it.each([
    ['subject', { ...base, subject: 'Chào\r\nBcc: victim@example.com' }],
    ['name', { ...base, to: [{ name: 'A\nB', address: 'a@binhphuoc.gov.vn' }] }],
    ['name too long', { ...base, to: [{ name: 'x'.repeat(201), address: 'a@binhphuoc.gov.vn' }] }],
    ['in-reply-to', { ...base, inReplyTo: '<a@b>\r\nX-Evil: 1' }],
  ])('%s', (_field, message) => {
    expect(OutgoingMessage.safeParse(message).success).toBe(false);
  });
});
