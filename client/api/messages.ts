import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { messageRoutes } from '../../common/routes/mail';
import { callApi } from './http';
import { messageKeys } from './keys';
import { patchFlags, restoreLists, settleLists, snapshotLists } from './list-cache';

export { PAGE_SIZE, useListWindow } from './message-pages';

export function useMessage(mailbox: string, uid: number | null) {
  return useQuery({
    queryKey: messageKeys.detail(mailbox, uid ?? 0),
    queryFn: () => callApi(messageRoutes.get, { params: { mailbox, uid: uid ?? 0 } }),
    enabled: uid !== null,
    staleTime: 5 * 60_000,
  });
}

type SeenChange = { mailbox: string; uids: number[]; seen: boolean };

/**
 * Marks messages read/unread at once in the list and folder counts (the reader marks what it
 * opens), and puts everything back if the server refuses.
 */
export function useSetSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mailbox, uids, seen }: SeenChange) =>
      callApi(messageRoutes.setFlags, {
        params: { mailbox },
        body: { uids, add: seen ? ['seen'] : [], remove: seen ? [] : ['seen'] },
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
