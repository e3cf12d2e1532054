import type { FastifyBaseLogger } from 'fastify';
import { unitMailboxLogin } from '../api-clients/unit-mailbox-login';
import type { AuditLog } from '../audit/audit-log';
import type { Config } from '../config';
import type { StoreDb } from '../store/open-store';
import type { CopyLimits } from './copy-folder';
import { type MigrationRunner, startMigrationRunner } from './migration-runner';
import { createMigrationStore, type MigrationStore } from './migration-store';

/** How a migration copies: 50 messages or 8 MB a batch, and the 20 MB cap of Đ7.2b per message. */
export function copyLimits(config: Config): CopyLimits {
  return {
    messageMaxBytes: config.limits.attachmentMaxBytes,
    batchMessages: 50,
    batchBytes: 8 * 1024 * 1024,
    pauseMs: config.migration.pauseMs,
  };
}

export interface Migrations {
  store: MigrationStore;
  dataKey: Buffer;
  audit: AuditLog;
  config: Config;
  /** Absent when the server runs without its clock (the API document's generator). */
  runner: MigrationRunner | null;
  kick: () => void;
}

/** Đ8.2d: the migrations' store and, with the background jobs, the runner of this instance. */
export function createMigrations(
  deps: { db: StoreDb; dataKey: Buffer; audit: AuditLog; config: Config; log: FastifyBaseLogger },
  run: boolean,
): Migrations {
  const store = createMigrationStore(deps.db);
  const runner =
    run && deps.config.migration.concurrency > 0
      ? startMigrationRunner({
          store,
          dataKey: deps.dataKey,
          target: deps.config.imap,
          instance: deps.config.instanceId,
          log: deps.log,
          limits: copyLimits(deps.config),
          leaseMs: deps.config.migration.leaseMs,
          pollMs: 5_000,
          concurrency: deps.config.migration.concurrency,
          retries: 3,
          retryDelayMs: 2_000,
          masterLogin: (mailbox) => unitMailboxLogin(deps.config, mailbox),
        })
      : null;
  return {
    store,
    dataKey: deps.dataKey,
    audit: deps.audit,
    config: deps.config,
    runner,
    kick: () => void runner?.kick(),
  };
}
