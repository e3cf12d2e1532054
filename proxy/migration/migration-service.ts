import type { ConnectionCheck, MigrationStatus, OldLogin } from '../../common/contract/migration';
import { MIGRATION_LIMITS, OldLogin as OldLoginSchema } from '../../common/contract/migration';
import type { AuditLog } from '../audit/audit-log';
import { ApiError } from '../errors';
import type { Credentials, ImapServer } from '../mail/imap-pool';
import { planFolders } from './folder-plan';
import {
  asSourceFolder,
  asTargetFolder,
  closeQuietly,
  connectOldServer,
  connectTarget,
} from './migration-connections';
import { oldServerError } from './migration-errors';
import { sealSecrets } from './migration-secret';
import type { MigrationJob, MigrationStore } from './migration-store';

export interface MigrationServiceDeps {
  store: MigrationStore;
  dataKey: Buffer;
  target: ImapServer;
  audit: AuditLog;
  /** Look for the new job at once. */
  kick: () => void;
}

const parsed = (login: OldLogin) => OldLoginSchema.parse(login);

/** "Kiểm tra kết nối": logs in to the old server, lists its folders and where each will go. */
export async function checkOldServer(
  deps: Pick<MigrationServiceDeps, 'target'>,
  owner: Credentials,
  input: OldLogin,
): Promise<ConnectionCheck> {
  const login = parsed(input);
  const source = await connectOldServer(login);
  let target = null;
  try {
    const listed = await source.list({ statusQuery: { messages: true } }).catch((err: unknown) => {
      throw oldServerError(err, login.host);
    });
    target = await connectTarget(deps.target, owner);
    const plan = planFolders(listed.map(asSourceFolder), (await target.list()).map(asTargetFolder));
    const counts = new Map(listed.map((f) => [f.path, f.status?.messages ?? 0]));
    const folders = plan.map((m) => ({
      path: m.source.normalize('NFC'),
      messages: counts.get(m.source) ?? 0,
      target: m.target,
      use: m.use,
    }));
    return { folders, messages: folders.reduce((n, f) => n + f.messages, 0) };
  } finally {
    await closeQuietly(source);
    await closeQuietly(target);
  }
}

/**
 * Queues a user's own migration: the old login is tried first (a wrong password is said at once,
 * not by a failed job later), then both passwords are sealed into the job's row until it ends.
 */
export async function startMigration(
  deps: MigrationServiceDeps,
  owner: Credentials,
  input: OldLogin,
): Promise<MigrationStatus> {
  const login = parsed(input);
  if (await deps.store.activeFor(owner.email)) throw new ApiError('migration_in_progress');
  await closeQuietly(await connectOldServer(login));
  const job = await deps.store.create({
    mailbox: owner.email,
    requestedBy: owner.email,
    host: login.host,
    port: login.port,
    security: login.security,
    acceptSelfSigned: login.acceptSelfSigned,
    oldUser: login.user,
    secretBox: sealSecrets({ oldPassword: login.password, targetPassword: owner.password }, deps.dataKey),
  });
  await deps.audit.record({
    actor: owner.email,
    email: owner.email,
    action: 'mail_migration',
    outcome: 'ok',
    details: { host: login.host, oldUser: login.user },
  });
  deps.kick();
  return statusOf(deps.store, job);
}

export async function statusOf(store: MigrationStore, job: MigrationJob): Promise<MigrationStatus> {
  const folders = await store.folders(job.id);
  return {
    id: job.id,
    mailbox: job.mailbox,
    host: job.host,
    oldUser: job.oldUser,
    state: job.state,
    error: job.error,
    total: job.total,
    copied: job.copied,
    skipped: job.skipped,
    failed: job.failed,
    folders: folders.map((f) => ({
      source: f.source.normalize('NFC'),
      target: f.target,
      total: f.total,
      copied: f.copied,
      skipped: f.skipped,
      failed: f.failed,
      done: f.done,
    })),
    failures: (await store.failures(job.id, MIGRATION_LIMITS.failuresShown)).map((f) => ({
      ...f,
      folder: f.folder.normalize('NFC'),
    })),
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

export async function currentMigration(
  store: MigrationStore,
  mailbox: string,
): Promise<MigrationStatus | null> {
  const job = await store.latestFor(mailbox);
  return job ? statusOf(store, job) : null;
}
