import type { ImapFlow } from 'imapflow';
import { ApiError } from '../errors';
import type { ImapServer } from '../mail/imap-pool';
import { type CopyLimits, CopyStopped, copyFolder } from './copy-folder';
import { planFolders } from './folder-plan';
import {
  asSourceFolder,
  asTargetFolder,
  closeQuietly,
  connectOldServer,
  connectTarget,
} from './migration-connections';
import { isRetryable } from './migration-errors';
import type { MigrationSecrets } from './migration-secret';
import type { MigrationJob, MigrationStore } from './migration-store';

export interface RunDeps {
  store: MigrationStore;
  /** The provider's IMAP server, where the new mailbox is. */
  target: ImapServer;
  limits: CopyLimits;
  /** Tries after a dropped connection, each from where the copy stopped. */
  retries: number;
  retryDelayMs: number;
  keepGoing: () => Promise<boolean>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One pass over every folder; the folders already done are not opened again. */
async function copyAll(job: MigrationJob, secrets: MigrationSecrets, deps: RunDeps): Promise<void> {
  let source: ImapFlow | null = null;
  let target: ImapFlow | null = null;
  try {
    source = await connectOldServer({
      host: job.host,
      port: job.port,
      security: job.security,
      acceptSelfSigned: job.acceptSelfSigned,
      user: job.oldUser,
      password: secrets.oldPassword,
    });
    target = await connectTarget(deps.target, {
      email: secrets.targetUser ?? job.mailbox,
      password: secrets.targetPassword,
    });
    const listed = await source.list({ statusQuery: { messages: true } });
    const plan = planFolders(listed.map(asSourceFolder), (await target.list()).map(asTargetFolder));
    const sizes = new Map(listed.map((f) => [f.path, f.status?.messages ?? 0]));
    await deps.store.setTotal(
      job.id,
      plan.reduce((n, m) => n + (sizes.get(m.source) ?? 0), 0),
    );
    for (const [position, m] of plan.entries())
      await deps.store.ensureFolder(job.id, m.source, m.target, position);
    const done = new Set((await deps.store.folders(job.id)).filter((f) => f.done).map((f) => f.source));
    const quota = target.capabilities.has('QUOTA') ? await target.getQuota('INBOX') : false;
    const storage = quota ? quota.storage : undefined;
    const room = { used: storage?.usage ?? 0, limit: storage?.limit || null };
    for (const m of plan) {
      if (done.has(m.source)) continue;
      await copyFolder(
        {
          jobId: job.id,
          source,
          target,
          store: deps.store,
          limits: deps.limits,
          quota: room,
          host: job.host,
          keepGoing: deps.keepGoing,
        },
        m,
      );
    }
  } finally {
    await closeQuietly(source);
    await closeQuietly(target);
  }
}

/**
 * Runs a migration to its end: 'done', or 'failed' with the code of what stopped it. A dropped
 * connection is retried from where the copy stopped; a stop (proxy shutting down, lease lost)
 * rethrows CopyStopped, leaving the job to be resumed by whoever claims it next.
 */
export async function runMigration(
  job: MigrationJob,
  secrets: MigrationSecrets,
  deps: RunDeps,
): Promise<{ state: 'done' } | { state: 'failed'; error: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      await copyAll(job, secrets, deps);
      return { state: 'done' };
    } catch (err) {
      if (err instanceof CopyStopped) throw err;
      if (isRetryable(err) && attempt < deps.retries) {
        await sleep(deps.retryDelayMs * (attempt + 1));
        if (!(await deps.keepGoing())) throw new CopyStopped();
        continue;
      }
      return { state: 'failed', error: err instanceof ApiError ? err.code : 'internal_error' };
    }
  }
}
