import { useQuery } from '@tanstack/react-query';
import type { PublicConfig } from '../../common/contract';
import { apiFetch } from './http';
import { configKeys } from './keys';

export function usePublicConfig() {
  return useQuery({
    queryKey: configKeys.public,
    queryFn: () => apiFetch<PublicConfig>('/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
