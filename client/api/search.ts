import { useInfiniteQuery } from '@tanstack/react-query';
import type { RouteQuery } from '../../common/contract/route';
import { searchRoutes } from '../../common/routes/mail';
import { callApi } from './http';

/** What the user searched for (the search's query less its paging); absent fields are not sent. Dates are YYYY-MM-DD. */
export type SearchParams = Omit<RouteQuery<typeof searchRoutes.search>, 'cursor' | 'limit'>;

// Beside the hook rather than in keys.ts: nothing else reads or invalidates search results.
export const searchKeys = {
  all: ['search'] as const,
  results: (params: SearchParams) => [...searchKeys.all, params] as const,
};

const PAGE_SIZE = 30;

/**
 * Pages of hits, newest first. The proxy answers within a time budget, so a page may be short or
 * empty while `nextCursor` says there is more to look through.
 */
export function useSearch(params: SearchParams | null) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(params ?? {}),
    queryFn: ({ pageParam, signal }) =>
      callApi(
        searchRoutes.search,
        { query: { ...params, limit: PAGE_SIZE, cursor: pageParam || undefined } },
        { signal },
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: params !== null,
    staleTime: 30_000,
    // Mail moves on; a search is for now, not worth keeping once the user has left it.
    gcTime: 60_000,
  });
}
