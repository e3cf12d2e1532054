import {
  MigrationBatch,
  MigrationBatchJobParams,
  MigrationBatchParams,
  MigrationBatchRequest,
  MigrationBatchStart,
} from '../contract/console-migration';
import { MigrationStatus } from '../contract/migration';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 401, 403, 404);

/** Đ8.2d for a whole unit (admins): one old server, a CSV of accounts, one job per row. */
export const consoleMigrationRoutes = {
  /** Checks every row; starts the batch only when none has a problem. */
  start: route({
    method: 'POST',
    path: '/console/migration-batches',
    tags: ['console'],
    body: MigrationBatchRequest,
    responses: { 200: MigrationBatchStart, ...errorAnswers(413, 503), ...errors },
  }),
  /** Each account's progress: copied, skipped, failed, state. */
  progress: route({
    method: 'GET',
    path: '/console/migration-batches/:batchId',
    tags: ['console'],
    params: MigrationBatchParams,
    responses: { 200: MigrationBatch, ...errors },
  }),
  /** One account's final report (folders and the failures with their reasons). */
  report: route({
    method: 'GET',
    path: '/console/migration-batches/:batchId/jobs/:jobId',
    tags: ['console'],
    params: MigrationBatchJobParams,
    responses: { 200: MigrationStatus, ...errors },
  }),
};
