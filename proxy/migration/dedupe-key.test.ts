import { describe, expect, it } from 'vitest';
import { dedupeKey } from './dedupe-key';

const base = {
  messageId: '<abc.1@donvi-cu.local>',
  internalDate: new Date('2021-03-04T05:06:07.000Z'),
  size: 1234,
};

describe('the dedupe key of a migrated message', () => {
  it('is Message-ID, internal date to the second and size', () => {
    expect(dedupeKey(base)).toBe(`id:abc.1@donvi-cu.local|${Date.UTC(2021, 2, 4, 5, 6, 7) / 1000}|1234`);
    expect(
      dedupeKey({ ...base, messageId: 'abc.1@donvi-cu.local', internalDate: '2021-03-04T05:06:07.900Z' }),
    ).toBe(dedupeKey(base));
  });

  it('tells apart the same Message-ID at another date or size (a resent copy)', () => {
    expect(dedupeKey({ ...base, size: 1235 })).not.toBe(dedupeKey(base));
    expect(dedupeKey({ ...base, internalDate: new Date('2021-03-04T05:06:08Z') })).not.toBe(dedupeKey(base));
  });

  it('falls back to Date, From and Subject without a Message-ID', () => {
    const a = {
      ...base,
      messageId: null,
      date: '2021-03-04T05:00:00Z',
      from: 'VanThu@x.vn',
      subject: 'Công văn',
    };
    expect(dedupeKey(a)).toMatch(/^h:/);
    expect(dedupeKey({ ...a, messageId: '  ', from: 'vanthu@x.vn' })).toBe(dedupeKey(a));
    expect(dedupeKey({ ...a, subject: 'Công văn 2' })).not.toBe(dedupeKey(a));
    expect(dedupeKey({ ...a, subject: 'Công văn'.normalize('NFD') })).toBe(dedupeKey(a));
  });
});
