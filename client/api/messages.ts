import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { MailboxList, MessageDetail, MessagePage } from '../../proxy/contract';
import { apiFetch, encodeMailbox } from './http';
import { mailboxKeys, messageKeys } from './keys';

const PAGE_SIZE = 50;

export function useMessagePages(mailbox: string) {
  return useInfiniteQuery({
    queryKey: messageKeys.list(mailbox),
    queryFn: ({ pageParam }) =>
      apiFetch<MessagePage>(
        `/mailboxes/${encodeMailbox(mailbox)}/messages?limit=${PAGE_SIZE}${pageParam ? `&cursor=${pageParam}` : ''}`,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 15_000,
    refetchInterval: 60_000,
  });
}

export function useMessage(mailbox: string, uid: number | null) {
  return useQuery({
    queryKey: messageKeys.detail(mailbox, uid ?? 0),
    queryFn: () => apiFetch<MessageDetail>(`/mailboxes/${encodeMailbox(mailbox)}/messages/${uid}`),
    enabled: uid !== null,
    staleTime: 5 * 60_000,
  });
}

export const attachmentUrl = (mailbox: string, uid: number, part: string, inline = false) =>
  `/api/mailboxes/${encodeMailbox(mailbox)}/messages/${uid}/attachments/${part}${inline ? '?inline=1' : ''}`;

export const rawMessageUrl = (mailbox: string, uid: number) =>
  `/api/mailboxes/${encodeMailbox(mailbox)}/messages/${uid}/raw`;

type SeenChange = { mailbox: string; uids: number[]; seen: boolean };

/**
 * Marks messages read/unread at once in the list and folder counts (optimistic, as TanStack's
 * "Optimistic Updates" guide does it), and puts everything back if the server refuses.
 */
export function useSetSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mailbox, uids, seen }: SeenChange) =>
      apiFetch<void>(`/mailboxes/${encodeMailbox(mailbox)}/messages/flags`, {
        method: 'POST',
        json: { uids, add: seen ? ['seen'] : [], remove: seen ? [] : ['seen'] },
      }),
    onMutate: async ({ mailbox, uids, seen }) => {
      const listKey = messageKeys.list(mailbox);
      await queryClient.cancelQueries({ queryKey: listKey });
      await queryClient.cancelQueries({ queryKey: mailboxKeys.all });
      const previousList = queryClient.getQueryData<InfiniteData<MessagePage>>(listKey);
      const previousBoxes = queryClient.getQueryData<MailboxList>(mailboxKeys.all);
      const targets = new Set(uids);
      let delta = 0;
      queryClient.setQueryData<InfiniteData<MessagePage>>(listKey, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                messages: page.messages.map((m) => {
                  if (!targets.has(m.uid) || m.flags.seen === seen) return m;
                  delta += seen ? -1 : 1;
                  return { ...m, flags: { ...m.flags, seen } };
                }),
              })),
            }
          : data,
      );
      queryClient.setQueryData<MailboxList>(mailboxKeys.all, (data) =>
        data
          ? {
              mailboxes: data.mailboxes.map((b) =>
                b.path === mailbox ? { ...b, unread: Math.max(0, b.unread + delta) } : b,
              ),
            }
          : data,
      );
      return { previousList, previousBoxes, listKey };
    },
    onError: (_err, _vars, context) => {
      if (!context) return;
      queryClient.setQueryData(context.listKey, context.previousList);
      queryClient.setQueryData(mailboxKeys.all, context.previousBoxes);
    },
    onSettled: (_data, _err, { mailbox }) => {
      queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
      queryClient.invalidateQueries({ queryKey: messageKeys.list(mailbox) });
    },
  });
}
