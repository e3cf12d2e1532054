import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessageDetail } from '../../common/contract';
import { apiFetch, encodeMailbox } from './http';
import { messageKeys } from './keys';
import { patchFlags, restoreLists, settleLists, snapshotLists } from './list-cache';

export { PAGE_SIZE, useListWindow } from './message-pages';

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
 * Marks messages read/unread at once in the list and folder counts (the reader marks what it
 * opens), and puts everything back if the server refuses.
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
      const snapshot = await snapshotLists(queryClient, [mailbox]);
      patchFlags(queryClient, mailbox, new Set(uids), { seen });
      return snapshot;
    },
    onError: (_err, _vars, snapshot) => {
      if (snapshot) restoreLists(queryClient, snapshot);
    },
    onSettled: (_data, _err, { mailbox }) => settleLists(queryClient, [mailbox]),
  });
}
