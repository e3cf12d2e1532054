import { useInfiniteQuery } from '@tanstack/react-query';
import type { SearchPage } from '../../common/contract';
import { apiFetch } from './http';

/** What the user searched for; absent fields are not sent. Dates are YYYY-MM-DD. */
export interface SearchParams {
  q?: string;
  from?: string;
  to?: string;
  subject?: string;
  body?: string;
  since?: string;
  before?: string;
  hasAttachment?: boolean;
  unread?: boolean;
  /** One folder; absent = all folders. */
  mailbox?: string;
}

// Beside the hook rather than in keys.ts: nothing else reads or invalidates search results.
export const searchKeys = {
  all: ['search'] as const,
  results: (params: SearchParams) => [...searchKeys.all, params] as const,
};

const PAGE_SIZE = 30;

export function searchQueryString(params: SearchParams, cursor?: string): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue;
    qs.set(key, String(value));
  }
  qs.set('limit', String(PAGE_SIZE));
  if (cursor) qs.set('cursor', cursor);
  return qs.toString();
}

/**
 * Pages of hits, newest first. The proxy answers within a time budget, so a page may be short or
 * empty while `nextCursor` says there is more to look through.
 */
export function useSearch(params: SearchParams | null) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(params ?? {}),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<SearchPage>(`/search?${searchQueryString(params ?? {}, pageParam || undefined)}`, { signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: params !== null,
    staleTime: 30_000,
    // Mail moves on; a search is for now, not worth keeping once the user has left it.
    gcTime: 60_000,
  });
}
