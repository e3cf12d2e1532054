import { useMutation, useQuery } from '@tanstack/react-query';
import type { MigrationBatchRequest } from '../../common/contract/console-migration';
import { consoleMigrationRoutes } from '../../common/routes/console-migration';
import { callApi } from './http';
import { consoleKeys } from './keys';

/** The file's bytes in base64: the proxy finds its encoding (UTF-8, UTF-16, Windows-1258) itself. */
export function fileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Checks every line of the CSV; starts the batch only when none has a problem. */
export const useStartMigrationBatch = () =>
  useMutation({
    mutationFn: (body: MigrationBatchRequest) => callApi(consoleMigrationRoutes.start, { body }),
  });

/** Each account's progress, polled every 2 s while a job of the batch runs, not at all after. */
export function useMigrationBatch(batchId: string | null) {
  return useQuery({
    queryKey: consoleKeys.area('migration', 'batch', batchId ?? ''),
    queryFn: () => callApi(consoleMigrationRoutes.progress, { params: { batchId: batchId! } }),
    enabled: batchId !== null,
    refetchInterval: (query) =>
      query.state.data?.rows.some((r) => r.state === 'queued' || r.state === 'running') ? 2_000 : false,
  });
}

/** One account's final report, read when the admin opens it. */
export function useMigrationBatchReport(batchId: string, jobId: string | null) {
  return useQuery({
    queryKey: consoleKeys.area('migration', 'report', batchId, jobId ?? ''),
    queryFn: () => callApi(consoleMigrationRoutes.report, { params: { batchId, jobId: jobId! } }),
    enabled: jobId !== null,
  });
}
