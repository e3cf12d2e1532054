import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewUnitRequestInput, UnitRequestList, UnitRequestView } from '../../common/contract';
import { apiFetch } from './http';
import { consoleKeys } from './keys';

export interface RequestFilter {
  status?: 'open' | 'done' | 'rejected';
  unit?: string;
}

export function useUnitRequests(filter: RequestFilter) {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.unit) params.set('unit', filter.unit);
  return useQuery({
    queryKey: consoleKeys.area('requests', filter),
    queryFn: () => apiFetch<UnitRequestList>(`/console/requests?${params}`),
  });
}

function useRequestMutation<TInput>(request: (input: TInput) => Promise<UnitRequestView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: consoleKeys.area('requests') }),
  });
}

export const useRecordUnitRequest = () =>
  useRequestMutation((input: NewUnitRequestInput) =>
    apiFetch<UnitRequestView>('/console/requests', { method: 'POST', json: input }),
  );

export const useCompleteUnitRequest = () =>
  useRequestMutation(({ id, outcome }: { id: number; outcome: string }) =>
    apiFetch<UnitRequestView>(`/console/requests/${id}/complete`, { method: 'POST', json: { outcome } }),
  );

export const useRejectUnitRequest = () =>
  useRequestMutation(({ id, reason }: { id: number; reason: string }) =>
    apiFetch<UnitRequestView>(`/console/requests/${id}/reject`, { method: 'POST', json: { reason } }),
  );
