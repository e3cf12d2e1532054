import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewMaintenanceNotice } from '../../common/contract';
import { consoleMaintenanceRoutes } from '../../common/routes/console-maintenance';
import { callApi } from './http';
import { consoleKeys, noticeKeys } from './keys';

export function useMaintenanceNotices() {
  return useQuery({
    queryKey: consoleKeys.area('maintenance', 'list'),
    queryFn: () => callApi(consoleMaintenanceRoutes.list, {}),
  });
}

/** The earliest start the proxy allows now (Đ8.1c, holidays from its configuration). */
export function useMaintenanceEarliest() {
  return useQuery({
    queryKey: consoleKeys.area('maintenance', 'earliest'),
    queryFn: () => callApi(consoleMaintenanceRoutes.earliest, {}),
    refetchInterval: 10 * 60_000,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: consoleKeys.area('maintenance') });
    void queryClient.invalidateQueries({ queryKey: noticeKeys.current });
  };
}

export function useCreateMaintenanceNotice() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (notice: NewMaintenanceNotice) => callApi(consoleMaintenanceRoutes.create, { body: notice }),
    onSuccess: refresh,
  });
}

export function useCancelMaintenanceNotice() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => callApi(consoleMaintenanceRoutes.cancel, { params: { id } }),
    onSuccess: refresh,
  });
}
