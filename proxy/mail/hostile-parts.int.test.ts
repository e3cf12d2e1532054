import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageDetail } from '../../common/contract';
import { readMailFixture } from '../../scripts/seed/mail-fixtures';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/**
 * Hostile mail read from the real Dovecot (e2e/fixtures/hostile-parts, file NN is UID NN): the
 * letter's own text beside HTML or a forwarded message is never lost (Đ10.2).
 */
const FIXTURES = new URL('../../e2e/fixtures/hostile-parts/', import.meta.url).pathname;
const FILES = [
  '01-text-then-html.eml',
  '02-text-beside-inline-html.eml',
  '03-forwarded.eml',
  '04-spoofed-names.eml',
  '05-hostile-headers.eml',
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
});
