import { notifyManager, useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { MessagePage, MessageRow } from '../../common/contract';
import type { RouteQuery } from '../../common/contract/route';
import { messageRoutes } from '../../common/routes/mail';
import { callApi } from './http';
import { messageKeys } from './keys';

export const PAGE_SIZE = 50;

/** How a folder is shown, as the list's query names it (`threads` is a yes/no flag). */
export type ListViewParams = Required<
  Pick<RouteQuery<typeof messageRoutes.list>, 'sort' | 'order' | 'filter' | 'threads'>
>;

export const DEFAULT_VIEW: ListViewParams = { sort: 'arrival', order: 'desc', filter: 'all', threads: false };

export const viewKeyOf = (v: ListViewParams) => `${v.sort}.${v.order}.${v.filter}.${v.threads ? 1 : 0}`;

export function fetchListPage(mailbox: string, view: ListViewParams, index: number): Promise<MessagePage> {
  return callApi(messageRoutes.list, {
    params: { mailbox },
    query: { ...view, offset: index * PAGE_SIZE, limit: PAGE_SIZE },
  });
}

const pageQuery = (mailbox: string, view: ListViewParams, index: number) => ({
  queryKey: messageKeys.page(mailbox, viewKeyOf(view), index),
  queryFn: () => fetchListPage(mailbox, view, index),
  staleTime: 15_000,
  refetchInterval: 60_000,
});

interface Layout {
  /** Rows in the view (the newest page's count, less optimistic removals). */
  total: number | null;
  /** Where each page starts: loaded pages count their rows, the others a full page. */
  starts: number[];
  pages: Map<number, MessagePage>;
  newestVersion: string | null;
}

/**
 * A window onto a folder view of any size: pages of PAGE_SIZE rows fetched by position as they
 * come into view (and one ahead), held in the query cache. The layout reads every cached page of
 * the view (not only the visible ones) so rows stay where they are as the user scrolls back.
 */
export function useListWindow(
  mailbox: string,
  view: ListViewParams,
  wanted: { from: number; to: number },
  enabled = true,
) {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const viewKey = viewKeyOf(view);
  const prefix = useMemo(() => [...messageKeys.list(mailbox), viewKey], [mailbox, viewKey]);
  const version = useRef(0);
  const memo = useRef<{ version: number; prefix: unknown[]; layout: Layout } | null>(null);

  const subscribe = useCallback(
    (notify: () => void) =>
      cache.subscribe((event) => {
        if (event.type !== 'added' && event.type !== 'removed' && event.type !== 'updated') return;
        const key = event.query.queryKey;
        if (key.length === prefix.length + 1 && prefix.every((p, i) => key[i] === p)) {
          version.current++;
          // Through TanStack's scheduler, like its own observers: a synchronous re-render in the
          // middle of removeQueries (log-out) would rebuild the queries being removed.
          notifyManager.schedule(notify);
        }
      }),
    [cache, prefix],
  );
  const getLayout = useCallback((): Layout => {
    const m = memo.current;
    if (m && m.version === version.current && m.prefix === prefix) return m.layout;
    const pages = new Map<number, MessagePage>();
    let newest: { at: number; total: number; version: string } | null = null;
    for (const query of cache.findAll({ queryKey: prefix })) {
      const data = query.state.data as MessagePage | undefined;
      const index = query.queryKey[prefix.length];
      if (!data || typeof index !== 'number') continue;
      pages.set(index, data);
      if (!newest || query.state.dataUpdatedAt >= newest.at) {
        newest = { at: query.state.dataUpdatedAt, total: data.total, version: data.version };
      }
    }
    const total = newest?.total ?? null;
    const starts: number[] = [];
    let at = 0;
    for (let i = 0; total !== null && at < total && i < 1_000_000; i++) {
      starts.push(at);
      at += pages.get(i)?.messages.length || PAGE_SIZE;
    }
    const layout = { total, starts, pages, newestVersion: newest?.version ?? null };
    memo.current = { version: version.current, prefix, layout };
    return layout;
  }, [cache, prefix]);

  const layout = useSyncExternalStore(subscribe, getLayout, getLayout);

  const pageOf = useCallback(
    (index: number): number => {
      const { starts } = layout;
      if (starts.length === 0) return Math.floor(index / PAGE_SIZE);
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= index) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
    [layout],
  );

  /** Every row loaded so far, in list order, with its position. */
  const loaded = useMemo(() => {
    const out: { row: MessageRow; index: number }[] = [];
    for (const p of [...layout.pages.keys()].sort((a, b) => a - b)) {
      const start = layout.starts[p];
      if (start === undefined) continue;
      for (const [i, row] of layout.pages.get(p)!.messages.entries()) out.push({ row, index: start + i });
    }
    return out;
  }, [layout]);

  const rowAt = useCallback(
    (index: number): MessageRow | undefined => {
      const p = pageOf(index);
      return layout.pages.get(p)?.messages[index - (layout.starts[p] ?? p * PAGE_SIZE)];
    },
    [layout, pageOf],
  );

  // The pages under the visible rows, and the next one so that scrolling on finds it ready.
  const needed = useMemo(() => {
    if (layout.total === null) return [0];
    const lastPage = Math.max(0, layout.starts.length - 1);
    const first = Math.min(pageOf(Math.max(0, wanted.from)), lastPage);
    const last = Math.min(pageOf(Math.max(0, wanted.to)) + 1, lastPage);
    const out: number[] = [];
    for (let p = first; p <= last; p++) out.push(p);
    return out;
  }, [layout, pageOf, wanted.from, wanted.to]);

  // The folder changed between two pages (new mail, another client's delete): rows may overlap
  // or be missed at page borders, so pages of an older state are dropped or fetched again.
  useEffect(() => {
    const current = layout.newestVersion;
    if (!current) return;
    for (const query of cache.findAll({ queryKey: prefix })) {
      const data = query.state.data as MessagePage | undefined;
      if (!data || data.version === current) continue;
      if (query.getObserversCount() === 0) cache.remove(query);
      else void query.fetch();
    }
  }, [cache, prefix, layout]);

  const results = useQueries({ queries: needed.map((p) => ({ ...pageQuery(mailbox, view, p), enabled })) });
  const firstError = results.find((r) => r.isError && !r.data)?.error ?? null;
  return {
    total: layout.total,
    rowAt,
    loaded,
    indexOf: (uid: number) => loaded.find((l) => l.row.uid === uid)?.index ?? -1,
    pending: (layout.total === null || !enabled) && !firstError,
    error: firstError,
    refetch: () => Promise.all(results.map((r) => r.refetch())),
  };
}
