import type { SearchCriteria, SearchHit } from '../../common/contract';
import { compileCriteria, foldForSearch, matchBody, matchHeaders, snippet } from '../mail/search-match';
import { localDay } from '../mail/search-scan';
import { withoutQuotes } from '../mail/search-texts';
import { ftsExpression } from './fts-query';
import type { IndexRow, UserIndex } from './user-index';

const DAY_MS = 86_400_000;
const BATCH = 200;

export interface IndexedPage {
  hits: SearchHit[];
  /** Candidates looked at, from the first page on; null offset: none left. */
  nextOffset: number | null;
  scanned: number;
}

/**
 * A search page answered from the index: FTS5 narrows (a superset, fts-query.ts), then every
 * candidate is checked with the scanning search's own rules (search-match.ts) on the same folded
 * fields and decoded text, newest first over all folders in scope, as the scanning search merges
 * them. The caller re-checks the page against the provider before it is shown.
 */
export async function searchIndexed(
  index: UserIndex,
  criteria: SearchCriteria,
  folders: string[],
  options: { timeZone: string; offset: number; budgetMs?: number },
): Promise<IndexedPage> {
  const started = Date.now();
  const text = compileCriteria(criteria);
  const dayOf = localDay(options.timeZone);
  const match = ftsExpression(text);
  const hits: SearchHit[] = [];
  let offset = options.offset;
  for (;;) {
    const rows = await index.candidates({
      folders,
      match,
      unread: criteria.unread === true,
      hasAttachment: criteria.hasAttachment === true,
      fromMs: criteria.since ? Date.parse(`${criteria.since}T00:00:00Z`) - DAY_MS : null,
      beforeMs: criteria.before ? Date.parse(`${criteria.before}T00:00:00Z`) + DAY_MS : null,
      offset,
      limit: BATCH,
    });
    for (const row of rows) {
      offset++;
      const hit = check(row, criteria, text, dayOf);
      if (hit) hits.push(hit);
      if (hits.length >= criteria.limit) return { hits, nextOffset: offset, scanned: offset };
    }
    if (rows.length < BATCH) return { hits, nextOffset: null, scanned: offset };
    if (Date.now() - started >= (options.budgetMs ?? 1500))
      return { hits, nextOffset: offset, scanned: offset };
  }
}

function check(
  row: IndexRow,
  criteria: SearchCriteria,
  text: ReturnType<typeof compileCriteria>,
  dayOf: (ms: number) => string,
): SearchHit | null {
  if (criteria.unread && row.seen) return null;
  if (criteria.hasAttachment && !row.hasAttachments) return null;
  const day = dayOf(row.dateMs);
  if ((criteria.since && day < criteria.since) || (criteria.before && day >= criteria.before)) return null;
  const verdict = matchHeaders(text, {
    from: row.sender,
    to: row.recipients,
    subject: row.subject,
    attachmentNames: row.names,
  });
  if (verdict.kind === 'rejected') return null;
  let bodyTerms: string[] = [];
  if (verdict.kind === 'needs-body') {
    if (!matchBody(verdict, foldForSearch(row.bodyText))) return null;
    bodyTerms = [...verdict.bodyTerms, ...verdict.eitherTerms];
  }
  return {
    ...row.hit,
    mailbox: row.folder,
    preview: snippet(withoutQuotes(row.bodyText), bodyTerms),
  };
}
