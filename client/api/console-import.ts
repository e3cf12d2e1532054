import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportCreateRequest, ImportCreateResponse, ImportPreview } from '../../proxy/contract';
import { apiFetch } from './http';
import { consoleKeys } from './keys';

/** The units to choose the list's default unit from (the units area's tree, code and name only). */
export function useImportUnits() {
  return useQuery({
    queryKey: consoleKeys.area('import', 'units'),
    queryFn: () => apiFetch<{ units: { code: string; name: string; depth: number }[] }>('/console/units'),
    staleTime: 60_000,
  });
}

/** Uploads the list and gets the preview: nothing is created. */
export function useImportPreview() {
  return useMutation({
    mutationFn: ({ file, defaultUnit }: { file: File; defaultUnit: string }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      const query = defaultUnit ? `?defaultUnit=${encodeURIComponent(defaultUnit)}` : '';
      return apiFetch<ImportPreview>(`/console/import/preview${query}`, { method: 'POST', body });
    },
  });
}

/** Creates the kept rows; the answer carries the temporary passwords, shown once. */
export function useImportCreate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportCreateRequest) =>
      apiFetch<ImportCreateResponse>('/console/import/create', { method: 'POST', json: request }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleKeys.area('accounts') }),
  });
}
