import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createMigrationStore } from './migration-store';

describe.each(STORE_ENGINES)('migration jobs on %s', (engine) => {
  let store: Store;
  let clock = 1_000_000;
  beforeEach(async () => {
    store = await openTestStore(engine);
    clock = 1_000_000;
  });
  afterEach(() => store.close());

  const newJob = {
    mailbox: 'thanhtv.sttt@binhphuoc.gov.vn',
    requestedBy: 'thanhtv.sttt@binhphuoc.gov.vn',
    host: 'mail.donvi-cu.local',
    port: 993,
    security: 'tls' as const,
    acceptSelfSigned: false,
    oldUser: 'thanhtv',
    secretBox: Buffer.from('sealed'),
  };

  it('lets one instance claim a job, keeps it while renewed, and hands it over when the lease lapses', async () => {
    const jobs = createMigrationStore(store.db, () => clock);
    const job = await jobs.create(newJob);
    const claims = await Promise.all(['a', 'b', 'c'].map((i) => jobs.claimNext(i, 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const holder = claims.find(Boolean)!.leaseInstance!;
    clock += 30_000;
    expect(await jobs.renew(job.id, holder, 60_000)).toBe(true);
    clock += 70_000;
    expect(await jobs.claimNext('z', 60_000)).toMatchObject({
      id: job.id,
      state: 'running',
      leaseInstance: 'z',
    });
    // The old holder learns it lost the job.
    expect(await jobs.renew(job.id, holder, 60_000)).toBe(false);
  });

  it('records per-folder progress and failures, and deletes the sealed passwords at the end', async () => {
    const jobs = createMigrationStore(store.db, () => clock);
    const job = await jobs.create(newJob);
    await jobs.ensureFolder(job.id, 'Công văn đến', 'Công văn đến', 1);
    await jobs.startFolder(job.id, 'Công văn đến', 4_000_000_000, 10);
    await jobs.recordProgress(job.id, 'Công văn đến', { lastUid: 7, copied: 5, skipped: 1, failed: 1 });
    await jobs.addFailure(job.id, 'Công văn đến', 6, 'migration_message_too_large', '25 MB');
    // Same UIDVALIDITY on resume: the last UID stays; another one starts the folder over.
    await jobs.startFolder(job.id, 'Công văn đến', 4_000_000_000, 10);
    expect((await jobs.folders(job.id))[0]).toMatchObject({
      lastUid: 7,
      copied: 5,
      uidvalidity: 4_000_000_000,
    });
    await jobs.startFolder(job.id, 'Công văn đến', 5, 10);
    expect((await jobs.folders(job.id))[0]).toMatchObject({ lastUid: 0, uidvalidity: 5 });
    expect(await jobs.failures(job.id, 10)).toEqual([
      { folder: 'Công văn đến', uid: 6, code: 'migration_message_too_large', detail: '25 MB' },
    ]);
    expect(await jobs.secret(job.id)).toEqual(Buffer.from('sealed'));
    await jobs.finish(job.id, 'failed', 'migration_connection_lost');
    expect(await jobs.secret(job.id)).toBeNull();
    expect(await jobs.latestFor(newJob.mailbox)).toMatchObject({
      state: 'failed',
      error: 'migration_connection_lost',
      copied: 5,
      skipped: 1,
      failed: 1,
    });
    expect(await jobs.activeFor(newJob.mailbox)).toBeNull();
  });

  it('lists a batch’s jobs by mailbox, and only them', async () => {
    const jobs = createMigrationStore(store.db, () => clock);
    await jobs.create({ ...newJob, mailbox: 'b.sttt@binhphuoc.gov.vn', batchId: 'lo-1' });
    await jobs.create({ ...newJob, mailbox: 'a.sttt@binhphuoc.gov.vn', batchId: 'lo-1' });
    await jobs.create({ ...newJob, batchId: null });
    const batch = await jobs.inBatch('lo-1');
    expect(batch.map((j) => [j.mailbox, j.batchId])).toEqual([
      ['a.sttt@binhphuoc.gov.vn', 'lo-1'],
      ['b.sttt@binhphuoc.gov.vn', 'lo-1'],
    ]);
    expect(await jobs.inBatch('lo-2')).toEqual([]);
  });
});
