import { useQuery } from '@tanstack/react-query';
import { quotaRoutes } from '../../common/routes/account';
import { callApi } from './http';
import { quotaKeys } from './keys';

export function useQuota() {
  return useQuery({
    queryKey: quotaKeys.current,
    queryFn: () => callApi(quotaRoutes.get, {}),
    staleTime: 5 * 60_000,
    refetchInterval: 10 * 60_000,
  });
}
