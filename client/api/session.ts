import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, SessionInfo } from '../../proxy/contract';
import { ApiClientError, apiFetch, setCsrfToken } from './http';
import { sessionKeys } from './keys';

/** The signed-in user, or null when the cookie is missing or expired. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await apiFetch<SessionInfo>('/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (err instanceof ApiClientError && err.code === 'not_authenticated') {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionKeys.current,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      apiFetch<SessionInfo>('/session', { method: 'POST', json: credentials }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKeys.current, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/session', { method: 'DELETE' }),
    onSettled: () => {
      setCsrfToken(null);
      // First show the login page (its observers live on), then drop everything else: nothing of
      // the previous user's mail may stay in memory for the next person at this desk.
      queryClient.setQueryData(sessionKeys.current, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.current[0] });
    },
  });
}
