import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportCreateRequest, ImportCreateResponse } from '../../common/contract';
import { fillPath, queryString, type RouteResult } from '../../common/contract/route';
import { consoleImportRoutes } from '../../common/routes/console-import';
import { consoleUnitRoutes } from '../../common/routes/console-units';
import { apiFetch, callApi } from './http';
import { consoleKeys } from './keys';

/** The units to choose the list's default unit from (the units area's tree, code and name only). */
export function useImportUnits() {
  return useQuery({
    queryKey: consoleKeys.area('import', 'units'),
    queryFn: () => callApi(consoleUnitRoutes.tree, {}),
    staleTime: 60_000,
  });
}

/** Uploads the list and gets the preview: nothing is created. */
export function useImportPreview() {
  return useMutation({
    mutationFn: ({ file, defaultUnit }: { file: File; defaultUnit: string }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      // The list goes as multipart/form-data, which callApi (JSON bodies) does not send.
      const spec = consoleImportRoutes.preview;
      const path = `${fillPath(spec.path, undefined)}${queryString({ defaultUnit })}`;
      return apiFetch<RouteResult<typeof spec>>(path, { method: spec.method, body });
    },
  });
}

/** A row the client sent whose answer never came: it may or may not have been created. */
export type ImportRowResult = ImportCreateResponse['results'][number] & { unconfirmed?: boolean };
export type ImportOutcome = { created: number; failed: number; results: ImportRowResult[] };

/**
 * Rows per request: each account takes about a second at the provider, so a long list is sent in
 * parts that each end well within a reverse proxy's timeout; the answers are joined. When a part
 * fails, what the parts before it created (with their passwords) is kept, and the rest is marked.
 */
export const IMPORT_PART_ROWS = 10;

/** Creates the kept rows; the answer carries the temporary passwords, shown once. */
export function useImportCreate(onProgress: (done: number, total: number) => void = () => undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: ImportCreateRequest): Promise<ImportOutcome> => {
      const outcome: ImportOutcome = { created: 0, failed: 0, results: [] };
      const total = request.rows.length;
      onProgress(0, total);
      for (let i = 0; i < total; i += IMPORT_PART_ROWS) {
        const rows = request.rows.slice(i, i + IMPORT_PART_ROWS);
        let part: ImportCreateResponse;
        try {
          part = await callApi(consoleImportRoutes.create, { body: { ...request, rows } });
        } catch (err) {
          // Nothing created yet: the error is the whole answer. Otherwise keep what was made.
          if (i === 0) throw err;
          const rest = request.rows.slice(i);
          outcome.failed += rest.length;
          outcome.results.push(
            ...rest.map((r) => ({
              line: r.line,
              fullName: r.fullName,
              unitCode: r.unitCode,
              address: null,
              temporaryPassword: null,
              error: { code: 'internal_error' as const },
              unconfirmed: true,
            })),
          );
          return outcome;
        }
        outcome.created += part.created;
        outcome.failed += part.failed;
        outcome.results.push(...part.results);
        onProgress(outcome.results.length, total);
      }
      return outcome;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: consoleKeys.area('accounts') }),
  });
}
