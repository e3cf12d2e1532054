import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type RouteBody, routeUrl } from '../../common/contract/route';
import { consoleLifecycleRoutes as routes } from '../../common/routes/console-lifecycle';
import { callApi } from './http';
import { consoleKeys } from './keys';

/** The daily job's dry run: what it does today. */
export function useLifecycleToday() {
  return useQuery({
    queryKey: consoleKeys.area('lifecycle', 'today'),
    queryFn: () => callApi(routes.today, {}),
  });
}

export function useLifecycleUpcoming(days: number) {
  return useQuery({
    queryKey: consoleKeys.area('lifecycle', 'upcoming', days),
    queryFn: () => callApi(routes.upcoming, { query: { days } }),
  });
}

export function useLifecycleRuns() {
  return useQuery({
    queryKey: consoleKeys.area('lifecycle', 'runs'),
    queryFn: () => callApi(routes.runs, {}),
  });
}

export function useLifecycleAccount(email: string | null) {
  return useQuery({
    queryKey: consoleKeys.area('lifecycle', 'account', email),
    queryFn: () => callApi(routes.account, { params: { email: email as string } }),
    enabled: email !== null,
    retry: false,
  });
}

/** Every lifecycle change refreshes the whole area (today, upcoming, runs, the account). */
function useLifecycleMutation<TInput, TResult>(request: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: consoleKeys.area('lifecycle') }),
  });
}

export const useRunLifecycleJob = () =>
  useLifecycleMutation((dryRun: boolean) => callApi(routes.run, { body: { dryRun } }));

/** One account's action: its address, and what the action takes. */
type On<R extends (typeof routes)[keyof typeof routes]> = { email: string; body: RouteBody<R> };

export const useRecordDeparture = () =>
  useLifecycleMutation(({ email, body }: On<typeof routes.recordDeparture>) =>
    callApi(routes.recordDeparture, { params: { email }, body }),
  );
export const useCancelDeparture = () =>
  useLifecycleMutation(({ email }: { email: string }) =>
    callApi(routes.cancelDeparture, { params: { email } }),
  );
export const useSetExemption = () =>
  useLifecycleMutation(({ email, body }: On<typeof routes.setExemption>) =>
    callApi(routes.setExemption, { params: { email }, body }),
  );
export const useRemoveExemption = () =>
  useLifecycleMutation(({ email }: { email: string }) =>
    callApi(routes.removeExemption, { params: { email } }),
  );
export const useSuspendAccount = () =>
  useLifecycleMutation(({ email, body }: On<typeof routes.suspend>) =>
    callApi(routes.suspend, { params: { email }, body }),
  );
export const useRecordRestoreRequest = () =>
  useLifecycleMutation(({ email, body }: On<typeof routes.recordRestoreRequest>) =>
    callApi(routes.recordRestoreRequest, { params: { email }, body }),
  );
export const useVerifyRestore = () =>
  useLifecycleMutation(({ email, body }: On<typeof routes.restore>) =>
    callApi(routes.restore, { params: { email }, body }),
  );
export const useExportMailbox = () =>
  useLifecycleMutation(({ email }: { email: string }) =>
    callApi(routes.exportMailbox, { params: { email } }),
  );
export const useRevokeAccount = () =>
  useLifecycleMutation(({ email, body }: On<typeof routes.revoke>) =>
    callApi(routes.revoke, { params: { email }, body }),
  );

/** A plain link: the browser downloads with the session cookie. */
export const exportDownloadUrl = (email: string) => routeUrl(routes.downloadExport, { email });
