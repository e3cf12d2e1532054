import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consoleAuthRoutes } from '../../common/routes/console-auth';
import { callApi } from './http';
import { consoleKeys } from './keys';

/** Who is at the console, and whether this session has passed the second factor. */
export function useConsoleMe() {
  return useQuery({
    queryKey: consoleKeys.me,
    queryFn: () => callApi(consoleAuthRoutes.me, {}),
    staleTime: 60_000,
  });
}

export function useEnrolSecondFactor() {
  return useMutation({
    mutationFn: () => callApi(consoleAuthRoutes.enrolSecondFactor, {}),
  });
}

export function useConfirmSecondFactor() {
  return useMutation({
    mutationFn: (code: string) => callApi(consoleAuthRoutes.confirmSecondFactor, { body: { code } }),
  });
}

export function useVerifySecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => callApi(consoleAuthRoutes.verifySecondFactor, { body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleKeys.all }),
  });
}
