import { useQuery } from '@tanstack/react-query';
import type { QuotaInfo } from '../../common/contract';
import { apiFetch } from './http';
import { quotaKeys } from './keys';

export function useQuota() {
  return useQuery({
    queryKey: quotaKeys.current,
    queryFn: () => apiFetch<QuotaInfo>('/quota'),
    staleTime: 5 * 60_000,
    refetchInterval: 10 * 60_000,
  });
}
