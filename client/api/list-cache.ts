import type { QueryClient } from '@tanstack/react-query';
import type { MailboxList, MessagePage, MessageRow } from '../../common/contract';
import { mailboxKeys, messageKeys } from './keys';

/**
 * Optimistic edits of every cached page of a folder's list (all views), as TanStack Query's
 * "Optimistic Updates" guide does for one query: snapshot, change, and put the snapshot back if
 * the server refuses.
 */
export interface ListSnapshot {
  pages: [readonly unknown[], MessagePage | undefined][];
  mailboxes: MailboxList | undefined;
}

export async function snapshotLists(queryClient: QueryClient, mailboxes: string[]): Promise<ListSnapshot> {
  for (const mailbox of mailboxes) await queryClient.cancelQueries({ queryKey: messageKeys.list(mailbox) });
  await queryClient.cancelQueries({ queryKey: mailboxKeys.all });
  return {
    pages: mailboxes.flatMap((mailbox) =>
      queryClient.getQueriesData<MessagePage>({ queryKey: messageKeys.list(mailbox) }),
    ),
    mailboxes: queryClient.getQueryData<MailboxList>(mailboxKeys.all),
  };
}

export function restoreLists(queryClient: QueryClient, snapshot: ListSnapshot): void {
  for (const [key, data] of snapshot.pages) queryClient.setQueryData(key, data);
  queryClient.setQueryData(mailboxKeys.all, snapshot.mailboxes);
}

/** After the server answered: pages no screen shows may be misaligned now, so they go. */
export function settleLists(queryClient: QueryClient, mailboxes: string[]): void {
  for (const mailbox of mailboxes) {
    queryClient.removeQueries({ queryKey: messageKeys.list(mailbox), type: 'inactive' });
    queryClient.invalidateQueries({ queryKey: messageKeys.list(mailbox) });
  }
  queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
}

/** The UIDs a row stands for: its thread's in conversation view, else its own. */
export const rowUids = (row: MessageRow): number[] => row.thread?.uids ?? [row.uid];

/** Read in the list: a conversation counts as unread while any of its messages is. */
export const rowUnread = (row: MessageRow): boolean => (row.thread ? row.thread.unread > 0 : !row.flags.seen);

function mapPages(queryClient: QueryClient, mailbox: string, fn: (page: MessagePage) => MessagePage) {
  queryClient.setQueriesData<MessagePage>({ queryKey: messageKeys.list(mailbox) }, (page) =>
    page ? fn(page) : page,
  );
}

/** Sets \\Seen / \\Flagged on rows in every view; returns how the folder's unread count changes. */
export function patchFlags(
  queryClient: QueryClient,
  mailbox: string,
  uids: Set<number> | 'all',
  change: { seen?: boolean; flagged?: boolean },
): void {
  const hit = (row: MessageRow) => uids === 'all' || rowUids(row).some((u) => uids.has(u));
  let unreadDelta = 0;
  const counted = new Set<number>();
  mapPages(queryClient, mailbox, (page) => ({
    ...page,
    messages: page.messages.map((row) => {
      if (!hit(row)) return row;
      const next = { ...row, flags: { ...row.flags } };
      if (change.flagged !== undefined) next.flags.flagged = change.flagged;
      if (change.seen !== undefined) {
        if (!counted.has(row.uid) && row.flags.seen !== change.seen) {
          unreadDelta += change.seen ? -1 : 1;
          counted.add(row.uid);
        }
        next.flags.seen = change.seen;
        if (row.thread) next.thread = { ...row.thread, unread: change.seen ? 0 : row.thread.size };
      }
      return next;
    }),
  }));
  if (change.seen === undefined) return;
  queryClient.setQueryData<MailboxList>(mailboxKeys.all, (data) =>
    data
      ? {
          mailboxes: data.mailboxes.map((b) => {
            if (b.path !== mailbox) return b;
            if (uids === 'all') return { ...b, unread: change.seen ? 0 : b.total };
            return { ...b, unread: Math.max(0, Math.min(b.total, b.unread + unreadDelta)) };
          }),
        }
      : data,
  );
}

/** Takes rows out of every view of the folder (moved or deleted), and out of its counts. */
export function removeRows(queryClient: QueryClient, mailbox: string, uids: Set<number> | 'all'): void {
  const hit = (row: MessageRow) => uids === 'all' || rowUids(row).some((u) => uids.has(u));
  const cached = queryClient.getQueriesData<MessagePage>({ queryKey: messageKeys.list(mailbox) });
  // Each view's total shrinks by the rows it loses on all of its pages together.
  const lostByView = new Map<string, number>();
  for (const [key, page] of cached) {
    const lost = page?.messages.filter(hit).length ?? 0;
    lostByView.set(String(key[3]), (lostByView.get(String(key[3])) ?? 0) + lost);
  }
  let removed = 0;
  let removedUnread = 0;
  const counted = new Set<number>();
  for (const [key, page] of cached) {
    if (!page) continue;
    const kept = page.messages.filter((row) => {
      if (!hit(row)) return true;
      if (!counted.has(row.uid)) {
        counted.add(row.uid);
        removed += row.thread?.size ?? 1;
        removedUnread += row.thread ? row.thread.unread : row.flags.seen ? 0 : 1;
      }
      return false;
    });
    const total = uids === 'all' ? 0 : Math.max(0, page.total - (lostByView.get(String(key[3])) ?? 0));
    queryClient.setQueryData<MessagePage>(key, { ...page, messages: kept, total });
  }
  queryClient.setQueryData<MailboxList>(mailboxKeys.all, (data) =>
    data
      ? {
          mailboxes: data.mailboxes.map((b) =>
            b.path !== mailbox
              ? b
              : uids === 'all'
                ? { ...b, total: 0, unread: 0 }
                : {
                    ...b,
                    total: Math.max(0, b.total - removed),
                    unread: Math.max(0, b.unread - removedUnread),
                  },
          ),
        }
      : data,
  );
}
