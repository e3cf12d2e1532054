import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProblemReport,
  ProblemReportList,
  ProblemReportQuery,
  ProblemReportUpdate,
} from '../../common/contract';
import { apiFetch } from './http';
import { consoleKeys } from './keys';

export function useProblemReports(filter: ProblemReportQuery) {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.kind) params.set('kind', filter.kind);
  const query = params.toString();
  return useQuery({
    queryKey: consoleKeys.area('problems', 'list', filter.status ?? 'all', filter.kind ?? 'all'),
    queryFn: () => apiFetch<ProblemReportList>(`/console/problems${query ? `?${query}` : ''}`),
  });
}

export function useSetProblemStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: { id: number; update: ProblemReportUpdate }) =>
      apiFetch<ProblemReport>(`/console/problems/${id}/status`, { method: 'POST', json: update }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleKeys.area('problems') }),
  });
}
