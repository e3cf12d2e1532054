import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordChangeRequest } from '../../common/contract';
import { passwordRoutes } from '../../common/routes/account';
import { callApi } from './http';
import { sessionKeys } from './keys';

/** Changes the password; afterwards the session tells again whether a change is still required. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChangeRequest) => callApi(passwordRoutes.change, { body: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.current }),
  });
}
