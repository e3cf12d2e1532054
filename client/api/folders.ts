import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FolderResult } from '../../common/contract';
import { apiFetch, encodeMailbox } from './http';
import { mailboxKeys, messageKeys } from './keys';

/** Folder changes are not optimistic: the server may refuse a name, and the tree must be its. */
export function useCreateFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => apiFetch<FolderResult>('/mailboxes', { method: 'POST', json: { path } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mailboxKeys.all }),
  });
}

export function useRenameFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, newPath }: { path: string; newPath: string }) =>
      apiFetch<FolderResult>(`/mailboxes/${encodeMailbox(path)}/rename`, {
        method: 'POST',
        json: { newPath },
      }),
    onSettled: (_data, _err, { path }) => {
      queryClient.removeQueries({ queryKey: messageKeys.list(path) });
      return queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
    },
  });
}

export function useDeleteFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (path: string) =>
      apiFetch<FolderResult>(`/mailboxes/${encodeMailbox(path)}`, { method: 'DELETE' }),
    onSettled: (_data, _err, path) => {
      queryClient.removeQueries({ queryKey: messageKeys.list(path) });
      queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
      return queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
    },
  });
}
