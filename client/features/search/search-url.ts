import type { SearchParams } from '../../api/search';

/**
 * The running search as the query string of the mail screen's URL, so that a reload, Back and
 * Forward, or a link pasted to oneself keep it: `/thu/INBOX?q=cong+van&since=2026-11-01&in=INBOX`.
 * The folder path stays the page's own (parseMailPath); only what the search asks is added. PURE.
 */
const TEXT_FIELDS = ['q', 'from', 'to', 'subject', 'body'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function searchToQuery(params: SearchParams | null): string {
  if (!params) return '';
  const out = new URLSearchParams();
  for (const field of TEXT_FIELDS) {
    const value = params[field];
    if (value) out.set(field, value);
  }
  if (params.since) out.set('since', params.since);
  if (params.before) out.set('before', params.before);
  if (params.hasAttachment) out.set('attachment', '1');
  if (params.unread) out.set('unread', '1');
  if (params.mailbox) out.set('in', params.mailbox);
  const text = out.toString();
  return text ? `?${text}` : '';
}

/** The search a URL's query string holds, or null (none, or nothing a search could ask). */
export function searchFromQuery(query: string): SearchParams | null {
  const input = new URLSearchParams(query);
  const params: SearchParams = {};
  for (const field of TEXT_FIELDS) {
    const value = input.get(field)?.normalize('NFC').trim();
    if (value) params[field] = value.slice(0, 200);
  }
  const since = input.get('since');
  const before = input.get('before');
  if (since && DAY.test(since)) params.since = since;
  if (before && DAY.test(before) && !(params.since && params.since >= before)) params.before = before;
  if (input.get('attachment') === '1') params.hasAttachment = true;
  if (input.get('unread') === '1') params.unread = true;
  const criteria = Object.keys(params).length > 0;
  const scope = input.get('in');
  if (scope) params.mailbox = scope;
  return criteria ? params : null;
}

/** Same search? (The store's object and one read back from the URL are never the same object.) */
export const sameSearch = (a: SearchParams | null, b: SearchParams | null): boolean =>
  searchToQuery(a) === searchToQuery(b);
