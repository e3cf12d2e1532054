import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewUnitRequestInput, UnitRequestView } from '../../common/contract';
import { consoleRequestRoutes } from '../../common/routes/console-requests';
import { callApi } from './http';
import { consoleKeys } from './keys';

export interface RequestFilter {
  status?: 'open' | 'done' | 'rejected';
  unit?: string;
}

export function useUnitRequests(filter: RequestFilter) {
  return useQuery({
    queryKey: consoleKeys.area('requests', filter),
    queryFn: () =>
      callApi(consoleRequestRoutes.list, { query: { status: filter.status, unit: filter.unit } }),
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
  useRequestMutation((input: NewUnitRequestInput) => callApi(consoleRequestRoutes.record, { body: input }));

export const useCompleteUnitRequest = () =>
  useRequestMutation(({ id, outcome }: { id: number; outcome: string }) =>
    callApi(consoleRequestRoutes.complete, { params: { id }, body: { outcome } }),
  );

export const useRejectUnitRequest = () =>
  useRequestMutation(({ id, reason }: { id: number; reason: string }) =>
    callApi(consoleRequestRoutes.reject, { params: { id }, body: { reason } }),
  );
