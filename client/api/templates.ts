import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessageTemplate, TemplateInput, TemplateList } from '../../common/contract/templates';
import { templateRoutes } from '../../common/routes/templates';
import { callApi } from './http';

export const templateKeys = {
  all: ['templates'] as const,
};

export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: templateKeys.all,
    queryFn: () => callApi(templateRoutes.list, {}),
    staleTime: 5 * 60_000,
    enabled,
  });
}

function useTemplateChange<V, R>(run: (value: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

export const useSaveTemplate = () =>
  useTemplateChange((body: TemplateInput) => callApi(templateRoutes.create, { body }));

export const useRenameTemplate = () =>
  useTemplateChange(({ id, name }: { id: string; name: string }) =>
    callApi(templateRoutes.rename, { params: { id }, body: { name } }),
  );

export const useDeleteTemplate = () =>
  useTemplateChange((id: string) => callApi(templateRoutes.remove, { params: { id } }));

export type { MessageTemplate, TemplateList };
