import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitCreate, UnitNode, UnitTree, UnitUpdate } from '../../common/contract';
import { apiFetch } from './http';
import { consoleKeys } from './keys';

/** the unit tree (a unit manager gets their own subtree). */
export function useUnitTree() {
  return useQuery({
    queryKey: consoleKeys.area('units', 'tree'),
    queryFn: () => apiFetch<UnitTree>('/console/units'),
    staleTime: 60_000,
  });
}

function useRefreshUnits() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: consoleKeys.area('units') });
  };
}

export function useCreateUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (unit: UnitCreate) => apiFetch<UnitNode>('/console/units', { method: 'POST', json: unit }),
    onSuccess: refresh,
  });
}

export function useUpdateUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: ({ code, ...unit }: UnitUpdate & { code: string }) =>
      apiFetch<UnitNode>(`/console/units/${encodeURIComponent(code)}`, { method: 'POST', json: unit }),
    onSuccess: refresh,
  });
}

export function useDeleteUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (code: string) =>
      apiFetch<void>(`/console/units/${encodeURIComponent(code)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
