import type { SearchParams } from '../../api/search';
import { dayAfter, dayBefore, formatIsoDay, parseDayMonthYear } from './search-dates';

/** The search box and its advanced panel as the user is filling them in. */
export interface SearchDraft {
  q: string;
  from: string;
  to: string;
  subject: string;
  body: string;
  /** dd/MM/yyyy as typed. */
  since: string;
  until: string;
  hasAttachment: boolean;
  unread: boolean;
  scope: 'all' | 'current';
}

export const emptyDraft: SearchDraft = {
  q: '',
  from: '',
  to: '',
  subject: '',
  body: '',
  since: '',
  until: '',
  hasAttachment: false,
  unread: false,
  scope: 'all',
};

export type DraftProblem =
  | { field: 'since' | 'until'; key: 'invalidDate' | 'dateOrder' }
  | { field: 'q'; key: 'needCriteria' };

/** The request for a draft, or what is wrong with it. PURE. */
export function draftToParams(
  draft: SearchDraft,
  currentMailbox: string,
): { params: SearchParams } | { problem: DraftProblem } {
  const since = draft.since.trim() ? parseDayMonthYear(draft.since) : undefined;
  if (since === null) return { problem: { field: 'since', key: 'invalidDate' } };
  const until = draft.until.trim() ? parseDayMonthYear(draft.until) : undefined;
  if (until === null) return { problem: { field: 'until', key: 'invalidDate' } };
  if (since && until && until < since) return { problem: { field: 'until', key: 'dateOrder' } };
  const text = (v: string) => v.trim() || undefined;
  const params: SearchParams = {
    q: text(draft.q),
    from: text(draft.from),
    to: text(draft.to),
    subject: text(draft.subject),
    body: text(draft.body),
    since,
    before: until ? dayAfter(until) : undefined,
    hasAttachment: draft.hasAttachment || undefined,
    unread: draft.unread || undefined,
    mailbox: draft.scope === 'current' ? currentMailbox : undefined,
  };
  const { mailbox: _scope, ...criteria } = params;
  if (!Object.values(criteria).some((v) => v !== undefined))
    return { problem: { field: 'q', key: 'needCriteria' } };
  return { params: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) };
}

/** Back from a request to the form, to reopen the panel as it was submitted. */
export function paramsToDraft(params: SearchParams): SearchDraft {
  return {
    q: params.q ?? '',
    from: params.from ?? '',
    to: params.to ?? '',
    subject: params.subject ?? '',
    body: params.body ?? '',
    since: params.since ? formatIsoDay(params.since) : '',
    until: params.before ? formatIsoDay(dayBefore(params.before)) : '',
    hasAttachment: params.hasAttachment ?? false,
    unread: params.unread ?? false,
    scope: params.mailbox ? 'current' : 'all',
  };
}

/** How many advanced criteria are set: shown on the panel button so they are not forgotten. */
export function advancedCount(draft: SearchDraft): number {
  return (
    [draft.from, draft.to, draft.subject, draft.body, draft.since, draft.until].filter((v) => v.trim())
      .length +
    Number(draft.hasAttachment) +
    Number(draft.unread) +
    Number(draft.scope === 'current')
  );
}
