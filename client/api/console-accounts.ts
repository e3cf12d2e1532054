import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountDetail,
  AccountList,
  AccountListQuery,
  AddressProposal,
  CreateAccountRequest,
  CreatedAccount,
  ProfileUpdate,
  ProposeRequest,
  QuotaResult,
  Role,
  TemporaryPassword,
} from '../../common/contract';
import { apiFetch } from './http';
import { consoleKeys } from './keys';

const area = (...rest: unknown[]) => consoleKeys.area('accounts', ...rest);
const enc = encodeURIComponent;

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  return search.toString();
}

export function useAccountList(filter: AccountListQuery) {
  return useQuery({
    queryKey: area('list', filter),
    queryFn: () => apiFetch<AccountList>(`/console/accounts?${query(filter as Record<string, string>)}`),
    placeholderData: keepPreviousData,
  });
}

export function useAccountDetail(email: string | null) {
  return useQuery({
    queryKey: area('detail', email),
    queryFn: () => apiFetch<AccountDetail>(`/console/accounts/${enc(email as string)}`),
    enabled: email !== null,
  });
}

/** Điều 4's address for what the admin has typed so far (debounced by the caller). */
export function useAddressProposal(input: ProposeRequest | null) {
  return useQuery({
    queryKey: area('propose', input),
    queryFn: () =>
      apiFetch<AddressProposal>(`/console/accounts/propose?${query(input as Record<string, string>)}`),
    enabled: input !== null && input.unitCode !== '' && (input.fullName ?? '').trim() !== '',
    placeholderData: keepPreviousData,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: area() });
    // Counts per unit change with every new account.
    void queryClient.invalidateQueries({ queryKey: consoleKeys.area('units') });
  };
}

export function useCreateAccount() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateAccountRequest) =>
      apiFetch<CreatedAccount>('/console/accounts', { method: 'POST', json: body }),
    onSuccess: refresh,
  });
}

export function useUpdateProfile(email: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ProfileUpdate) =>
      apiFetch<AccountDetail>(`/console/accounts/${enc(email)}/profile`, { method: 'POST', json: body }),
    onSuccess: refresh,
  });
}

export function useSetQuota(email: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (quotaBytes: number) =>
      apiFetch<QuotaResult>(`/console/accounts/${enc(email)}/quota`, {
        method: 'POST',
        json: { quotaBytes },
      }),
    onSuccess: refresh,
  });
}

export function useSetRole(email: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (role: Role) =>
      apiFetch<AccountDetail>(`/console/accounts/${enc(email)}/role`, { method: 'POST', json: { role } }),
    onSuccess: refresh,
  });
}

export function useResetPassword(email: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () =>
      apiFetch<TemporaryPassword>(`/console/accounts/${enc(email)}/password-reset`, {
        method: 'POST',
        json: {},
      }),
    onSuccess: refresh,
  });
}
