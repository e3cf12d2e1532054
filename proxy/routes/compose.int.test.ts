import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { resetMailbox } from '../../scripts/seed/mailbox-reset';
import { fillMailbox } from '../test-support/fill-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';
import { messagesIn } from '../test-support/read-mailbox';

const MB = 1024 * 1024;
const sender = {
  email: 'guithu.sttt@binhphuoc.gov.vn',
  password: 'GuiThu#Hue2026',
  displayName: 'Lê Văn Gửi',
};
const receiver = {
  email: 'nhanthu.sttt@binhphuoc.gov.vn',
  password: 'NhanThu#Hue2026',
  displayName: 'Đỗ Thị Nhận',
};
const full = { email: 'daydu.sttt@binhphuoc.gov.vn', password: 'DayDu#Hue2026', displayName: 'Hộp Đầy' };

type Client = Awaited<ReturnType<typeof logIn>>;

function multipart(filename: string, bytes: Buffer) {
  const boundary = `----bp${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(
  proxy: ProxyHarness,
  client: Client,
  composeId: string,
  filename: string,
  bytes: Buffer,
) {
  const { body, type } = multipart(filename, bytes);
  return proxy.app.inject({
    method: 'POST',
    url: `/api/uploads?composeId=${composeId}`,
    headers: {
      host: '127.0.0.1:8080',
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      'content-type': type,
    },
    payload: body,
  });
}

describe('writing and sending through the real submission endpoint', () => {
  let proxy: ProxyHarness;
  let client: Client;

  beforeAll(async () => {
    for (const a of [sender, receiver, full]) {
      upsertMailUser({
        ...a,
        quotaBytes: a === full ? MB : 2 * 1024 * MB,
        suspendReason: null,
        unitName: 'Sở Thông tin và Truyền thông',
      });
      resetMailbox(a.email);
    }
    proxy = await startProxy({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    await proxy.ctx.directory.replaceFromProvider(await proxy.ctx.passwordDriver.listAccounts());
    client = await logIn(proxy, sender.email, sender.password);
  });
  afterAll(async () => {
    await proxy.close();
    for (const a of [sender, receiver, full]) removeMailUser(a.email);
  });

  it('sends HTML with a text alternative and a Vietnamese-named attachment; Sent keeps a copy, nothing twice', async () => {
    const composeId = randomUUID();
    const pdf = Buffer.alloc(300 * 1024, 7);
    const up = await upload(proxy, client, composeId, 'C:\\Văn bản\\Công văn 125 – chuyển đổi số.pdf', pdf);
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ filename: 'Công văn 125 – chuyển đổi số.pdf', size: pdf.length });

    const message = {
      composeId,
      to: [{ name: receiver.displayName, address: receiver.email }],
      subject: 'Công văn 125 về chuyển đổi số',
      html: '<p>Kính gửi <strong>chị Nhận</strong>,</p><ul><li>Mục 1</li></ul><script>alert(1)</script><img src="http://tracker.example/x.png">',
      text: '',
      attachments: [up.json().id],
    };
    const res = await client.post('/api/send', message);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ recipients: 1, sentCopySaved: true, refused: [] });

    // The same compose window sending again (a retry after a lost answer) sends nothing new.
    const again = await client.post('/api/send', message);
    expect(again.json().messageId).toBe(result.messageId);

    await expect.poll(async () => (await messagesIn(receiver, 'INBOX')).length, { timeout: 10_000 }).toBe(1);
    const [got] = await messagesIn(receiver, 'INBOX');
    const parsed = got!.parsed;
    expect(parsed.subject).toBe('Công văn 125 về chuyển đổi số');
    expect(parsed.from?.value[0]).toEqual({ name: sender.displayName, address: sender.email });
    expect(parsed.messageId).toBe(result.messageId);
    expect(parsed.html).toContain('<strong>chị Nhận</strong>');
    expect(parsed.html).not.toContain('script');
    expect(parsed.html).not.toContain('tracker.example');
    expect(parsed.text).toContain('Kính gửi chị Nhận');
    expect(parsed.attachments.map((a) => [a.filename, a.size])).toEqual([
      ['Công văn 125 – chuyển đổi số.pdf', pdf.length],
    ]);

    const sent = await messagesIn(sender, 'Sent');
    expect(sent.map((m) => m.parsed.messageId)).toEqual([result.messageId]);
    expect(sent[0]!.flags?.has('\\Seen')).toBe(true);

    const audit = (await proxy.ctx.audit.forAccount(sender.email)).find((e) => e.action === 'send');
    expect(audit).toMatchObject({ outcome: 'ok', details: { messageId: result.messageId, recipients: 1 } });
    expect(JSON.stringify(audit)).not.toContain('chị Nhận');
  });

  it('caps attachments at 20 MB per message, streamed: 19 MB goes, 2 MB more is refused and the first stays', async () => {
    const composeId = randomUUID();
    expect((await upload(proxy, client, composeId, 'bao-cao.pdf', Buffer.alloc(19 * MB, 1))).statusCode).toBe(
      201,
    );
    const over = await upload(proxy, client, composeId, 'phu-luc.pdf', Buffer.alloc(2 * MB, 2));
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toMatchObject({
      code: 'attachment_too_large',
      details: { limit: '20 MB', total: '19 MB' },
    });
    expect((await proxy.ctx.uploads.list(sender.email, composeId)).map((a) => a.filename)).toEqual([
      'bao-cao.pdf',
    ]);
    const single = await upload(proxy, client, randomUUID(), 'qua-lon.pdf', Buffer.alloc(21 * MB, 3));
    expect(single.statusCode).toBe(413);
    const refusals = (await proxy.ctx.audit.forAccount(sender.email)).filter(
      (e) => e.action === 'policy_refusal',
    );
    expect(refusals.map((e) => e.outcome)).toEqual(['attachment_too_large', 'attachment_too_large']);
  });

  it('refuses header injection from any field with a validation error', async () => {
    const base = { composeId: randomUUID(), to: [{ address: receiver.email }], html: null, text: 'x' };
    for (const bad of [
      { ...base, subject: 'Chào\r\nBcc: victim@example.com' },
      { ...base, to: [{ address: `${receiver.email}\r\nBcc: victim@example.com` }] },
      { ...base, to: [{ name: 'A\nB', address: receiver.email }] },
      { ...base, inReplyTo: '<a@b>\r\nX-Evil: 1' },
    ]) {
      const res = await client.post('/api/send', bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('keeps one draft per compose window, restores it with Bcc and attachments, and removes it once sent', async () => {
    const composeId = randomUUID();
    const up = await upload(proxy, client, composeId, 'Kế hoạch.docx', Buffer.from('noi dung'));
    const draft = {
      composeId,
      to: [{ address: receiver.email }],
      bcc: [{ address: 'sttt@binhphuoc.gov.vn' }],
      subject: 'Nháp: kế hoạch năm 2027',
      html: '<p>Bản nháp</p>',
      text: '',
      attachments: [up.json().id],
    };
    const first = (await client.post('/api/drafts', draft)).json();
    const second = (
      await client.post('/api/drafts', { ...draft, draftUid: first.draftUid, html: '<p>Bản nháp 2</p>' })
    ).json();
    expect(second.draftUid).not.toBe(first.draftUid);
    const drafts = await messagesIn(sender, 'Drafts');
    expect(drafts.map((d) => d.uid)).toEqual([second.draftUid]);

    const reopened = await client.get(
      `/api/compose/prefill?mode=draft&mailbox=Drafts&uid=${second.draftUid}&composeId=${randomUUID()}`,
    );
    expect(reopened.json()).toMatchObject({
      to: [{ address: receiver.email }],
      bcc: [{ address: 'sttt@binhphuoc.gov.vn' }],
      subject: 'Nháp: kế hoạch năm 2027',
      draftUid: second.draftUid,
      attachments: [{ filename: 'Kế hoạch.docx', size: 8 }],
    });
    expect(reopened.json().html).toContain('Bản nháp 2');

    const sent = await client.post('/api/send', { ...draft, draftUid: second.draftUid });
    expect(sent.statusCode).toBe(200);
    expect(await messagesIn(sender, 'Drafts')).toEqual([]);
  });

  it('discards a window: its draft leaves Drafts for good and its uploads are gone', async () => {
    const composeId = randomUUID();
    const up = await upload(proxy, client, composeId, 'Bỏ đi.txt', Buffer.from('khong gui'));
    const draft = {
      composeId,
      to: [{ address: receiver.email }],
      subject: 'Nháp sẽ bỏ',
      html: '<p>Không gửi nữa</p>',
      text: '',
      attachments: [up.json().id],
    };
    const saved = (await client.post('/api/drafts', draft)).json();
    expect((await messagesIn(sender, 'Drafts')).map((d) => d.uid)).toContain(saved.draftUid);
    const trashBefore = (await messagesIn(sender, 'Trash')).length;

    const discarded = await client.delete(`/api/drafts?composeId=${composeId}&draftUid=${saved.draftUid}`);
    expect(discarded.statusCode).toBe(204);
    expect((await messagesIn(sender, 'Drafts')).map((d) => d.uid)).not.toContain(saved.draftUid);
    expect((await messagesIn(sender, 'Trash')).length).toBe(trashBefore);
    // The upload went with it: the same window id can no longer send it.
    const again = await client.post('/api/drafts', draft);
    expect(again.json().error.code).toBe('upload_not_found');
  });

  it('replies once-prefixed with thread headers and the quoted original; forwards with the attachments', async () => {
    const [original] = await messagesIn(receiver, 'INBOX');
    const rc = await logIn(proxy, receiver.email, receiver.password);
    const reply = (
      await rc.get(
        `/api/compose/prefill?mode=replyAll&mailbox=INBOX&uid=${original!.uid}&composeId=${randomUUID()}`,
      )
    ).json();
    expect(reply.subject).toBe('Re: Công văn 125 về chuyển đổi số');
    expect(reply.to).toEqual([{ name: sender.displayName, address: sender.email }]);
    expect(reply.inReplyTo).toBe(original!.parsed.messageId);
    expect(reply.references).toEqual([original!.parsed.messageId]);
    expect(reply.html).toContain('<blockquote type="cite">');
    expect(reply.html).toContain('Lê Văn Gửi');
    expect(reply.text).toContain('> Kính gửi chị Nhận');

    const forward = (
      await rc.get(
        `/api/compose/prefill?mode=forward&mailbox=INBOX&uid=${original!.uid}&composeId=${randomUUID()}`,
      )
    ).json();
    expect(forward.subject).toBe('Fwd: Công văn 125 về chuyển đổi số');
    expect(forward.attachments).toMatchObject([
      { filename: 'Công văn 125 – chuyển đổi số.pdf', size: 300 * 1024 },
    ]);
  });

  it('tells a user whose sending is locked why (Đ5.3b), and sends again once unlocked', async () => {
    await proxy.ctx.accounts.setSendingLock(sender.email, 'Vi phạm Điều 5 của Quy chế');
    const message = {
      composeId: randomUUID(),
      to: [{ address: receiver.email }],
      subject: 'x',
      html: null,
      text: 'x',
    };
    const res = await client.post('/api/send', message);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'sending_locked',
      details: { reason: 'Vi phạm Điều 5 của Quy chế' },
    });
    await proxy.ctx.accounts.setSendingLock(sender.email, null);
    expect((await client.post('/api/send', message)).statusCode).toBe(200);
  });

  it('completes address entry from the directory without diacritics, then from people written to', async () => {
    const fromDirectory = (await client.get(`/api/contacts?q=${encodeURIComponent('hop day')}`)).json();
    expect(fromDirectory.contacts).toEqual([
      { address: full.email, name: 'Hộp Đầy', unit: 'Sở Thông tin và Truyền thông', source: 'directory' },
    ]);
    await client.post('/api/send', {
      composeId: randomUUID(),
      to: [{ name: receiver.displayName, address: receiver.email }],
      subject: 'Chào chị',
      html: null,
      text: 'Chào chị',
    });
    const recent = (await client.get(`/api/contacts?q=${encodeURIComponent('DO THI NHAN')}`)).json();
    expect(recent.contacts[0]).toMatchObject({
      address: receiver.email,
      name: 'Đỗ Thị Nhận',
      source: 'recent',
    });
  });

  it('sends from a full mailbox and says the copy in Sent could not be kept (Đ7.2c)', async () => {
    await fillMailbox(full.email, Math.round(0.995 * MB));
    const fc = await logIn(proxy, full.email, full.password);
    const res = await fc.post('/api/send', {
      composeId: randomUUID(),
      to: [{ address: receiver.email }],
      subject: 'Gửi từ hộp thư đầy',
      html: null,
      text: 'Nội dung '.repeat(20_000),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sentCopySaved: false });
    await expect
      .poll(
        async () =>
          (await messagesIn(receiver, 'INBOX')).some((m) => m.parsed.subject === 'Gửi từ hộp thư đầy'),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
  });
});

describe('a submission server that does not answer', () => {
  let proxy: ProxyHarness;
  const user = { email: 'matmang.sttt@binhphuoc.gov.vn', password: 'MatMang#Hue2026' };

  beforeAll(async () => {
    upsertMailUser({ ...user, quotaBytes: 2 * 1024 * MB, suspendReason: null });
    resetMailbox(user.email);
    proxy = await startProxy({ SMTP_PORT: '1' });
  });
  afterAll(async () => {
    await proxy.close();
    removeMailUser(user.email);
  });

  it('fails with send_failed, keeps the message as a draft, and lets the same compose window retry', async () => {
    const client = await logIn(proxy, user.email, user.password);
    const message = {
      composeId: randomUUID(),
      to: [{ address: receiver.email }],
      subject: 'Báo cáo tháng 11',
      html: '<p>Nội dung quan trọng</p>',
      text: '',
    };
    const res = await client.post('/api/send', message);
    expect(res.statusCode).toBe(502);
    const { error } = res.json();
    expect(error.code).toBe('send_failed');
    expect(error.message).toContain('Thư nháp');
    const drafts = await messagesIn(user, 'Drafts');
    expect(drafts.map((d) => [d.uid, d.parsed.subject])).toEqual([
      [error.details.draftUid, 'Báo cáo tháng 11'],
    ]);
    // Not "already sending": a failed try frees the key for the retry.
    expect((await client.post('/api/send', message)).json().error.code).toBe('send_failed');
  });
});
