import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailStackProxyEnv } from '../../scripts/mailstack/proxy-env';
import {
  MAIN_FOLDERS,
  OLD_SERVER,
  oldMessage,
  SMALL_FOLDERS,
  uniqueCount,
} from '../../scripts/oldserver/old-mailbox';
import { loadConfig } from '../config';
import { openSqlite, type Store } from '../store/open-store';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import {
  droppingRelay,
  fastLimits,
  oldMessageCount,
  requireOldServer,
  seedOldMailbox,
} from '../test-support/old-server';
import { CopyStopped } from './copy-folder';
import { createMigrationStore, type MigrationStore } from './migration-store';
import { runMigration } from './run-migration';

const SMALL_TOTAL = SMALL_FOLDERS.reduce((n, f) => n + f.count, 0);
const SMALL_UNIQUE = SMALL_FOLDERS.reduce((n, f) => n + uniqueCount(f.count), 0);
const TOTAL = MAIN_FOLDERS.reduce((n, f) => n + f.count, 0);
const UNIQUE = MAIN_FOLDERS.reduce((n, f) => n + uniqueCount(f.count), 0);
const imapServer = loadConfig({ ...mailStackProxyEnv(), LOG_LEVEL: 'silent' }).imap;

let store: Store;
let jobs: MigrationStore;
let target: FreshMailbox;

beforeAll(async () => {
  requireOldServer();
  if ((await oldMessageCount(OLD_SERVER.users.main)) !== TOTAL) {
    await seedOldMailbox(OLD_SERVER.users.main, MAIN_FOLDERS);
  }
  if ((await oldMessageCount(OLD_SERVER.users.small)) !== SMALL_TOTAL) {
    await seedOldMailbox(OLD_SERVER.users.small, SMALL_FOLDERS);
  }
  store = openSqlite(':memory:');
  jobs = createMigrationStore(store.db);
  target = freshMailbox('migr');
}, 120_000);

afterAll(async () => {
  target?.remove();
  await store?.close();
});

const createJob = (mailbox: string, over: Partial<Parameters<MigrationStore['create']>[0]> = {}) =>
  jobs.create({
    mailbox,
    requestedBy: mailbox,
    host: OLD_SERVER.host,
    port: OLD_SERVER.imapPort,
    security: 'starttls',
    acceptSelfSigned: true,
    oldUser: OLD_SERVER.users.main,
    secretBox: Buffer.from('x'),
    ...over,
  });

const deps = (keepGoing: () => Promise<boolean> = async () => true) => ({
  store: jobs,
  target: imapServer,
  limits: fastLimits,
  retries: 0,
  retryDelayMs: 10,
  keepGoing,
});

async function folderCounts(client: ImapFlow): Promise<Record<string, number>> {
  const list = await client.list({ statusQuery: { messages: true } });
  return Object.fromEntries(
    list.filter((f) => (f.status?.messages ?? 0) > 0).map((f) => [f.path, f.status!.messages!]),
  );
}

describe('mail from the old server (the second Dovecot)', () => {
  it('copies the 2,000-message mailbox with its Vietnamese folders, flags and dates, then a rerun copies nothing', async () => {
    const job = await createJob(target.email);
    const secrets = { oldPassword: OLD_SERVER.password, targetPassword: target.password };
    const started = Date.now();
    expect(await runMigration(job, secrets, deps())).toEqual({ state: 'done' });
    const seconds = (Date.now() - started) / 1000;
    console.log(`migration: ${TOTAL} messages (${UNIQUE} distinct) in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);

    const done = (await jobs.get(job.id))!;
    expect(done).toMatchObject({ total: TOTAL, copied: UNIQUE, skipped: TOTAL - UNIQUE, failed: 0 });

    const counts = await target.imap(folderCounts);
    expect(counts).toEqual({
      INBOX: uniqueCount(600),
      'Công văn đến': uniqueCount(500),
      'Archive/2024': uniqueCount(300),
      'Archive/2023': uniqueCount(100),
      Sent: uniqueCount(300),
      Drafts: uniqueCount(50),
      Trash: uniqueCount(50),
      'Dự án/Chuyển đổi số': uniqueCount(100),
    });

    // Flags and internal dates, message by message, in two folders.
    await target.imap(async (client) => {
      for (const [source, path, count] of [
        ['Công văn đến', 'Công văn đến', 500],
        ['Thư nháp', 'Drafts', 50],
      ] as const) {
        await client.mailboxOpen(path);
        const copied = await client.fetchAll('1:*', { envelope: true, internalDate: true, flags: true });
        const bySubject = new Map(copied.map((m) => [m.envelope?.subject, m]));
        for (let i = 0; i < count; i++) {
          const original = oldMessage(source, i);
          if (original.duplicate) continue;
          const subject = /Subject: =\?UTF-8\?B\?([^?]+)\?=/.exec(original.raw.toString())![1]!;
          const m = bySubject.get(Buffer.from(subject, 'base64').toString());
          expect(m, `${source} #${i}`).toBeDefined();
          expect(new Date(m!.internalDate!).getTime()).toBe(original.internalDate.getTime());
          // \Recent belongs to the session that first sees a message, not to the message.
          expect([...m!.flags!].filter((f) => f !== '\\Recent').sort()).toEqual([...original.flags].sort());
        }
      }
    });

    // Rerun: a new job, nothing copied, everything recognised.
    const again = await createJob(target.email);
    expect(await runMigration(again, secrets, deps())).toEqual({ state: 'done' });
    expect(await jobs.get(again.id)).toMatchObject({ copied: 0, skipped: TOTAL, failed: 0 });
    expect(await target.imap(folderCounts)).toEqual(counts);
  }, 120_000);

  it('maps the folders by the old Sent flag and by name', async () => {
    const job = (await jobs.latestFor(target.email))!;
    const folders = await jobs.folders(job.id);
    expect(folders.map((f) => [f.source.normalize('NFC'), f.target])).toEqual(
      expect.arrayContaining([
        ['Đã gửi', 'Sent'],
        ['Thư nháp', 'Drafts'],
        ['Thùng rác', 'Trash'],
        ['Lưu trữ/2024', 'Archive/2024'],
        ['Công văn đến', 'Công văn đến'],
      ]),
    );
    expect(folders.every((f) => f.done)).toBe(true);
  });

  it('resumes a job stopped halfway (a crash, a restart) with exact totals and no duplicates', async () => {
    const second = freshMailbox('migr-resume');
    try {
      const job = await createJob(second.email, { oldUser: OLD_SERVER.users.small });
      const secrets = { oldPassword: OLD_SERVER.password, targetPassword: second.password };
      let batches = 0;
      await expect(
        runMigration(
          job,
          secrets,
          deps(async () => ++batches < 3),
        ),
      ).rejects.toBeInstanceOf(CopyStopped);
      const halfway = (await jobs.get(job.id))!;
      expect(halfway.copied + halfway.skipped).toBe(150);
      // The same job, picked up again (as another instance does once the lease lapses).
      expect(await runMigration(job, secrets, deps())).toEqual({ state: 'done' });
      const end = (await jobs.get(job.id))!;
      expect(end.copied).toBe(SMALL_UNIQUE);
      expect(end.copied + end.skipped).toBe(SMALL_TOTAL);
      const counts = await second.imap(folderCounts);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(SMALL_UNIQUE);
    } finally {
      second.remove();
    }
  }, 120_000);

  it('goes on after the old server drops the connection halfway, from where it stopped', async () => {
    const third = freshMailbox('migr-drop');
    const relay = await droppingRelay(110_000);
    try {
      const job = await createJob(third.email, {
        oldUser: OLD_SERVER.users.small,
        port: relay.port,
        security: 'none',
      });
      const secrets = { oldPassword: OLD_SERVER.password, targetPassword: third.password };
      // Without a retry the job stops with the code, and keeps what it copied.
      expect(await runMigration(job, secrets, deps())).toEqual({
        state: 'failed',
        error: 'migration_connection_lost',
      });
      expect(relay.drops).toBe(1);
      const cut = (await jobs.get(job.id))!;
      expect(cut.copied).toBeGreaterThan(0);
      expect(cut.copied).toBeLessThan(SMALL_UNIQUE);
      // Run again (the relay now lets the connection through): it finishes, totals exact.
      expect(await runMigration(job, secrets, deps())).toEqual({ state: 'done' });
      const end = (await jobs.get(job.id))!;
      expect(end.copied + end.skipped).toBe(SMALL_TOTAL);
      const counts = await third.imap(folderCounts);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(SMALL_UNIQUE);
    } finally {
      await relay.close();
      third.remove();
    }
  }, 60_000);
});
