import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClientCreate } from '../../common/contract';
import { consoleApiClientRoutes } from '../../common/routes/console-api-clients';
import { callApi } from './http';
import { consoleKeys } from './keys';

/** Đ14.2g: the API clients of the units the viewer sees. */
export function useApiClients() {
  return useQuery({
    queryKey: consoleKeys.area('api-clients', 'list'),
    queryFn: () => callApi(consoleApiClientRoutes.list, {}),
  });
}

function useRefreshApiClients() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: consoleKeys.area('api-clients') });
  };
}

/** The answer carries the token, shown once: the caller keeps it only while it is on screen. */
export function useCreateApiClient() {
  const refresh = useRefreshApiClients();
  return useMutation({
    mutationFn: (client: ApiClientCreate) => callApi(consoleApiClientRoutes.create, { body: client }),
    onSuccess: refresh,
  });
}

export function useRotateApiClient() {
  const refresh = useRefreshApiClients();
  return useMutation({
    mutationFn: (id: string) => callApi(consoleApiClientRoutes.rotate, { params: { id } }),
    onSuccess: refresh,
  });
}

export function useRevokeApiClient() {
  const refresh = useRefreshApiClients();
  return useMutation({
    mutationFn: (id: string) => callApi(consoleApiClientRoutes.revoke, { params: { id } }),
    onSuccess: refresh,
  });
}
