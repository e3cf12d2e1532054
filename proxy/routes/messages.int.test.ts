import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxList, MessageDetail, MessagePage, MessageRow } from '../../common/contract';
import { logIn, mbox, type ProxyHarness, startProxy, thanh } from '../test-support/proxy-harness';

/** Reads the demo mailbox seeded by scripts/seed (npm test seeds it before this runs). */
describe('reading mail through the proxy, from the real Dovecot', () => {
  let proxy: ProxyHarness;
  let client: Awaited<ReturnType<typeof logIn>>;
  let inbox: MessageRow[];

  const find = (pred: (m: MessageRow) => boolean) => {
    const row = inbox.find(pred);
    if (!row) throw new Error('seeded message not found');
    return row;
  };

  beforeAll(async () => {
    proxy = await startProxy();
    client = await logIn(proxy, thanh().email, thanh().password);
    const res = await client.get('/api/mailboxes/INBOX/messages?limit=200');
    inbox = (res.json() as MessagePage).messages;
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('lists folders: special-use with Vietnamese names, user folders decoded from modified UTF-7', async () => {
    const res = await client.get('/api/mailboxes');
    expect(res.statusCode).toBe(200);
    const { mailboxes } = res.json() as MailboxList;
    const byUse = Object.fromEntries(
      mailboxes.filter((b) => b.specialUse).map((b) => [b.specialUse, b.displayName]),
    );
    expect(byUse).toEqual({
      inbox: 'Hộp thư đến',
      drafts: 'Thư nháp',
      sent: 'Thư đã gửi',
      trash: 'Thùng rác',
      junk: 'Thư rác',
      archive: 'Lưu trữ',
    });
    expect(mailboxes[0]!.path).toBe('INBOX');
    const project = mailboxes.find((b) => b.path === 'Dự án/Chuyển đổi số');
    expect(project).toMatchObject({ displayName: 'Chuyển đổi số', parent: 'Dự án', specialUse: null });
    const incoming = mailboxes.find((b) => b.path === 'Công văn đến')!;
    expect(incoming.total).toBeGreaterThan(0);
    const inboxBox = mailboxes[0]!;
    expect(inboxBox.unread).toBe(inbox.filter((m) => !m.flags.seen).length);
  });

  it('answers in English when asked', async () => {
    const res = await proxy.app.inject({
      method: 'GET',
      url: '/api/mailboxes',
      headers: { host: '127.0.0.1:8080', cookie: client.cookie, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect((res.json() as MailboxList).mailboxes[0]!.displayName).toBe('Inbox');
  });

  it('pages newest first by UID cursor without gaps or repeats', async () => {
    const first = (await client.get('/api/mailboxes/INBOX/messages?limit=5')).json() as MessagePage;
    expect(first.messages).toHaveLength(5);
    expect(first.total).toBe(inbox.length);
    const seen = [...first.messages];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (
        await client.get(`/api/mailboxes/INBOX/messages?limit=5&cursor=${cursor}`)
      ).json() as MessagePage;
      seen.push(...page.messages);
      cursor = page.nextCursor;
    }
    expect(seen.map((m) => m.uid)).toEqual(inbox.map((m) => m.uid));
    const uids = seen.map((m) => m.uid);
    expect(uids).toEqual([...uids].sort((a, b) => b - a));
  });

  it('decodes encoded-word and windows-1258 subjects into NFC, with a text preview', () => {
    const cp1258 = find((m) => m.subject.startsWith('Thông báo lịch họp rà soát danh bạ'));
    expect(cp1258.subject).toBe(cp1258.subject.normalize('NFC'));
    expect(cp1258.preview.length).toBeGreaterThan(10);
    expect(cp1258.preview).toBe(cp1258.preview.normalize('NFC'));
    expect(cp1258.preview).toMatch(/Kính gửi/);
    for (const m of inbox) expect(m.subject).toBe(m.subject.normalize('NFC'));
  });

  it('marks messages with real attachments, not those with only inline images', () => {
    expect(find((m) => m.subject.startsWith('Gửi báo cáo tổng hợp quý III')).hasAttachments).toBe(true);
    expect(find((m) => m.subject.startsWith('Bản tin Chuyển đổi số')).hasAttachments).toBe(false);
  });

  it('opens a message with its body, addresses and RFC 2231 attachment names', async () => {
    const row = find((m) => m.subject.startsWith('Gửi báo cáo tổng hợp quý III'));
    const res = await client.get(`/api/mailboxes/INBOX/messages/${row.uid}`);
    expect(res.statusCode).toBe(200);
    const msg = res.json() as MessageDetail;
    expect(msg.from).toEqual({ name: 'Sở Thông tin và Truyền thông', address: 'sttt@binhphuoc.gov.vn' });
    expect(msg.text).toContain('Văn thư Sở gửi anh Thanh');
    expect(msg.attachments.map((a) => a.filename)).toEqual([
      'Báo cáo tổng hợp quý III-2026.pdf',
      'Dự thảo Kế hoạch chuyển đổi số 2027.docx',
    ]);
  });

  it('streams an attachment with an RFC 6266 filename, nosniff and a sandbox CSP', async () => {
    const row = find((m) => m.subject.startsWith('Gửi báo cáo tổng hợp quý III'));
    const msg = (await client.get(`/api/mailboxes/INBOX/messages/${row.uid}`)).json() as MessageDetail;
    const pdf = msg.attachments[0]!;
    const res = await client.get(`/api/mailboxes/INBOX/messages/${row.uid}/attachments/${pdf.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Báo cáo tổng hợp quý III-2026.pdf')}`,
    );
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('serves inline cid images inline, and refuses a part that is not an attachment', async () => {
    const row = find((m) => m.subject.startsWith('Bản tin Chuyển đổi số'));
    const msg = (await client.get(`/api/mailboxes/INBOX/messages/${row.uid}`)).json() as MessageDetail;
    const logo = msg.attachments.find((a) => a.inline)!;
    expect(msg.html).toContain(`cid:${logo.contentId}`);
    const res = await client.get(`/api/mailboxes/INBOX/messages/${row.uid}/attachments/${logo.id}?inline=1`);
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
    expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const body = await client.get(`/api/mailboxes/INBOX/messages/${row.uid}/attachments/1.1.1`);
    expect(body.statusCode).toBe(404);
    expect(body.json().error.code).toBe('attachment_not_found');
  });

  it('downloads the raw source as message/rfc822', async () => {
    const row = inbox[0]!;
    const res = await client.get(`/api/mailboxes/INBOX/messages/${row.uid}/raw`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('message/rfc822');
    expect(res.headers['content-disposition']).toMatch(/^attachment;.*\.eml/);
    expect(res.body).toMatch(/^(Return-Path|Received|Message-ID|Date|From|Delivered-To)/im);
  });

  it('marks read and unread, and the folder count follows', async () => {
    const row = find((m) => !m.flags.seen);
    const unreadBefore = ((await client.get('/api/mailboxes')).json() as MailboxList).mailboxes[0]!.unread;
    expect(
      (await client.post('/api/mailboxes/INBOX/messages/flags', { uids: [row.uid], add: ['seen'] }))
        .statusCode,
    ).toBe(204);
    expect(((await client.get('/api/mailboxes')).json() as MailboxList).mailboxes[0]!.unread).toBe(
      unreadBefore - 1,
    );
    await client.post('/api/mailboxes/INBOX/messages/flags', { uids: [row.uid], remove: ['seen'] });
    expect(((await client.get('/api/mailboxes')).json() as MailboxList).mailboxes[0]!.unread).toBe(
      unreadBefore,
    );
  });

  it('reads a folder with a Vietnamese name', async () => {
    const res = await client.get(`/api/mailboxes/${mbox('Dự án/Chuyển đổi số')}/messages`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as MessagePage).messages.length).toBeGreaterThan(0);
  });

  it('answers 404 codes for an unknown folder or message', async () => {
    const noBox = await client.get(`/api/mailboxes/${mbox('Không tồn tại')}/messages`);
    expect(noBox.statusCode).toBe(404);
    expect(noBox.json().error.code).toBe('mailbox_not_found');
    const noMsg = await client.get('/api/mailboxes/INBOX/messages/999999');
    expect(noMsg.statusCode).toBe(404);
    expect(noMsg.json().error.code).toBe('message_not_found');
  });

  it('answers 400, not 500, for a folder name IMAP cannot carry or a UID beyond 32 bits', async () => {
    for (const url of [
      `/api/mailboxes/${encodeURIComponent('INBOX\r\nA1 LOGOUT')}/messages`,
      `/api/mailboxes/${encodeURIComponent('INBOX\u0000')}/messages/1`,
      '/api/mailboxes/INBOX/messages/4294967296',
      '/api/mailboxes/INBOX/messages/0',
    ]) {
      const answer = await client.get(url);
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json().error.code, url).toBe('validation_failed');
    }
    // The session and its connection are unharmed.
    expect((await client.get('/api/mailboxes/INBOX/messages')).statusCode).toBe(200);
  });

  it('shares one IMAP connection between all of a user’s parallel requests', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 ? client.get('/api/mailboxes') : client.get('/api/mailboxes/INBOX/messages?limit=10'),
      ),
    );
    expect(proxy.ctx.imap.size()).toBe(1);
  });

  it('refuses every mail route without a session', async () => {
    const res = await proxy.app.inject({ method: 'GET', url: '/api/mailboxes/INBOX/messages' });
    expect(res.statusCode).toBe(401);
  });
});
