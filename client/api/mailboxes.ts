import { useQuery } from '@tanstack/react-query';
import { mailboxRoutes } from '../../common/routes/mail';
import { callApi } from './http';
import { mailboxKeys } from './keys';

export function useMailboxes() {
  return useQuery({
    queryKey: mailboxKeys.all,
    queryFn: () => callApi(mailboxRoutes.list, {}),
    select: (data) => data.mailboxes,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}
