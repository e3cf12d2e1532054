import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitCreate, UnitUpdate } from '../../common/contract';
import { consoleUnitRoutes } from '../../common/routes/console-units';
import { callApi } from './http';
import { consoleKeys } from './keys';

/** Đ4.1: the unit tree (a unit manager gets their own subtree). */
export function useUnitTree() {
  return useQuery({
    queryKey: consoleKeys.area('units', 'tree'),
    queryFn: () => callApi(consoleUnitRoutes.tree, {}),
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
    mutationFn: (unit: UnitCreate) => callApi(consoleUnitRoutes.create, { body: unit }),
    onSuccess: refresh,
  });
}

export function useUpdateUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: ({ code, ...unit }: UnitUpdate & { code: string }) =>
      callApi(consoleUnitRoutes.update, { params: { code }, body: unit }),
    onSuccess: refresh,
  });
}

export function useDeleteUnit() {
  const refresh = useRefreshUnits();
  return useMutation({
    mutationFn: (code: string) => callApi(consoleUnitRoutes.remove, { params: { code } }),
    onSuccess: refresh,
  });
}
