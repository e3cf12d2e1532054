import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { ComposePrefill, MessageDetail } from '../../common/contract';
import { readMailFixture } from '../../scripts/seed/mail-fixtures';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/**
 * Hostile mail read from the real Dovecot (e2e/fixtures/hostile-parts, file NN is UID NN): the
 * letter's own text beside HTML or a forwarded message is never lost (Đ10.2); file names that
 * spoof their extension are neutralised wherever they are shown or sent.
 */
const FIXTURES = new URL('../../e2e/fixtures/hostile-parts/', import.meta.url).pathname;
const FILES = [
  '01-text-then-html.eml',
  '02-text-beside-inline-html.eml',
  '03-forwarded.eml',
  '04-spoofed-names.eml',
  '05-hostile-headers.eml',
  '06-text-html-forwarded.eml',
];

describe('hostile mail: body parts (real Dovecot)', () => {
  let proxy: ProxyHarness;
  let owner: FreshMailbox;
  let client: Awaited<ReturnType<typeof logIn>>;
  const read = async (uid: number) =>
    (await client.get(`/api/mailboxes/INBOX/messages/${uid}`)).json() as MessageDetail;

  beforeAll(async () => {
    owner = freshMailbox('docthu-phan');
    await owner.imap(async (imap) => {
      for (const file of FILES) await imap.append('INBOX', readMailFixture(file, FIXTURES));
    });
    proxy = await startProxy();
    client = await logIn(proxy, owner.email, owner.password);
  });
  afterAll(async () => {
    await proxy?.close();
    owner?.remove();
  });

  it('shows the text before the HTML of a multipart/mixed, both, in order', async () => {
    const m = await read(1);
    expect(m.parts).toEqual([
      { kind: 'text', text: expect.stringContaining('lời nhắn riêng của thư') },
      { kind: 'html', html: expect.stringContaining('Bảng số liệu <b>quý IV</b>') },
    ]);
    // Print and quoting read the merged body: the text is in it too.
    expect(m.html).toContain('lời nhắn riêng của thư');
    expect(m.text).toContain('lời nhắn riêng của thư');
  });

  it('shows the text beside an inline HTML file', async () => {
    const m = await read(2);
    expect(m.parts?.map((p) => p.kind)).toEqual(['text', 'html']);
    expect(m.parts?.[0]).toMatchObject({ text: expect.stringContaining('Phần lời của thư') });
  });

  it('shows a forwarded message nested, with its headers and one alternative, still an .eml attachment', async () => {
    const m = await read(3);
    expect(m.parts).toEqual([
      { kind: 'text', text: expect.stringContaining('Anh xem thư của Sở Tài chính') },
      {
        kind: 'message',
        part: '2',
        subject: 'Dự toán ngân sách 2027',
        from: { name: 'Sở Tài chính', address: 'stc@stc.hostile.test' },
        to: [{ name: '', address: 'truongphong@hostile.test' }],
        cc: [],
        date: '2026-11-27T07:30:00.000Z',
        parts: [{ kind: 'html', html: expect.stringContaining('<b>dự toán ngân sách 2027</b>') }],
      },
    ]);
    expect(m.attachments).toMatchObject([{ id: '2', contentType: 'message/rfc822' }]);
    const eml = await client.get('/api/mailboxes/INBOX/messages/3/attachments/2');
    expect(eml.statusCode).toBe(200);
    expect(eml.body).toContain('Message-ID: <parts-03-inner@stc.hostile.test>');
    expect(m.text).toContain('Đề nghị gửi dự toán ngân sách 2027');
  });

  it('keeps a plain single-part message as it was: no parts list needed', async () => {
    const m = await read(5);
    expect(m.parts).toBeUndefined();
    expect(m.text).toContain('ký tự điều khiển');
  });

  it('neutralises spoofed attachment names in the list, the download and the ZIP', async () => {
    const m = await read(4);
    const expected = ['Hóa đơn tháng 11fdp.exe', 'Báocáo quý.pdf', 'Biên bản.docx.js', 'htaccess'];
    expect(m.attachments.map((a) => a.filename)).toEqual(expected);
    const spoofed = await client.get('/api/mailboxes/INBOX/messages/4/attachments/2');
    const disposition = String(spoofed.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[^"]*11fdp\.exe"; /);
    expect(disposition.endsWith(`filename*=UTF-8''${encodeURIComponent(expected[0]!)}`)).toBe(true);
    const zip = await client.get('/api/mailboxes/INBOX/messages/4/attachments.zip');
    expect(await zipNames(zip.rawPayload)).toEqual(expected);
  });

  it('serves a part without a usable content type as opaque bytes', async () => {
    const m = await read(4);
    const opaque = m.attachments.filter((a) => a.contentType === 'application/octet-stream');
    expect(opaque.map((a) => a.filename)).toEqual(expect.arrayContaining(['Hóa đơn tháng 11fdp.exe']));
    for (const a of m.attachments) expect(a.contentType).toMatch(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/);
    const res = await client.get(`/api/mailboxes/INBOX/messages/4/attachments/${m.attachments[3]!.id}`);
    expect(res.headers['content-type']).toMatch(/^(application\/octet-stream|text\/plain)/);
  });

  it('sends the names of uploaded files cleaned', async () => {
    const boundary = 'ranh-gioi-tep';
    const name = 'Tờ trình\u202egpj.exe';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from('noi dung'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await proxy.app.inject({
      method: 'POST',
      url: `/api/uploads?composeId=${randomUUID()}`,
      headers: {
        host: '127.0.0.1:8080',
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().filename).toBe('Tờ trìnhgpj.exe');
  });

  it.each(['reply', 'replyAll', 'forward'] as const)(
    'lets the user %s a message whose names and subject carry control characters, and save or send it',
    async (mode) => {
      const composeId = randomUUID();
      const res = await client.get(
        `/api/compose/prefill?mode=${mode}&mailbox=INBOX&uid=5&composeId=${composeId}`,
      );
      expect(res.statusCode).toBe(200);
      const prefill = res.json() as ComposePrefill;
      expect(prefill.subject).not.toMatch(/\p{Cc}/u);
      for (const r of [...prefill.to, ...prefill.cc]) {
        expect(r.name ?? '').not.toMatch(/\p{Cc}/u);
        expect((r.name ?? '').length).toBeLessThanOrEqual(200);
      }
      if (mode === 'replyAll') expect(prefill.cc.map((r) => r.address)).toContain('dai@hostile.test');
      const message = {
        composeId,
        to: prefill.to.length ? prefill.to : [{ address: owner.email }],
        cc: prefill.cc,
        bcc: prefill.bcc,
        subject: prefill.subject,
        html: prefill.html,
        text: prefill.text,
        ...(prefill.inReplyTo ? { inReplyTo: prefill.inReplyTo } : {}),
        ...(prefill.references ? { references: prefill.references } : {}),
      };
      const draft = await client.post('/api/drafts', message);
      expect(draft.statusCode, draft.body).toBe(200);
      // Sent to the owner only: the hostile names go along, the test stays inside the stack.
      const named = (list: { name?: string }[]) =>
        list.map((r) => ({ ...(r.name ? { name: r.name } : {}), address: owner.email }));
      const sent = await client.post('/api/send', {
        ...message,
        composeId: randomUUID(),
        to: named(message.to),
        cc: named(message.cc).slice(0, 1),
      });
      expect(sent.statusCode, sent.body).toBe(200);
    },
  );
});

function zipNames(zip: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, decodeStrings: true }, (err, archive) => {
      if (err || !archive) return reject(err);
      const names: string[] = [];
      archive.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        archive.readEntry();
      });
      archive.on('end', () => resolve(names));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}
