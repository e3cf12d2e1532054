import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { SearchHit } from '../../../common/contract';
import { useMailboxes } from '../../api/mailboxes';
import { type SearchParams, useSearch } from '../../api/search';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { mailboxLabel } from '../mailbox/mailbox-name';
import { mailPath } from '../mailbox/routes';
import { SearchResultRow } from './SearchResultRow';
import { dayBefore, formatIsoDay } from './search-dates';
import { useSearchStore } from './search-store';
import { searchFromQuery } from './search-url';
import './search.css';

/** Keep looking by itself until this many hits show (each round is one time-boxed request). */
const FILL_TO = 30;
const MAX_AUTO_ROUNDS = 20;

/**
 * The list pane: the running search's hits, or (no search) the folder as the children show it.
 * Going to another folder from the folder list ends the search; opening a hit does not.
 */
export function SearchResultsOr({
  mailbox,
  uid,
  children,
}: {
  mailbox: string;
  uid: number | null;
  children: ReactNode;
}) {
  const active = useSearchStore((s) => s.active);
  const shown = useRef(mailbox);
  useEffect(() => {
    // Back/Forward to a folder whose URL carries the search keeps it (use-search-url.ts).
    if (shown.current !== mailbox && uid === null && !searchFromQuery(window.location.search))
      useSearchStore.getState().clear();
    shown.current = mailbox;
  }, [mailbox, uid]);
  if (!active) return <>{children}</>;
  return <SearchResults params={active} mailbox={mailbox} uid={uid} />;
}

function SearchResults({
  params,
  mailbox,
  uid,
}: {
  params: SearchParams;
  mailbox: string;
  uid: number | null;
}) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const errorMessage = useErrorMessage();
  const mailboxes = useMailboxes();
  const search = useSearch(params);
  const number = new Intl.NumberFormat(i18n.language);

  const pages = search.data?.pages ?? [];
  const hits = pages.flatMap((p) => p.hits);
  const last = pages.at(-1);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = search;
  useEffect(() => {
    if (
      hasNextPage &&
      !isFetchingNextPage &&
      !isError &&
      hits.length < FILL_TO &&
      pages.length < MAX_AUTO_ROUNDS
    )
      fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, hits.length, pages.length, fetchNextPage]);

  const labelOf = (path: string) => {
    const box = mailboxes.data?.find((b) => b.path === path);
    return box ? mailboxLabel(box, t) : path;
  };
  const scopeLabel = params.mailbox ? labelOf(params.mailbox) : t('search.scopeAll');
  const open = (hit: SearchHit) => navigate(mailPath(hit.mailbox, hit.uid));
  const looking = search.isPending || isFetchingNextPage;

  return (
    <section className="search-results" aria-labelledby="search-results-title" aria-busy={looking}>
      <div className="search-results-head">
        <h2 className="pane-title" id="search-results-title">
          {t('search.title')}
        </h2>
        <button type="button" className="link-button" onClick={() => useSearchStore.getState().clear()}>
          {t('search.back', { folder: labelOf(mailbox) })}
        </button>
      </div>
      <p className="list-summary muted small" aria-live="polite">
        {[scopeLabel, ...describeCriteria(params, t)].join(' · ')}
        {' · '}
        {search.isPending
          ? t('search.searching')
          : hasNextPage
            ? t('search.foundSoFar', {
                count: hits.length,
                found: number.format(hits.length),
                scanned: number.format(last?.scanned ?? 0),
                remaining: number.format(last?.remaining ?? 0),
              })
            : t('search.found', { count: hits.length, found: number.format(hits.length) })}
      </p>
      {isError ? (
        <Banner
          tone="error"
          action={
            <button
              type="button"
              className="button"
              onClick={() => (search.data ? fetchNextPage() : search.refetch())}
            >
              {t('list.retry')}
            </button>
          }
        >
          {t('search.error')} {errorMessage(search.error)}
        </Banner>
      ) : null}
      {!search.isPending && !hasNextPage && hits.length === 0 && !isError ? (
        <div className="list-state">{t('search.none')}</div>
      ) : null}
      {hits.length > 0 ? (
        <div className="message-list">
          <ul aria-label={t('search.title')}>
            {hits.map((hit) => (
              <SearchResultRow
                key={`${hit.mailbox}\u0000${hit.uid}`}
                hit={hit}
                folderLabel={labelOf(hit.mailbox)}
                selected={hit.mailbox === mailbox && hit.uid === uid}
                onOpen={open}
              />
            ))}
          </ul>
        </div>
      ) : null}
      {hasNextPage && !isError && (hits.length >= FILL_TO || pages.length >= MAX_AUTO_ROUNDS) ? (
        <button
          type="button"
          className="button load-more"
          disabled={isFetchingNextPage}
          onClick={() => fetchNextPage()}
        >
          {isFetchingNextPage ? t('search.searching') : t('search.more')}
        </button>
      ) : null}
    </section>
  );
}

/** The advanced criteria in words ("Người gửi: le minh tuan"), so none is forgotten. */
function describeCriteria(params: SearchParams, t: TFunction): string[] {
  const out: string[] = [];
  for (const field of ['from', 'to', 'subject', 'body'] as const) {
    const value = params[field];
    if (value) out.push(`${t(`search.${field}`)}: ${value}`);
  }
  if (params.since) out.push(`${t('search.since')} ${formatIsoDay(params.since)}`);
  if (params.before) out.push(`${t('search.until')} ${formatIsoDay(dayBefore(params.before))}`);
  if (params.hasAttachment) out.push(t('search.hasAttachment'));
  if (params.unread) out.push(t('search.unread'));
  return out;
}
