import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MigrationStatus, OldLogin } from '../../common/contract/migration';
import { migrationRoutes } from '../../common/routes/migration';
import { callApi } from './http';

export const migrationKeys = {
  current: ['migration', 'current'] as const,
};

/** The latest migration, polled every 2 s while it runs (the progress bar), not at all after. */
export function useCurrentMigration(enabled = true) {
  return useQuery({
    queryKey: migrationKeys.current,
    queryFn: () => callApi(migrationRoutes.current, {}),
    enabled,
    refetchInterval: (query) => {
      const state = query.state.data?.migration?.state;
      return state === 'queued' || state === 'running' ? 2_000 : false;
    },
  });
}

export const useCheckOldServer = () =>
  useMutation({ mutationFn: (body: OldLogin) => callApi(migrationRoutes.check, { body }) });

export function useStartMigration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OldLogin) => callApi(migrationRoutes.start, { body }),
    onSuccess: (migration: MigrationStatus) => queryClient.setQueryData(migrationKeys.current, { migration }),
  });
}
