import type { ImapFlow, SearchObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { type SearchAttribute, sortSearchKeys } from './imap-search-keys';

/** The compiler reads only the server's capabilities and what was ENABLEd. */
const server = (capabilities: string[] = [], enabled: string[] = []) =>
  ({
    capabilities: new Map(capabilities.map((c) => [c, true])),
    enabled: new Set(enabled),
  }) as unknown as ImapFlow;

/** The keys as IMAP text: a list in parentheses, a literal as {bytes} and its text. */
function render(keys: SearchAttribute[]): string {
  return keys
    .map((k) => {
      if (Array.isArray(k)) return `(${render(k)})`;
      if (k.type === 'LITERAL') return `{${Buffer.byteLength(k.value as Buffer)}}${String(k.value)}`;
      return String(k.value);
    })
    .join(' ');
}

const keys = (query: SearchObject, client = server()) => render(sortSearchKeys(client, query));

describe('sortSearchKeys: the IMAP search keys after UID SORT (REVERSE DATE) UTF-8', () => {
  it('flags: unread and flagged', () => {
    expect(keys({ all: true, seen: false })).toBe('ALL UNSEEN');
    expect(keys({ all: true, flagged: true })).toBe('ALL FLAGGED');
  });

  it('dates: the Date header or the arrival date, a day either side, in IMAP date form', () => {
    const since = new Date('2026-02-28T00:00:00Z');
    const before = new Date('2026-03-11T00:00:00Z');
    expect(
      keys({
        all: true,
        or: [
          { sentSince: since, sentBefore: before },
          { since, before },
        ],
      }),
    ).toBe('ALL OR (SENTSINCE 28-Feb-2026 SENTBEFORE 11-Mar-2026) (SINCE 28-Feb-2026 BEFORE 11-Mar-2026)');
  });

  it('OR of more than two: nested ORs', () => {
    expect(keys({ or: [{ from: 'sttt' }, { from: 'vpubnd' }, { seen: true }] })).toBe(
      'OR OR FROM sttt FROM vpubnd SEEN',
    );
  });

  it('ASCII text stays an atom (the runs the search sends: tone-free consonants, addresses)', () => {
    expect(keys({ all: true, text: 'ng v', from: 'thanhtv.sttt@binhphuoc.gov.vn' })).toBe(
      'ALL TEXT ng v FROM thanhtv.sttt@binhphuoc.gov.vn',
    );
  });

  it('Vietnamese text goes as UTF-8 literals, without the CHARSET prefix SORT does not take', () => {
    const query = { all: true, seen: false, subject: 'Công văn khẩn', body: 'Đồng Xoài' };
    expect(keys(query)).toBe('ALL UNSEEN SUBJECT {17}Công văn khẩn BODY {13}Đồng Xoài');
    // The same query compiled for SEARCH by imapflow starts with CHARSET UTF-8: dropped here.
    expect(keys(query, server([], ['UTF8=ACCEPT']))).toBe(keys(query));
  });

  it('everything together; a one-key side of OR needs no parentheses', () => {
    const since = new Date('2025-12-19T00:00:00Z');
    expect(
      keys({
        all: true,
        seen: false,
        or: [{ sentSince: since }, { since }],
        subject: 'báo cáo',
        text: 'bc',
      }),
    ).toBe('ALL UNSEEN OR SENTSINCE 19-Dec-2025 SINCE 19-Dec-2025 SUBJECT {9}báo cáo TEXT bc');
  });
});
