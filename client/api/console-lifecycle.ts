import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LifecycleAccountStatus,
  LifecycleRun,
  LifecycleRuns,
  LifecycleToday,
  LifecycleUpcoming,
  MailboxExportResult,
  RestoreResult,
} from '../../common/contract';
import { apiFetch } from './http';
import { consoleKeys } from './keys';

const base = '/console/lifecycle';
const accountPath = (email: string) => `${base}/accounts/${encodeURIComponent(email)}`;

/** The daily job's dry run: what it does today. */
export function useLifecycleToday() {
  return useQuery({
    queryKey: consoleKeys.area('lifecycle', 'today'),
    queryFn: () => apiFetch<LifecycleToday>(`${base}/today`),
  });
}

export function useLifecycleUpcoming(days: number) {
  return useQuery({
    queryKey: consoleKeys.area('lifecycle', 'upcoming', days),
    queryFn: () => apiFetch<LifecycleUpcoming>(`${base}/upcoming?days=${days}`),
  });
}

export function useLifecycleRuns() {
  return useQuery({
    queryKey: consoleKeys.area('lifecycle', 'runs'),
    queryFn: () => apiFetch<LifecycleRuns>(`${base}/runs`),
  });
}

export function useLifecycleAccount(email: string | null) {
  return useQuery({
    queryKey: consoleKeys.area('lifecycle', 'account', email),
    queryFn: () => apiFetch<LifecycleAccountStatus>(accountPath(email as string)),
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
  useLifecycleMutation((dryRun: boolean) =>
    apiFetch<LifecycleRun>(`${base}/run`, { method: 'POST', json: { dryRun } }),
  );

type Post = { email: string; body?: unknown };
const post =
  <T>(suffix: string, method: 'POST' | 'DELETE' = 'POST') =>
  ({ email, body }: Post) =>
    apiFetch<T>(`${accountPath(email)}/${suffix}`, {
      method,
      json: method === 'POST' ? (body ?? {}) : undefined,
    });

export const useRecordDeparture = () => useLifecycleMutation(post<{ ok: true }>('departure'));
export const useCancelDeparture = () => useLifecycleMutation(post<{ ok: true }>('departure', 'DELETE'));
export const useSetExemption = () => useLifecycleMutation(post<{ ok: true }>('exemption'));
export const useRemoveExemption = () => useLifecycleMutation(post<{ ok: true }>('exemption', 'DELETE'));
export const useSuspendAccount = () => useLifecycleMutation(post<{ ok: true }>('suspend'));
export const useRecordRestoreRequest = () =>
  useLifecycleMutation(post<{ deadlineOn: string }>('restore-request'));
export const useVerifyRestore = () => useLifecycleMutation(post<RestoreResult>('restore'));
export const useExportMailbox = () => useLifecycleMutation(post<MailboxExportResult>('export'));
export const useRevokeAccount = () =>
  useLifecycleMutation(post<{ export: MailboxExportResult | null }>('revoke'));

/** A plain link: the browser downloads with the session cookie. */
export const exportDownloadUrl = (email: string) => `/api${accountPath(email)}/export`;
