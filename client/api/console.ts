import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsoleMe, RecoveryCodes, SecondFactorEnrolment } from '../../common/contract';
import { apiFetch } from './http';
import { consoleKeys } from './keys';

/** Who is at the console, and whether this session has passed the second factor. */
export function useConsoleMe() {
  return useQuery({
    queryKey: consoleKeys.me,
    queryFn: () => apiFetch<ConsoleMe>('/console/me'),
    staleTime: 60_000,
  });
}

export function useEnrolSecondFactor() {
  return useMutation({
    mutationFn: () =>
      apiFetch<SecondFactorEnrolment>('/console/second-factor/enrol', { method: 'POST', json: {} }),
  });
}

export function useConfirmSecondFactor() {
  return useMutation({
    mutationFn: (code: string) =>
      apiFetch<RecoveryCodes>('/console/second-factor/confirm', { method: 'POST', json: { code } }),
  });
}

export function useVerifySecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiFetch<void>('/console/second-factor/verify', { method: 'POST', json: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleKeys.all }),
  });
}
