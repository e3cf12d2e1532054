import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProblemReportQuery, ProblemReportUpdate } from '../../common/contract';
import { consoleProblemRoutes } from '../../common/routes/console-problems';
import { callApi } from './http';
import { consoleKeys } from './keys';

export function useProblemReports(filter: ProblemReportQuery) {
  return useQuery({
    queryKey: consoleKeys.area('problems', 'list', filter.status ?? 'all', filter.kind ?? 'all'),
    queryFn: () =>
      callApi(consoleProblemRoutes.list, { query: { status: filter.status, kind: filter.kind } }),
  });
}

export function useSetProblemStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: { id: number; update: ProblemReportUpdate }) =>
      callApi(consoleProblemRoutes.setStatus, { params: { id }, body: update }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleKeys.area('problems') }),
  });
}
