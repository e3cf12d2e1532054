import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationBatch, MigrationBatchStart } from '../../common/contract/console-migration';
import {
  OLD_SERVER,
  type OldFolderPlan,
  SMALL_FOLDERS,
  uniqueCount,
} from '../../scripts/oldserver/old-mailbox';
import { consoleUser } from '../test-support/console-admin';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { oldMessageCount, requireOldServer, seedOldMailbox } from '../test-support/old-server';
import { type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/** A second, smaller old mailbox, so the two rows of the batch differ. */
const SECOND_FOLDERS: OldFolderPlan[] = [
  { path: 'INBOX', count: 40 },
  { path: 'Đã gửi', count: 20 },
];
const total = (folders: OldFolderPlan[]) => folders.reduce((n, f) => n + f.count, 0);
const unique = (folders: OldFolderPlan[]) => folders.reduce((n, f) => n + uniqueCount(f.count), 0);

let proxy: ProxyHarness;
let admin: Awaited<ReturnType<typeof consoleUser>>;
let first: FreshMailbox;
let second: FreshMailbox;
const unit = `cd${randomUUID().replace(/\D/g, '').slice(0, 6)}`;

const server = {
  host: OLD_SERVER.host,
  port: OLD_SERVER.imapsPort,
  security: 'tls',
  acceptSelfSigned: true,
};
const csv = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  requireOldServer();
  if ((await oldMessageCount(OLD_SERVER.users.small)) !== total(SMALL_FOLDERS))
    await seedOldMailbox(OLD_SERVER.users.small, SMALL_FOLDERS);
  if ((await oldMessageCount(OLD_SERVER.users.second)) !== total(SECOND_FOLDERS))
    await seedOldMailbox(OLD_SERVER.users.second, SECOND_FOLDERS);
  proxy = await startProxy({ MIGRATION_PAUSE_MS: '0' });
  await proxy.ctx.units.create({
    code: unit,
    name: `Phòng Thử chuyển thư ${unit}`,
    parentCode: null,
    level: 'department',
    mailbox: null,
    website: null,
  });
  admin = await consoleUser(proxy, { role: 'admin', prefix: 'chuyenthu' });
  first = freshMailbox('lo-a');
  second = freshMailbox('lo-b');
  for (const box of [first, second]) await proxy.ctx.accounts.setProfile(box.email, { unitCode: unit });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  for (const box of [first, second, admin]) box?.remove();
});

describe('an admin migrating a unit from a CSV', () => {
  it('refuses the whole CSV when one line names an unknown mailbox, and starts nothing', async () => {
    const res = await admin.client.post('/api/console/migration-batches', {
      unitCode: unit,
      server,
      csv: csv(
        [
          'Tài khoản cũ;Mật khẩu cũ;Hộp thư mới',
          `${OLD_SERVER.users.small};${OLD_SERVER.password};${first.email}`,
          `${OLD_SERVER.users.second};${OLD_SERVER.password};khong-co-ai@${proxy.ctx.config.org.mailDomain}`,
        ].join('\r\n'),
      ),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as MigrationBatchStart;
    expect(body.batch).toBeNull();
    expect(body.problems).toEqual([
      expect.objectContaining({ line: 3, code: 'migration_row_mailbox_unknown' }),
    ]);
    expect(await proxy.ctx.migrations.store.latestFor(first.email)).toBeNull();
  });

  it('runs one job per line and reports each account’s progress', async () => {
    const res = await admin.client.post('/api/console/migration-batches', {
      unitCode: unit,
      server,
      csv: csv(
        [
          `${OLD_SERVER.users.small},${OLD_SERVER.password},${first.email.toUpperCase()}`,
          `${OLD_SERVER.users.second},${OLD_SERVER.password},${second.email}`,
        ].join('\n'),
      ),
    });
    expect(res.statusCode).toBe(200);
    const started = res.json() as MigrationBatchStart;
    expect(started.problems).toEqual([]);
    const batchId = started.batch!.id;

    let batch: MigrationBatch = started.batch!;
    for (let i = 0; i < 240 && batch.rows.some((r) => r.state === 'queued' || r.state === 'running'); i++) {
      await sleep(500);
      batch = (await admin.client.get(`/api/console/migration-batches/${batchId}`)).json() as MigrationBatch;
    }
    const byMailbox = new Map(batch.rows.map((r) => [r.mailbox, r]));
    expect(batch.rows).toHaveLength(2);
    expect(byMailbox.get(first.email)).toMatchObject({
      oldUser: OLD_SERVER.users.small,
      state: 'done',
      copied: unique(SMALL_FOLDERS),
      skipped: total(SMALL_FOLDERS) - unique(SMALL_FOLDERS),
      failed: 0,
    });
    expect(byMailbox.get(second.email)).toMatchObject({
      oldUser: OLD_SERVER.users.second,
      state: 'done',
      copied: unique(SECOND_FOLDERS),
      failed: 0,
    });

    // Each job's report, and its sealed old password gone now that it ended.
    const row = byMailbox.get(second.email)!;
    const report = await admin.client.get(`/api/console/migration-batches/${batchId}/jobs/${row.jobId}`);
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({
      mailbox: second.email,
      folders: expect.arrayContaining([expect.objectContaining({ source: 'Đã gửi', target: 'Sent' })]),
    });
    expect(await proxy.ctx.migrations.store.secret(row.jobId)).toBeNull();
    const inbox = await second.imap(async (c) => {
      const status = await c.status('INBOX', { messages: true });
      return status ? status.messages : null;
    });
    expect(inbox).toBe(uniqueCount(40));

    const audit = await proxy.ctx.audit.query(
      { action: 'mail_migration', actor: admin.email },
      { offset: 0, limit: 10 },
    );
    expect(audit.entries).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ unit, rows: 2, batch: batchId }) }),
    ]);
  }, 150_000);

  it('is for admins only', async () => {
    const manager = await consoleUser(proxy, { role: 'unit_manager', unitCode: unit, prefix: 'qlcd' });
    try {
      const res = await manager.client.post('/api/console/migration-batches', {
        unitCode: unit,
        server,
        csv: csv(`a,b,${first.email}`),
      });
      expect(res.statusCode).toBe(403);
    } finally {
      manager.remove();
    }
  });
});
