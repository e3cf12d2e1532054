import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, SessionInfo } from '../../common/contract';
import { sessionRoutes } from '../../common/routes/account';
import { ApiClientError, callApi, setCsrfToken } from './http';
import { configKeys, noticeKeys, sessionKeys } from './keys';

/** The signed-in user, or null when the cookie is missing or expired. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await callApi(sessionRoutes.get, {});
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

let resetUserState: () => void = () => {};
/** The app hands in the reset of its stores (what the user was doing): api/ knows none of them. */
export function setUserStateReset(reset: () => void) {
  resetUserState = reset;
}

/**
 * What belongs to the deployment, not to a user: the login page needs the public settings (the
 * mail domain of its placeholder, the support address of its help line) and planned outages
 * before anyone signs in, and would otherwise show them empty until a reload.
 */
const KEPT_ACROSS_USERS = new Set<unknown>([
  sessionKeys.current[0],
  configKeys.public[0],
  noticeKeys.current[0],
]);

/**
 * Shows the login page, then drops everything else the previous user saw: office PCs are shared,
 * and nothing of one civil servant's mail may appear to the next person at the desk.
 */
export function forgetUser(queryClient: QueryClient, next: SessionInfo | null = null) {
  setCsrfToken(next?.csrfToken ?? null);
  queryClient.setQueryData(sessionKeys.current, next);
  queryClient.removeQueries({ predicate: (q) => !KEPT_ACROSS_USERS.has(q.queryKey[0]) });
  resetUserState();
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
    mutationFn: (credentials: LoginRequest) => callApi(sessionRoutes.logIn, { body: credentials }),
    onSuccess: (session) => forgetUser(queryClient, session),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(sessionRoutes.logOut, {}),
    onSettled: () => forgetUser(queryClient),
  });
}
