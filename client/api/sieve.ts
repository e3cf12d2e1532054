import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SieveRules, SieveState } from '../../common/contract';
import { sieveRoutes } from '../../common/routes/sieve';
import { callApi } from './http';

export const sieveKeys = {
  current: ['sieve'] as const,
};

/** Out-of-office and filters as kept at the provider (the webmail's own Sieve script). */
export function useSieveState() {
  return useQuery({
    queryKey: sieveKeys.current,
    queryFn: () => callApi(sieveRoutes.get, {}),
    staleTime: 5 * 60_000,
    // The banner asks on every screen: a provider without ManageSieve is not worth hammering.
    retry: false,
  });
}

/** Saves the rules as a whole; the cache takes the server's answer (never a guess). */
export function useSaveSieveRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: SieveRules) => callApi(sieveRoutes.put, { body: rules }),
    onSuccess: (state: SieveState) => queryClient.setQueryData(sieveKeys.current, state),
  });
}
