import { describe, expect, it } from 'vitest';
import { sameSearch, searchFromQuery, searchToQuery } from './search-url';

describe('the search in the URL', () => {
  it.each([
    [{ q: 'cong van' }, '?q=cong+van'],
    [{ q: 'công văn, 125' }, `?q=${encodeURIComponent('công văn, 125').replace(/%20/g, '+')}`],
    [
      {
        from: 'thanhtv',
        since: '2026-11-01',
        before: '2026-12-01',
        hasAttachment: true,
        unread: true,
        mailbox: 'Dự án/Chuyển đổi số',
      },
      `?from=thanhtv&since=2026-11-01&before=2026-12-01&attachment=1&unread=1&in=${encodeURIComponent('Dự án/Chuyển đổi số').replace(/%20/g, '+')}`,
    ],
  ])('%j ⇄ %s', (params, query) => {
    expect(searchToQuery(params)).toBe(query);
    expect(searchFromQuery(query)).toEqual(params);
  });

  it('has no query string without a search, and no search without a criterion', () => {
    expect(searchToQuery(null)).toBe('');
    expect(searchFromQuery('')).toBeNull();
    expect(searchFromQuery('?in=INBOX')).toBeNull();
    expect(searchFromQuery('?q=%20%20')).toBeNull();
  });

  it('drops what the proxy would refuse rather than failing the page', () => {
    expect(searchFromQuery('?q=x&since=hôm+qua&before=2026-13')).toEqual({ q: 'x' });
    expect(searchFromQuery('?since=2026-12-01&before=2026-11-01')).toEqual({ since: '2026-12-01' });
    expect(searchFromQuery(`?q=${'a'.repeat(500)}`)?.q).toHaveLength(200);
  });

  it('compares searches by what they ask', () => {
    expect(sameSearch({ q: 'a', unread: true }, { unread: true, q: 'a' })).toBe(true);
    expect(sameSearch({ q: 'a' }, null)).toBe(false);
  });
});
