import { useQuery } from '@tanstack/react-query';
import { publicConfigRoutes } from '../../common/routes/site';
import { callApi } from './http';
import { configKeys } from './keys';

export function usePublicConfig() {
  return useQuery({
    queryKey: configKeys.public,
    queryFn: () => callApi(publicConfigRoutes.get, {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
