import type { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProblemReport, ProblemReportList, ProblemReportReceipt } from '../../common/contract';
import { createReportStore } from '../console/problems/report-store';
import { REPORTS_PER_HOUR } from '../console/problems/submit-report';
import { consoleUser } from '../test-support/console-admin';
import { appendMessages, type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

type Client = Awaited<ReturnType<typeof logIn>>;

/** The newest message in INBOX whose subject contains `text`, parsed; waits for LMTP to land it. */
async function receivedBy(box: FreshMailbox, text: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const raw = await box.imap(async (client: ImapFlow) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const uids = (await client.search({ subject: text }, { uid: true })) || [];
        const last = uids.at(-1);
        if (!last) return null;
        const msg = await client.fetchOne(String(last), { source: true }, { uid: true });
        return msg ? msg.source : null;
      } finally {
        lock.release();
      }
    });
    if (raw) return simpleParser(raw);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`nothing with "${text}" reached ${box.email}`);
}

const folderSubjects = (box: FreshMailbox, folder: string) =>
  box.imap(async (client: ImapFlow) => {
    const lock = await client.getMailboxLock(folder);
    try {
      const out: string[] = [];
      for await (const m of client.fetch('1:*', { envelope: true })) out.push(m.envelope?.subject ?? '');
      return out;
    } catch {
      return [];
    } finally {
      lock.release();
    }
  });

describe('Đ13.7 problem reports', { timeout: 90_000 }, () => {
  let proxy: ProxyHarness;
  // The support mailbox is the test's own (SUPPORT_ADDRESS): the demo hotro@ inbox stays clean.
  const support = freshMailbox('hotro');
  const reporter = freshMailbox('phananh');
  let user: Client;
  let admin: Awaited<ReturnType<typeof consoleUser>>;

  beforeAll(async () => {
    proxy = await startProxy({ SUPPORT_ADDRESS: support.email });
    await reporter.imap((client) =>
      appendMessages(client, 'INBOX', [
        {
          subject: 'Thông báo trúng thưởng — nhận quà tri ân khách hàng',
          from: 'Ngân hàng giả mạo <khuyenmai@ngan-hang.example>',
          body: 'Bấm vào liên kết để nhận thưởng.',
        },
        {
          subject: 'Hóa đơn điện tử tháng 11',
          from: 'Kế toán <ketoan@hoa-don.example>',
          body: 'Mở tệp đính kèm.',
        },
      ]),
    );
    user = await logIn(proxy, reporter.email, reporter.password);
    admin = await consoleUser(proxy);
  });
  afterAll(async () => {
    await proxy?.close();
    admin?.remove();
    reporter.remove();
    support.remove();
  });

  it('sends a spam report to the support mailbox with the original attached, and moves it to Junk', async () => {
    const res = await user.post('/api/problem-reports', {
      kind: 'spam',
      mailbox: 'INBOX',
      uid: 1,
      note: 'Thư lừa đảo, giả danh ngân hàng.',
    });
    expect(res.statusCode).toBe(200);
    const receipt = res.json() as ProblemReportReceipt;
    expect(receipt).toMatchObject({ forwarded: true, movedToJunk: true });

    const mail = await receivedBy(support, reporter.email);
    expect(mail.subject).toBe(`[Phản ánh] Thư rác từ ${reporter.email}`);
    expect(mail.replyTo?.text).toBe(reporter.email);
    expect(mail.text).toContain('Thư lừa đảo, giả danh ngân hàng.');
    const attached = mail.attachments.find((a) => a.contentType === 'message/rfc822');
    expect(attached).toBeDefined();
    const original = await simpleParser(attached!.content);
    expect(original.subject).toBe('Thông báo trúng thưởng — nhận quà tri ân khách hàng');
    expect(original.from?.value[0]?.address).toBe('khuyenmai@ngan-hang.example');

    expect(await folderSubjects(reporter, 'INBOX')).toEqual(['Hóa đơn điện tử tháng 11']);
    expect(await folderSubjects(reporter, 'Junk')).toEqual([
      'Thông báo trúng thưởng — nhận quà tri ân khách hàng',
    ]);
  });

  it('leaves a virus report in place', async () => {
    const res = await user.post('/api/problem-reports', { kind: 'virus', mailbox: 'INBOX', uid: 2 });
    expect(res.json()).toMatchObject({ forwarded: true, movedToJunk: false });
    expect(await folderSubjects(reporter, 'INBOX')).toEqual(['Hóa đơn điện tử tháng 11']);
    const mail = await receivedBy(support, `Thư có vi-rút từ ${reporter.email}`);
    expect(mail.text).toContain('(không có ghi chú)');
  });

  it('takes a fault report with the page and the browser, and needs its note', async () => {
    const empty = await user.post('/api/problem-reports', { kind: 'fault', note: '  ' });
    expect(empty.statusCode).toBe(400);
    const res = await user.post('/api/problem-reports', {
      kind: 'fault',
      note: 'Không đính kèm được tệp PDF 20 MB.',
      page: '/thu/INBOX',
    });
    expect(res.json()).toMatchObject({ forwarded: true, movedToJunk: false });
    const mail = await receivedBy(support, `Báo lỗi từ ${reporter.email}`);
    expect(mail.text).toContain('Không đính kèm được tệp PDF 20 MB.');
    expect(mail.text).toContain('Trang đang xem: /thu/INBOX');
    expect(mail.text).toContain('Trình duyệt: lightMyRequest');
    expect(mail.attachments).toEqual([]);
  });

  it('refuses a message the user does not have', async () => {
    const res = await user.post('/api/problem-reports', { kind: 'suspicious', mailbox: 'INBOX', uid: 999 });
    expect(res.json().error.code).toBe('message_not_found');
  });

  it('puts the reports in the console queue, where an admin takes and closes them', async () => {
    const open = (await admin.client.get('/api/console/problems?status=open')).json() as ProblemReportList;
    const mine = open.reports.filter((r) => r.reporter === reporter.email);
    expect(mine.map((r) => r.kind).sort()).toEqual(['fault', 'spam', 'virus']);
    const spam = mine.find((r) => r.kind === 'spam')!;
    expect(spam).toMatchObject({
      subject: 'Thông báo trúng thưởng — nhận quà tri ân khách hàng',
      sender: 'Ngân hàng giả mạo <khuyenmai@ngan-hang.example>',
      note: 'Thư lừa đảo, giả danh ngân hàng.',
      forwarded: true,
      mailbox: 'INBOX',
      uid: 1,
    });
    const onlySpam = (await admin.client.get('/api/console/problems?kind=spam')).json() as ProblemReportList;
    expect(onlySpam.reports.every((r) => r.kind === 'spam')).toBe(true);

    const taken = await admin.client.post(`/api/console/problems/${spam.id}/status`, {
      status: 'in_progress',
    });
    expect(taken.json()).toMatchObject({ status: 'in_progress', handledBy: admin.email });
    const noReason = await admin.client.post(`/api/console/problems/${spam.id}/status`, { status: 'closed' });
    expect(noReason.statusCode).toBe(400);
    const closed = await admin.client.post(`/api/console/problems/${spam.id}/status`, {
      status: 'closed',
      resolution: 'Đã chặn tên miền ngan-hang.example trên máy chủ thư.',
    });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      resolution: 'Đã chặn tên miền ngan-hang.example trên máy chủ thư.',
    });
    const detail = (await admin.client.get(`/api/console/problems/${spam.id}`)).json() as ProblemReport;
    expect(detail.status).toBe('closed');
    expect((await admin.client.get('/api/console/problems/999999')).statusCode).toBe(404);

    // The user is not an admin: the queue is not theirs to read.
    expect((await user.get('/api/console/problems')).statusCode).toBe(403);
    const audit = (await proxy.ctx.audit.forAccount(reporter.email)).filter(
      (e) => e.action === 'problem_report',
    );
    expect(audit.some((e) => e.actor === admin.email && e.details?.op === 'closed')).toBe(true);
  });

  it(`stops at ${REPORTS_PER_HOUR} reports an hour per user`, async () => {
    const store = createReportStore(proxy.ctx.store.db);
    const made = (await store.list({})).filter((r) => r.reporter === reporter.email).length;
    for (let i = made; i < REPORTS_PER_HOUR; i++) {
      await store.create(
        {
          reporter: reporter.email,
          kind: 'fault',
          note: `lỗi ${i}`,
          mailbox: null,
          uid: null,
          messageId: null,
          subject: null,
          sender: null,
        },
        new Date(),
      );
    }
    const res = await user.post('/api/problem-reports', { kind: 'fault', note: 'Thêm một lỗi nữa' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({ code: 'too_many_reports', details: { minutes: 60 } });
  });
});
