import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { MigrationSecurity, MigrationState } from '../../common/contract/migration';
import type { StoreDb } from '../store/open-store';

export interface MigrationJob {
  id: string;
  mailbox: string;
  requestedBy: string;
  batchId: string | null;
  host: string;
  port: number;
  security: MigrationSecurity;
  acceptSelfSigned: boolean;
  oldUser: string;
  state: MigrationState;
  error: string | null;
  total: number;
  copied: number;
  skipped: number;
  failed: number;
  createdAt: number;
  finishedAt: number | null;
  leaseInstance: string | null;
  leaseUntil: number | null;
}

export interface MigrationFolderRow {
  source: string;
  target: string;
  uidvalidity: number | null;
  lastUid: number;
  total: number;
  copied: number;
  skipped: number;
  failed: number;
  done: boolean;
}

export interface NewMigrationJob {
  mailbox: string;
  requestedBy: string;
  batchId?: string | null;
  host: string;
  port: number;
  security: MigrationSecurity;
  acceptSelfSigned: boolean;
  oldUser: string;
  /** The sealed passwords (migration-secret.ts). */
  secretBox: Buffer;
}

type JobRow = Awaited<ReturnType<typeof selectJobs>>[number];
const selectJobs = (db: StoreDb) => db.selectFrom('migration_jobs').selectAll().execute();

function toJob(r: JobRow): MigrationJob {
  return {
    id: r.id,
    mailbox: r.mailbox,
    requestedBy: r.requested_by,
    batchId: r.batch_id,
    host: r.host,
    port: Number(r.port),
    security: r.security as MigrationSecurity,
    acceptSelfSigned: Number(r.accept_self_signed) === 1,
    oldUser: r.old_user,
    state: r.state,
    error: r.error,
    total: Number(r.total),
    copied: Number(r.copied),
    skipped: Number(r.skipped),
    failed: Number(r.failed),
    createdAt: Number(r.created_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    leaseInstance: r.lease_instance,
    leaseUntil: r.lease_until === null ? null : Number(r.lease_until),
  };
}

/**
 * Where every migration stands, in the policy store, so that a crash or a restart of the proxy
 * loses nothing: per folder the UIDVALIDITY and the last UID done, the counts, and each failure
 * with its reason. Which instance runs a job is a lease on its row, renewed while it runs and
 * taken over by another instance once it has lapsed.
 */
export function createMigrationStore(db: StoreDb, now: () => number = Date.now) {
  const jobs = () => db.selectFrom('migration_jobs').selectAll();

  return {
    async create(job: NewMigrationJob): Promise<MigrationJob> {
      const at = now();
      const id = randomUUID();
      await db
        .insertInto('migration_jobs')
        .values({
          id,
          mailbox: job.mailbox,
          requested_by: job.requestedBy,
          batch_id: job.batchId ?? null,
          host: job.host,
          port: job.port,
          security: job.security,
          accept_self_signed: job.acceptSelfSigned ? 1 : 0,
          old_user: job.oldUser,
          secret_box: job.secretBox,
          created_at: at,
          updated_at: at,
          finished_at: null,
          error: null,
          lease_instance: null,
          lease_until: null,
        })
        .execute();
      const row = await jobs().where('id', '=', id).executeTakeFirstOrThrow();
      return toJob(row);
    },

    async get(id: string): Promise<MigrationJob | null> {
      const row = await jobs().where('id', '=', id).executeTakeFirst();
      return row ? toJob(row) : null;
    },

    async latestFor(mailbox: string): Promise<MigrationJob | null> {
      const row = await jobs()
        .where('mailbox', '=', mailbox)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row ? toJob(row) : null;
    },

    async activeFor(mailbox: string): Promise<MigrationJob | null> {
      const row = await jobs()
        .where('mailbox', '=', mailbox)
        .where('state', 'in', ['queued', 'running'])
        .executeTakeFirst();
      return row ? toJob(row) : null;
    },

    async inBatch(batchId: string): Promise<MigrationJob[]> {
      const rows = await jobs().where('batch_id', '=', batchId).orderBy('mailbox').execute();
      return rows.map(toJob);
    },

    /**
     * Takes the oldest job nobody holds (queued, or running under a lapsed lease). One UPDATE
     * with the lease's condition decides between instances that try at the same moment.
     */
    async claimNext(instance: string, leaseMs: number): Promise<MigrationJob | null> {
      const at = now();
      const candidates = await jobs()
        .where('state', 'in', ['queued', 'running'])
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
        .orderBy('created_at')
        .limit(5)
        .execute();
      for (const c of candidates) {
        const res = await db
          .updateTable('migration_jobs')
          .set({ lease_instance: instance, lease_until: at + leaseMs, state: 'running', updated_at: at })
          .where('id', '=', c.id)
          .where('state', 'in', ['queued', 'running'])
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 1) return this.get(c.id);
      }
      return null;
    },

    /** False when the lease was lost (another instance took the job over): stop at once. */
    async renew(id: string, instance: string, leaseMs: number): Promise<boolean> {
      const at = now();
      const res = await db
        .updateTable('migration_jobs')
        .set({ lease_until: at + leaseMs, updated_at: at })
        .where('id', '=', id)
        .where('lease_instance', '=', instance)
        .where('state', '=', 'running')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Gives a job back (the proxy is stopping): the next claim, on any instance, resumes it. */
    async release(id: string, instance: string): Promise<void> {
      await db
        .updateTable('migration_jobs')
        .set({ lease_instance: null, lease_until: null })
        .where('id', '=', id)
        .where('lease_instance', '=', instance)
        .execute();
    },

    async secret(id: string): Promise<Buffer | null> {
      const row = await db
        .selectFrom('migration_jobs')
        .select('secret_box')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.secret_box ?? null;
    },

    /** The end, success or failure: the sealed passwords are deleted with the lease. */
    async finish(id: string, state: 'done' | 'failed', error: string | null): Promise<void> {
      const at = now();
      await db
        .updateTable('migration_jobs')
        .set({
          state,
          error,
          secret_box: null,
          finished_at: at,
          updated_at: at,
          lease_instance: null,
          lease_until: null,
        })
        .where('id', '=', id)
        .execute();
    },

    async setTotal(id: string, total: number): Promise<void> {
      await db.updateTable('migration_jobs').set({ total }).where('id', '=', id).execute();
    },

    /** A folder's row, made once: a resumed job finds UIDVALIDITY and the last UID there. */
    async ensureFolder(
      id: string,
      source: string,
      target: string,
      position: number,
    ): Promise<MigrationFolderRow> {
      await db
        .insertInto('migration_folders')
        .values({ job_id: id, source, target, uidvalidity: null, position })
        .onConflict((oc) => oc.columns(['job_id', 'source']).doNothing())
        .execute();
      return (await this.folders(id)).find((f) => f.source === source)!;
    },

    async folders(id: string): Promise<MigrationFolderRow[]> {
      const rows = await db
        .selectFrom('migration_folders')
        .selectAll()
        .where('job_id', '=', id)
        .orderBy('position')
        .execute();
      return rows.map((r) => ({
        source: r.source,
        target: r.target,
        uidvalidity: r.uidvalidity === null ? null : Number(r.uidvalidity),
        lastUid: Number(r.last_uid),
        total: Number(r.total),
        copied: Number(r.copied),
        skipped: Number(r.skipped),
        failed: Number(r.failed),
        done: Number(r.done) === 1,
      }));
    },

    /** The old folder was recreated (another UIDVALIDITY): its UIDs start over, dedupe still holds. */
    async startFolder(id: string, source: string, uidvalidity: number, total: number): Promise<void> {
      await db
        .updateTable('migration_folders')
        .set((eb) => ({
          uidvalidity,
          total,
          last_uid: eb.case().when('uidvalidity', '=', uidvalidity).then(eb.ref('last_uid')).else(0).end(),
        }))
        .where('job_id', '=', id)
        .where('source', '=', source)
        .execute();
    },

    /** A batch of messages done: the folder's last UID and the counts move together. */
    async recordProgress(
      id: string,
      source: string,
      step: { lastUid: number; copied: number; skipped: number; failed: number; done?: boolean },
    ): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('migration_folders')
          .set({
            last_uid: step.lastUid,
            copied: sql`copied + ${step.copied}`,
            skipped: sql`skipped + ${step.skipped}`,
            failed: sql`failed + ${step.failed}`,
            ...(step.done ? { done: 1 } : {}),
          })
          .where('job_id', '=', id)
          .where('source', '=', source)
          .execute();
        await tx
          .updateTable('migration_jobs')
          .set({
            copied: sql`copied + ${step.copied}`,
            skipped: sql`skipped + ${step.skipped}`,
            failed: sql`failed + ${step.failed}`,
            updated_at: now(),
          })
          .where('id', '=', id)
          .execute();
      });
    },

    async addFailure(id: string, folder: string, uid: number, code: string, detail: string): Promise<void> {
      await db
        .insertInto('migration_failures')
        .values({ job_id: id, folder, uid, code, detail: detail.slice(0, 500), at: now() })
        .execute();
    },

    async failures(id: string, limit: number) {
      const rows = await db
        .selectFrom('migration_failures')
        .select(['folder', 'uid', 'code', 'detail'])
        .where('job_id', '=', id)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ folder: r.folder, uid: Number(r.uid), code: r.code, detail: r.detail }));
    },
  };
}

export type MigrationStore = ReturnType<typeof createMigrationStore>;
