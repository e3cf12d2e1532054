import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MaintenanceEarliest,
  MaintenanceNotice,
  MaintenanceNoticeList,
  NewMaintenanceNotice,
} from '../../common/contract';
import { apiFetch } from './http';
import { consoleKeys, noticeKeys } from './keys';

export function useMaintenanceNotices() {
  return useQuery({
    queryKey: consoleKeys.area('maintenance', 'list'),
    queryFn: () => apiFetch<MaintenanceNoticeList>('/console/maintenance'),
  });
}

/** The earliest start the proxy allows now (Đ8.1c, holidays from its configuration). */
export function useMaintenanceEarliest() {
  return useQuery({
    queryKey: consoleKeys.area('maintenance', 'earliest'),
    queryFn: () => apiFetch<MaintenanceEarliest>('/console/maintenance/earliest'),
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
    mutationFn: (notice: NewMaintenanceNotice) =>
      apiFetch<MaintenanceNotice>('/console/maintenance', { method: 'POST', json: notice }),
    onSuccess: refresh,
  });
}

export function useCancelMaintenanceNotice() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) =>
      apiFetch<MaintenanceNotice>(`/console/maintenance/${id}/cancel`, { method: 'POST', json: {} }),
    onSuccess: refresh,
  });
}
