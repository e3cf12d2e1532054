import type { SearchObject } from 'imapflow';
import type { SearchCriteria } from '../../common/contract';
import { invariantRuns, type TextCriteria } from './search-match';

const DAY_MS = 86_400_000;
const dayStart = (isoDay: string, shiftDays: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + shiftDays * DAY_MS);

/**
 * What Dovecot can decide without folding, always a superset of the answer: the proxy checks every
 * candidate again. Dates are widened by a day (IMAP compares days in the sender's zone) and asked
 * of both the Date header and the arrival date (a message without a valid Date header is shown,
 * and sorted, by its arrival).
 */
export function prefilter(criteria: SearchCriteria, text: TextCriteria): SearchObject {
  const query: SearchObject = { all: true };
  if (criteria.unread) query.seen = false;
  if (criteria.since || criteria.before) {
    const header: SearchObject = {};
    const arrival: SearchObject = {};
    if (criteria.since) {
      header.sentSince = dayStart(criteria.since, -1);
      arrival.since = dayStart(criteria.since, -1);
    }
    if (criteria.before) {
      header.sentBefore = dayStart(criteria.before, 1);
      arrival.before = dayStart(criteria.before, 1);
    }
    query.or = [header, arrival];
  }
  const longestRun = (terms: string[]) => terms.flatMap(invariantRuns).sort((a, b) => b.length - a.length)[0];
  const runs = {
    text: longestRun(text.q),
    from: longestRun(text.from),
    subject: longestRun(text.subject),
    body: longestRun(text.body),
  } as const;
  for (const [key, run] of Object.entries(runs)) if (run) query[key as 'text'] = run;
  return query;
}
