import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserSettings } from '../../common/contract';
import { settingsRoutes } from '../../common/routes/account';
import { callApi } from './http';
import { settingsKeys } from './keys';

export function useSettings() {
  return useQuery({
    queryKey: settingsKeys.current,
    queryFn: () => callApi(settingsRoutes.get, {}),
    staleTime: 5 * 60_000,
  });
}

/** Saves only the fields given; the screen follows at once and goes back if the save fails. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UserSettings) => callApi(settingsRoutes.update, { body: change }),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: settingsKeys.current });
      const previous = queryClient.getQueryData<UserSettings>(settingsKeys.current);
      queryClient.setQueryData<UserSettings>(settingsKeys.current, { ...previous, ...change });
      return { previous };
    },
    onError: (_err, _change, context) => queryClient.setQueryData(settingsKeys.current, context?.previous),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.current, saved),
  });
}
