import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateAccountRequest, ProfileUpdate, ProposeRequest, Role } from '../../common/contract';
import type { RouteQuery } from '../../common/contract/route';
import { consoleAccountRoutes } from '../../common/routes/console-accounts';
import { callApi } from './http';
import { consoleKeys } from './keys';

const area = (...rest: unknown[]) => consoleKeys.area('accounts', ...rest);

/** The list's filters and page, as the proxy reads them. */
export type AccountListFilter = RouteQuery<typeof consoleAccountRoutes.list>;

export function useAccountList(filter: AccountListFilter) {
  return useQuery({
    queryKey: area('list', filter),
    queryFn: () => callApi(consoleAccountRoutes.list, { query: filter }),
    placeholderData: keepPreviousData,
  });
}

export function useAccountDetail(email: string | null) {
  return useQuery({
    queryKey: area('detail', email),
    queryFn: () => callApi(consoleAccountRoutes.detail, { params: { email: email as string } }),
    enabled: email !== null,
  });
}

/** Đ4's address for what the admin has typed so far (debounced by the caller). */
export function useAddressProposal(input: ProposeRequest | null) {
  return useQuery({
    queryKey: area('propose', input),
    queryFn: () => callApi(consoleAccountRoutes.propose, { query: input as ProposeRequest }),
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
    mutationFn: (body: CreateAccountRequest) => callApi(consoleAccountRoutes.create, { body }),
    onSuccess: refresh,
  });
}

export function useUpdateProfile(email: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ProfileUpdate) =>
      callApi(consoleAccountRoutes.updateProfile, { params: { email }, body }),
    onSuccess: refresh,
  });
}

export function useSetQuota(email: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (quotaBytes: number) =>
      callApi(consoleAccountRoutes.setQuota, { params: { email }, body: { quotaBytes } }),
    onSuccess: refresh,
  });
}

export function useSetRole(email: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (role: Role) => callApi(consoleAccountRoutes.setRole, { params: { email }, body: { role } }),
    onSuccess: refresh,
  });
}

export function useResetPassword(email: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => callApi(consoleAccountRoutes.resetPassword, { params: { email } }),
    onSuccess: refresh,
  });
}
