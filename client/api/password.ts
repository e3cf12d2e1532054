import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordChangeRequest } from '../../common/contract';
import { apiFetch } from './http';
import { sessionKeys } from './keys';

/** POST /api/password; afterwards the session tells again whether a change is still required. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChangeRequest) =>
      apiFetch<void>('/password', { method: 'POST', json: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.current }),
  });
}
