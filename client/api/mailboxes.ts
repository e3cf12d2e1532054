import { useQuery } from '@tanstack/react-query';
import type { MailboxList } from '../../common/contract';
import { apiFetch } from './http';
import { mailboxKeys } from './keys';

export function useMailboxes() {
  return useQuery({
    queryKey: mailboxKeys.all,
    queryFn: () => apiFetch<MailboxList>('/mailboxes'),
    select: (data) => data.mailboxes,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}
