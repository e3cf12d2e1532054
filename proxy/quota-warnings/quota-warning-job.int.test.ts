import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { mailStackPorts } from '../../scripts/mailstack/paths';
import { mailStackProxyEnv } from '../../scripts/mailstack/proxy-env';
import { resetMailbox } from '../../scripts/seed/mailbox-reset';
import { createAuditLog } from '../audit/audit-log';
import { loadConfig } from '../config';
import { openStore, type Store } from '../store/open-store';
import { fillMailbox } from '../test-support/fill-mailbox';
import { createQuotaWarningJob, type QuotaWarningJob } from './quota-warning-job';

const MB = 1024 * 1024;
const DAY = 86_400_000;

/**
 * Fresh 1 MB mailboxes of this file's own: quota1m.sttt belongs to the quota route's test. The job
 * sees every mailbox of the stack, so the assertions look only at these two.
 */
const nearlyFull = { email: 'canhbaodl.sttt@binhphuoc.gov.vn', password: 'CanhBao#Hue2026' };
const roomy = { email: 'conchotrong.sttt@binhphuoc.gov.vn', password: 'ConCho#Hue2026' };

interface WarningSeen {
  subject: string;
  autoSubmitted: string;
}

/** The system's messages in INBOX, read over IMAP as the account's owner would. */
async function warningsIn(
  account: { email: string; password: string },
  sender: string,
): Promise<WarningSeen[]> {
  const client = new ImapFlow({
    host: mailStackPorts.host,
    port: mailStackPorts.imap,
    secure: false,
    auth: { user: account.email, pass: account.password },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  const seen: WarningSeen[] = [];
  try {
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true });
    if (mailbox.exists === 0) return seen;
    for await (const m of client.fetch('1:*', { envelope: true, headers: ['auto-submitted'] })) {
      if (m.envelope?.from?.[0]?.address !== sender) continue;
      seen.push({ subject: m.envelope.subject ?? '', autoSubmitted: m.headers?.toString().trim() ?? '' });
    }
  } finally {
    await client.logout();
  }
  return seen;
}

describe('quota warning job: into the mailbox, from the system, for accounts that never log in (Đ7.2c)', () => {
  let dataDir: string;
  let store: Store;
  let job: QuotaWarningJob;
  let clock = Date.now();
  const config = loadConfig(mailStackProxyEnv());
  const sender = config.org.systemSender;
  const audit = () => createAuditLog(store.db).forAccount(nearlyFull.email);
  const sentRows = () =>
    store.db
      .selectFrom('quota_warnings')
      .select(['level', 'percent'])
      .where('email', '=', nearlyFull.email)
      .orderBy('sent_at')
      .execute();

  beforeAll(async () => {
    for (const account of [nearlyFull, roomy]) {
      upsertMailUser({ ...account, quotaBytes: MB, suspendReason: null });
    }
    dataDir = mkdtempSync(path.join(tmpdir(), 'bp-quota-warnings-'));
    store = await openStore({ dataDir });
    const now = () => new Date(clock);
    job = createQuotaWarningJob(
      { config, db: store.db, audit: createAuditLog(store.db, now), log: pino({ level: 'silent' }) },
      now,
    );
    await fillMailbox(nearlyFull.email, 0.82 * MB);
    await fillMailbox(roomy.email, 0.5 * MB);
  });

  afterAll(async () => {
    await store?.close();
    for (const account of [nearlyFull, roomy]) {
      resetMailbox(account.email);
      removeMailUser(account.email);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers a Vietnamese warning into INBOX at 80 % of a 1 MB test quota', async () => {
    const result = await job.runOnce();
    expect(result.checked).toBeGreaterThanOrEqual(2);
    expect(result.sent).toBeGreaterThanOrEqual(1);

    const warnings = await warningsIn(nearlyFull, sender);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.subject).toMatch(/^Cảnh báo: hộp thư đã dùng 8\d% dung lượng$/);
    expect(warnings[0]?.autoSubmitted).toBe('Auto-Submitted: auto-generated');
    expect(await sentRows()).toEqual([{ level: 'notice', percent: expect.any(Number) }]);
    expect((await audit())[0]).toMatchObject({
      actor: 'system',
      action: 'quota_warning',
      outcome: 'ok',
      details: { level: 'notice', percent: expect.any(Number) },
    });
  });

  it('does not repeat the same level within 7 days', async () => {
    clock += 2 * 3_600_000;
    await job.runOnce();
    expect(await warningsIn(nearlyFull, sender)).toHaveLength(1);
    expect(await sentRows()).toHaveLength(1);
  });

  it('repeats it once 7 days have passed', async () => {
    clock += 8 * DAY;
    await job.runOnce();
    expect(await warningsIn(nearlyFull, sender)).toHaveLength(2);
    expect(await sentRows()).toHaveLength(2);
  });

  it('warns again within the 7 days when the mailbox crosses a higher level (90 %)', async () => {
    clock += DAY;
    await fillMailbox(nearlyFull.email, 0.91 * MB); // empties the mailbox first
    await job.runOnce();
    const warnings = await warningsIn(nearlyFull, sender);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.subject).toMatch(/^Cảnh báo: hộp thư sắp đầy, đã dùng 9\d% dung lượng$/);
    expect((await sentRows()).at(-1)).toEqual({ level: 'warning', percent: expect.any(Number) });
  });

  it('never runs twice at once: a call during a run joins it', async () => {
    const first = job.runOnce();
    expect(job.runOnce()).toBe(first);
    await first;
  });

  it('leaves a mailbox under 80 % alone', async () => {
    expect(await warningsIn(roomy, sender)).toEqual([]);
    const counted = await store.db
      .selectFrom('quota_warnings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', roomy.email)
      .executeTakeFirstOrThrow();
    expect({ n: Number(counted.n) }).toEqual({
      n: 0,
    });
  });

  it('records a warning refused by a completely full mailbox as failed, and tries again next run', async () => {
    clock += DAY;
    // Dovecot's 10 % grace lets one message take the mailbox past its limit; then LMTP refuses.
    await fillMailbox(nearlyFull.email, 1.05 * MB);
    const first = await job.runOnce();
    expect(first.failed).toBeGreaterThanOrEqual(1);
    expect((await audit())[0]).toMatchObject({
      action: 'quota_warning',
      outcome: 'mailbox_full',
      details: { level: 'critical' },
    });
    expect((await sentRows()).some((r) => (r as { level: string }).level === 'critical')).toBe(false);

    clock += 3_600_000;
    const second = await job.runOnce();
    expect(second.failed).toBeGreaterThanOrEqual(1);
    expect((await audit()).filter((e) => e.outcome === 'mailbox_full')).toHaveLength(2);
    expect(await warningsIn(nearlyFull, sender)).toEqual([]);
  });
});
