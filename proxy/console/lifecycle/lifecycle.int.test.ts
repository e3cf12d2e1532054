import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  LifecycleAccountStatus,
  LifecycleRun,
  LifecycleToday,
  UnitRequestView,
} from '../../../common/contract';
import { firstDayAfterMonths, startOfVietnamDay, vietnamDateOf } from '../../../common/policy/vietnam-date';
import { deliverViaLmtp } from '../../../scripts/seed/lmtp-delivery';
import { consoleUser } from '../../test-support/console-admin';
import { appendMessages, type FreshMailbox, freshMailbox } from '../../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../../test-support/proxy-harness';
import { runLifecycleJob } from './lifecycle-job';

const HOUR = 3_600_000;
const ddmmyyyy = (day: string) => day.split('-').reverse().join('/');
const SUBJECTS = [
  'Giấy mời họp giao ban tháng 12',
  'Công văn số 125/STTTT-CNTT về chuyển đổi số',
  'Báo cáo quý IV',
];

function lmtpMessage(to: string, subject: string, i: number) {
  const raw = [
    'From: Văn thư <vanthu@binhphuoc.gov.vn>',
    `To: ${to}`,
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Message-ID: <lc-${i}-${randomUUID()}@test>`,
    `Date: ${new Date(Date.UTC(2026, 10, 2, 8, i)).toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Kính gửi anh/chị,\nFrom the office: nội dung thư số ${i}.`,
    '',
  ].join('\r\n');
  return { from: 'vanthu@binhphuoc.gov.vn', to: [to], raw: Buffer.from(raw) };
}

/** Every message of a gzipped mbox archive, parsed, with the folder it came from. */
async function readArchive(file: string) {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const entries = text.split(/^From MAILER-DAEMON .*\n/m).filter((e) => e.length > 0);
  return Promise.all(
    entries.map(async (e) => {
      const folder = /^X-Folder: (.*)$/m.exec(e)?.[1];
      const mail = await simpleParser(e.replace(/^>(>*From )/gm, '$1'));
      return { folder, subject: mail.subject, text: mail.text ?? '' };
    }),
  );
}

describe('lifecycle on schedule (Đ5.3b, Đ6.2a, Đ6.3) against the real stack', { timeout: 120_000 }, () => {
  let proxy: ProxyHarness;
  let admin: Awaited<ReturnType<typeof consoleUser>>;
  const boxes: FreshMailbox[] = [];
  const box = (prefix: string) => {
    const b = freshMailbox(prefix);
    boxes.push(b);
    return b;
  };
  const actor = { name: 'system:lifecycle-job' };

  beforeAll(async () => {
    proxy = await startProxy();
    admin = await consoleUser(proxy);
    // The admin's own mailbox must not be caught by the inactivity rule when the clock jumps.
    await proxy.ctx.accounts.setProfile(admin.email, {
      inactivityExemption: { reason: 'Quản trị', until: null },
    });
    await proxy.ctx.units.create({
      code: 'sttt',
      name: 'Sở Thông tin và Truyền thông',
      parentCode: null,
      level: 'department',
      mailbox: null,
      website: null,
    });
  });
  afterAll(async () => {
    await proxy?.close();
    admin?.remove();
    for (const b of boxes) b.remove();
  });

  it('staff leaving today: sending locked at once; six months and a day later exported, then revoked', async () => {
    const leaver = box('nghiviec');
    await deliverViaLmtp(SUBJECTS.map((s, i) => lmtpMessage(leaver.email, s, i)));
    await leaver.imap((c) => c.mailboxCreate('Công văn đến'));
    await leaver.imap((c) =>
      appendMessages(c, 'Công văn đến', [{ subject: 'Quyết định 1956/QĐ-UBND – quy chế thư điện tử' }]),
    );
    const user = await logIn(proxy, leaver.email, leaver.password);
    const today = vietnamDateOf(new Date());

    const bad = await admin.client.post(`/api/console/lifecycle/accounts/${leaver.email}/departure`, {
      on: '31/02/2026',
      level: 'staff',
      reason: 'resigned',
    });
    expect(bad.json().error.code).toBe('departure_invalid');
    const ok = await admin.client.post(`/api/console/lifecycle/accounts/${leaver.email}/departure`, {
      on: ddmmyyyy(today),
      level: 'staff',
      reason: 'resigned',
    });
    expect(ok.statusCode).toBe(200);

    // What happens today, before it happens: listed, and a dry run changes nothing.
    const dueToday = (await admin.client.get('/api/console/lifecycle/today')).json() as LifecycleToday;
    expect(dueToday.actions.filter((a) => a.email === leaver.email)).toMatchObject([
      { kind: 'lock_sending', rule: 'Đ5.3b', dueOn: today },
    ]);
    const dry = (
      await admin.client.post('/api/console/lifecycle/run', { dryRun: true })
    ).json() as LifecycleRun;
    expect(dry.actions.find((a) => a.email === leaver.email)?.outcome).toBe('would_do');
    expect((await proxy.ctx.accounts.get(leaver.email))?.sendingLockedReason).toBeNull();

    const run = await runLifecycleJob(proxy.ctx, { now: new Date(), dryRun: false, actor });
    expect(run.actions.filter((a) => a.email === leaver.email).map((a) => a.outcome)).toEqual(['ok']);
    const send = await user.post('/api/send', {
      composeId: randomUUID(),
      to: [{ name: '', address: admin.email }],
      subject: 'Bàn giao công việc',
      html: '<p>Bàn giao</p>',
      text: '',
      attachments: [],
    });
    expect(send.statusCode).toBe(403);
    expect(send.json().error.code).toBe('sending_locked');
    expect(send.json().error.details.reason).toContain('điểm b khoản 3 Điều 5');

    // The upcoming schedule says when the export and the revocation will come.
    const status = (
      await admin.client.get(`/api/console/lifecycle/accounts/${leaver.email}`)
    ).json() as LifecycleAccountStatus;
    const revokeOn = firstDayAfterMonths(today, 6);
    expect(status.schedule.map((e) => [e.kind, e.dueOn])).toEqual([
      ['export', expect.any(String)],
      ['revoke', revokeOn],
    ]);

    const later = new Date(startOfVietnamDay(revokeOn).getTime() + 2 * HOUR);
    const before = await runLifecycleJob(proxy.ctx, {
      now: new Date(later.getTime() - 24 * HOUR),
      dryRun: true,
      actor,
    });
    expect(before.actions.filter((a) => a.email === leaver.email).map((a) => a.kind)).toEqual(['export']);
    const final = await runLifecycleJob(proxy.ctx, { now: later, dryRun: false, actor });
    expect(final.actions.filter((a) => a.email === leaver.email).map((a) => [a.kind, a.outcome])).toEqual([
      ['export', 'ok'],
      ['revoke', 'ok'],
    ]);

    const record = (await proxy.ctx.accounts.get(leaver.email))!;
    expect(record.state).toBe('revoked');
    const file = path.join(proxy.ctx.config.exportsDir, record.exportFile!);
    expect(existsSync(file)).toBe(true);
    const archive = await readArchive(file);
    expect(archive.map((m) => m.subject).sort()).toEqual(
      [...SUBJECTS, 'Quyết định 1956/QĐ-UBND – quy chế thư điện tử'].sort(),
    );
    expect(archive.find((m) => m.subject === 'Quyết định 1956/QĐ-UBND – quy chế thư điện tử')?.folder).toBe(
      'Công văn đến',
    );
    // mboxrd quoting undone: the body line starting with "From " is back as written.
    expect(archive.find((m) => m.subject === SUBJECTS[0])?.text).toContain(
      'From the office: nội dung thư số 0.',
    );
    const audit = (await proxy.ctx.audit.forAccount(leaver.email)).find((e) => e.action === 'mailbox_export');
    expect(audit?.details).toMatchObject({ messages: 4, folders: expect.any(Number) });

    const download = await admin.client.get(`/api/console/lifecycle/accounts/${leaver.email}/export`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="?[^"]*\.mbox\.gz"?$/);
    expect(download.rawPayload.length).toBe(readFileSync(file).length);

    const login = await proxy.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080', 'x-csrf-token': 'login' },
      payload: { email: leaver.email, password: leaver.password },
    });
    expect(login.json().error.code).toBe('account_revoked');
  });

  it('a head of department keeps sending for a month after the official date', async () => {
    const head = box('giamdoc');
    await proxy.ctx.accounts.ensure(head.email);
    const today = vietnamDateOf(new Date());
    await admin.client.post(`/api/console/lifecycle/accounts/${head.email}/departure`, {
      on: today,
      level: 'head',
      reason: 'retired',
    });
    const lockOn = firstDayAfterMonths(today, 1);
    const dayBefore = new Date(startOfVietnamDay(lockOn).getTime() - HOUR);
    const early = await runLifecycleJob(proxy.ctx, { now: dayBefore, dryRun: false, actor });
    expect(early.actions.filter((a) => a.email === head.email)).toEqual([]);
    expect((await proxy.ctx.accounts.get(head.email))?.sendingLockedReason).toBeNull();
    const onTime = await runLifecycleJob(proxy.ctx, {
      now: new Date(startOfVietnamDay(lockOn).getTime() + HOUR),
      dryRun: false,
      actor,
    });
    expect(onTime.actions.filter((a) => a.email === head.email).map((a) => [a.kind, a.outcome])).toEqual([
      ['lock_sending', 'ok'],
    ]);
    expect((await proxy.ctx.accounts.get(head.email))?.sendingLockedReason).toContain('nghỉ hưu');
  });

  let quiet: FreshMailbox;

  it('suspends a mailbox with no log-in for six months, unless a reason was recorded', async () => {
    quiet = box('imlang');
    const excused = box('dihoc');
    const sevenMonthsAgo = Date.now() - 212 * 24 * HOUR;
    for (const b of [quiet, excused]) {
      await proxy.ctx.accounts.ensure(b.email);
      await proxy.ctx.store.db
        .updateTable('accounts')
        .set({ created_at: sevenMonthsAgo, last_login_at: sevenMonthsAgo })
        .where('email', '=', b.email)
        .execute();
    }
    const exempt = await admin.client.post(`/api/console/lifecycle/accounts/${excused.email}/exemption`, {
      reason: 'Đi học thạc sĩ ở nước ngoài',
      until: null,
    });
    expect(exempt.statusCode).toBe(200);

    const run = await runLifecycleJob(proxy.ctx, { now: new Date(), dryRun: false, actor });
    const mine = run.actions.filter((a) => [quiet.email, excused.email].includes(a.email));
    expect(mine.map((a) => [a.email, a.kind, a.rule, a.outcome])).toEqual([
      [quiet.email, 'suspend_inactive', 'Đ6.2a', 'ok'],
    ]);
    const refused = await logIn(proxy, quiet.email, quiet.password).catch((e: Error) => e.message);
    expect(String(refused)).toContain('account_suspended');
    await expect(logIn(proxy, excused.email, excused.password)).resolves.toBeDefined();
  });

  it('restores on a recorded request: verify, reactivate, temporary password to change at first log-in', async () => {
    const noDoc = await admin.client.post('/api/console/requests', {
      unitCode: 'sttt',
      kind: 'restore',
      documentNumber: '  ',
      subjectEmail: quiet.email,
    });
    expect(noDoc.json().error.code).toBe('document_number_required');
    const request = (
      await admin.client.post('/api/console/requests', {
        unitCode: 'sttt',
        kind: 'restore',
        documentNumber: '125/STTTT-VP',
        documentDate: '01/12/2026',
        subjectEmail: quiet.email,
        note: 'Đi công tác dài ngày, đã trở lại',
      })
    ).json() as UnitRequestView;
    expect(request).toMatchObject({ status: 'open', documentDate: '2026-12-01' });

    const early = await admin.client.post(`/api/console/lifecycle/accounts/${admin.email}/restore`, {});
    expect(early.json().error.code).toBe('account_state_invalid');

    const recorded = await admin.client.post(
      `/api/console/lifecycle/accounts/${quiet.email}/restore-request`,
      {
        requestId: request.id,
      },
    );
    expect(recorded.json().deadlineOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const today = (await admin.client.get('/api/console/lifecycle/today')).json() as LifecycleToday;
    expect(today.actions.find((a) => a.email === quiet.email)).toMatchObject({
      kind: 'review_restore',
      automatic: false,
      deadlineOn: recorded.json().deadlineOn,
    });

    const restored = await admin.client.post(`/api/console/lifecycle/accounts/${quiet.email}/restore`, {
      requestId: request.id,
    });
    expect(restored.statusCode).toBe(200);
    const { temporaryPassword } = restored.json() as { temporaryPassword: string };
    expect(temporaryPassword).not.toBe(quiet.password);
    const user = await logIn(proxy, quiet.email, temporaryPassword);
    const mailboxes = await user.get('/api/mailboxes');
    expect(mailboxes.json().error.code).toBe('password_change_required');
    expect((await proxy.ctx.accounts.get(quiet.email))?.restoreRequestedAt).toBeNull();

    const done = (await admin.client.get('/api/console/requests?status=done')).json() as {
      requests: UnitRequestView[];
    };
    expect(done.requests.find((r) => r.id === request.id)?.outcome).toBe(`restore ${quiet.email}`);
  });

  it('lets a unit manager read only their units, and act on nothing', async () => {
    const manager = await consoleUser(proxy, { role: 'unit_manager', unitCode: 'sttt', prefix: 'qldonvi' });
    try {
      const list = (await manager.client.get('/api/console/requests')).json() as {
        requests: UnitRequestView[];
      };
      expect(list.requests.every((r) => r.unitCode === 'sttt')).toBe(true);
      expect((await manager.client.post('/api/console/lifecycle/run', { dryRun: true })).statusCode).toBe(
        403,
      );
      const suspend = await manager.client.post(`/api/console/lifecycle/accounts/${admin.email}/suspend`, {
        reason: 'compromised',
        note: 'x',
      });
      expect(suspend.statusCode).toBe(403);
    } finally {
      manager.remove();
    }
  });

  it('refuses a suspension without a ground or a note', async () => {
    const target = box('tamkhoa');
    await proxy.ctx.accounts.ensure(target.email);
    const url = `/api/console/lifecycle/accounts/${target.email}/suspend`;
    expect((await admin.client.post(url, { reason: 'lazy' })).json().error.code).toBe(
      'suspension_reason_unknown',
    );
    expect((await admin.client.post(url, { reason: 'compromised' })).json().error.code).toBe(
      'suspension_note_required',
    );
    const ok = await admin.client.post(url, { reason: 'compromised', note: 'Cảnh báo của VNCERT số 12' });
    expect(ok.statusCode).toBe(200);
    expect((await proxy.ctx.accounts.get(target.email))?.state).toBe('suspended');
  });
});
