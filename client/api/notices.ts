import { useQuery } from '@tanstack/react-query';
import { noticeRoutes } from '../../common/routes/site';
import { callApi } from './http';
import { noticeKeys } from './keys';

/** Planned outages announced to users (Đ8.1c): no session needed; asked again every few minutes. */
export function useNotices() {
  return useQuery({
    queryKey: noticeKeys.current,
    queryFn: () => callApi(noticeRoutes.list, {}),
    refetchInterval: 5 * 60_000,
    staleTime: 60_000,
  });
}
