import { randomUUID } from 'node:crypto';
import {
  MIGRATION_BATCH_LIMITS,
  type MigrationBatch,
  MigrationBatchRequest,
  type MigrationBatchStart,
} from '../../../common/contract/console-migration';
import type { MigrationStatus } from '../../../common/contract/migration';
import { unitMailboxLogin } from '../../api-clients/unit-mailbox-login';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { sealSecrets } from '../../migration/migration-secret';
import { statusOf } from '../../migration/migration-service';
import type { MigrationJob } from '../../migration/migration-store';
import { readCsvRecords } from '../import/csv-records';
import { batchProblems, batchRows } from './batch-rows';

type Ctx = Pick<AppContext, 'accounts' | 'units' | 'audit' | 'config' | 'migrations'>;
type Actor = { name: string; ip: string };

/**
 * The batch jobs log in to the new mailboxes as the provider's master user; without it nothing
 * could run, so the admin is told before any row is read.
 */
function requireMasterUser(ctx: Ctx): void {
  try {
    unitMailboxLogin(ctx.config, 'kiem-tra');
  } catch (cause) {
    throw new ApiError('migration_master_unavailable', undefined, { cause });
  }
}

function csvBytes(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength > MIGRATION_BATCH_LIMITS.csvBytes)
    throw new ApiError('import_too_large', { limit: `${MIGRATION_BATCH_LIMITS.csvBytes / 1024} KB` });
  return bytes;
}

/**
 * "Chuyển thư cho cả đơn vị": every line is checked first (and the whole CSV refused, nothing
 * started, when one has a problem); then one job per line, in one batch. The old passwords are
 * sealed into each job's row until it ends; the CSV is read here and kept nowhere.
 */
export async function startBatch(ctx: Ctx, input: unknown, actor: Actor): Promise<MigrationBatchStart> {
  const request = MigrationBatchRequest.parse(input);
  requireMasterUser(ctx);
  const unit = await ctx.units.get(request.unitCode);
  if (!unit) throw new ApiError('unit_not_found');
  const rows = batchRows(readCsvRecords(csvBytes(request.csv)).rows);
  if (rows.length === 0) throw new ApiError('import_no_rows');
  if (rows.length > MIGRATION_BATCH_LIMITS.rows)
    throw new ApiError('import_too_large', { limit: `${MIGRATION_BATCH_LIMITS.rows}` });

  const accounts = new Map((await ctx.accounts.list()).map((a) => [a.email.toLowerCase(), a]));
  const problems = batchProblems(rows, unit.code, (email) => accounts.get(email));
  const refused = new Set(problems.map((p) => p.line));
  for (const row of rows) {
    if (refused.has(row.line)) continue;
    if (await ctx.migrations.store.activeFor(row.mailbox))
      problems.push({ line: row.line, code: 'migration_in_progress', value: row.mailbox, sameAs: null });
  }
  if (problems.length > 0) return { batch: null, problems: problems.sort((a, b) => a.line - b.line) };

  const { server } = request;
  const batchId = randomUUID();
  const { store, dataKey } = ctx.migrations;
  for (const row of rows) {
    await store.create({
      mailbox: row.mailbox,
      requestedBy: actor.name,
      batchId,
      host: server.host,
      port: server.port,
      security: server.security,
      acceptSelfSigned: server.acceptSelfSigned,
      oldUser: row.oldUser,
      secretBox: sealSecrets({ oldPassword: row.oldPassword, targetPassword: '' }, dataKey),
    });
  }
  await ctx.audit.record({
    actor: actor.name,
    email: '*',
    action: 'mail_migration',
    outcome: 'ok',
    ip: actor.ip,
    details: { unit: unit.code, host: server.host, rows: rows.length, batch: batchId },
  });
  ctx.migrations.kick();
  return { batch: await batchProgress(ctx, batchId), problems: [] };
}

const rowOf = (job: MigrationJob) => ({
  jobId: job.id,
  mailbox: job.mailbox,
  oldUser: job.oldUser,
  state: job.state,
  error: job.error,
  total: job.total,
  copied: job.copied,
  skipped: job.skipped,
  failed: job.failed,
  finishedAt: job.finishedAt,
});

/** Each account's counts and state, polled by the console while the batch runs. */
export async function batchProgress(ctx: Pick<Ctx, 'migrations'>, batchId: string): Promise<MigrationBatch> {
  const jobs = await ctx.migrations.store.inBatch(batchId);
  const first = jobs[0];
  if (!first) throw new ApiError('migration_batch_not_found');
  return { id: batchId, host: first.host, rows: jobs.map(rowOf) };
}

/** One account's report, as its owner would see it in the migration dialog. */
export async function batchJobReport(
  ctx: Pick<Ctx, 'migrations'>,
  batchId: string,
  jobId: string,
): Promise<MigrationStatus> {
  const job = await ctx.migrations.store.get(jobId);
  if (!job || job.batchId !== batchId) throw new ApiError('migration_batch_not_found');
  return statusOf(ctx.migrations.store, job);
}
