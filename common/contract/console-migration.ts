import { z } from 'zod';
import { errorCodes } from './errors';
import { MigrationState, OldServer } from './migration';

/**
 * Đ8.2d for a whole unit: an admin names the old server once and uploads a CSV with one row per
 * account (old user, old password, new mailbox of the unit). Every row is checked before anything
 * starts; then one job per row runs, all in one batch. The CSV itself is never stored.
 */
export const MIGRATION_BATCH_LIMITS = {
  /** The CSV as uploaded (base64 in the JSON body): a unit's list is a few hundred rows. */
  csvBytes: 256 * 1024,
  rows: 1000,
} as const;

export const MigrationBatchRequest = z
  .object({
    unitCode: z.string().trim().toLowerCase().min(1).max(64),
    server: OldServer,
    /** The CSV file's bytes, base64: its encoding (UTF-8, UTF-16, Windows-1258) is found on the proxy. */
    csv: z
      .string()
      .min(1)
      .max(Math.ceil(MIGRATION_BATCH_LIMITS.csvBytes / 3) * 4 + 4),
  })
  .meta({ id: 'MigrationBatchRequest' });
export type MigrationBatchRequest = z.input<typeof MigrationBatchRequest>;

export const MigrationBatchRowProblem = z
  .object({
    /** The line of the CSV. */
    line: z.number().int(),
    code: z.enum(errorCodes),
    /** The new mailbox (or old user) the line names, when it has one. */
    value: z.string().nullable(),
    /** For a duplicate: the earlier line with the same new mailbox. */
    sameAs: z.number().int().nullable(),
  })
  .meta({ id: 'MigrationBatchRowProblem' });
export type MigrationBatchRowProblem = z.infer<typeof MigrationBatchRowProblem>;

export const MigrationBatchRow = z
  .object({
    jobId: z.string(),
    mailbox: z.string(),
    oldUser: z.string(),
    state: MigrationState,
    error: z.string().nullable(),
    total: z.number().int(),
    copied: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    finishedAt: z.number().nullable(),
  })
  .meta({ id: 'MigrationBatchRow' });
export type MigrationBatchRow = z.infer<typeof MigrationBatchRow>;

export const MigrationBatch = z
  .object({
    id: z.string(),
    host: z.string(),
    rows: z.array(MigrationBatchRow),
  })
  .meta({ id: 'MigrationBatch' });
export type MigrationBatch = z.infer<typeof MigrationBatch>;

/** Either the batch started, or nothing started and every line's problem is listed. */
export const MigrationBatchStart = z
  .object({ batch: MigrationBatch.nullable(), problems: z.array(MigrationBatchRowProblem) })
  .meta({ id: 'MigrationBatchStart' });
export type MigrationBatchStart = z.infer<typeof MigrationBatchStart>;

export const MigrationBatchParams = z.object({ batchId: z.string().uuid() });
export const MigrationBatchJobParams = MigrationBatchParams.extend({ jobId: z.string().uuid() });
