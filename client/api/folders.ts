import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mailboxRoutes } from '../../common/routes/mail';
import { callApi } from './http';
import { mailboxKeys, messageKeys } from './keys';

/** Folder changes are not optimistic: the server may refuse a name, and the tree must be its. */
export function useCreateFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => callApi(mailboxRoutes.create, { body: { path } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mailboxKeys.all }),
  });
}

export function useRenameFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, newPath }: { path: string; newPath: string }) =>
      callApi(mailboxRoutes.rename, { params: { mailbox: path }, body: { newPath } }),
    onSettled: (_data, _err, { path }) => {
      queryClient.removeQueries({ queryKey: messageKeys.list(path) });
      return queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
    },
  });
}

export function useDeleteFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => callApi(mailboxRoutes.remove, { params: { mailbox: path } }),
    onSettled: (_data, _err, path) => {
      queryClient.removeQueries({ queryKey: messageKeys.list(path) });
      queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
      return queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
    },
  });
}
