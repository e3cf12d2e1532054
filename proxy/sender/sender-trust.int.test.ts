import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposePrefill, MessageDetail } from '../../common/contract';
import { deliverViaLmtp } from '../../scripts/seed/lmtp-delivery';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/**
 * Who really sent a message, read through the proxy from messages delivered over LMTP into a
 * mailbox of this test's own in the real Dovecot (which adds its own Received field on top).
 */
const AUTHSERV_ID = 'mx.binhphuoc.gov.vn';

function message(headers: string[], subject: string): Buffer {
  return Buffer.from(
    [
      ...headers,
      'To: nguoinhan@binhphuoc.gov.vn',
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      'Date: Mon, 07 Dec 2026 08:00:00 +0700',
      `Message-ID: <${randomUUID()}@test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `Nội dung: ${subject}`,
      '',
    ].join('\r\n'),
  );
}

const entryHop = (from: string) =>
  `Received: from ${from} (${from} [203.0.113.5])\r\n\tby ${AUTHSERV_ID} (Postfix) with ESMTPS id 4F1A2; Mon, 7 Dec 2026 08:00:01 +0700`;

describe('sender trust through the proxy', () => {
  let proxy: ProxyHarness;
  let mailbox: FreshMailbox;
  let client: Awaited<ReturnType<typeof logIn>>;
  const read = async (uid: number) =>
    (await client.get(`/api/mailboxes/INBOX/messages/${uid}`)).json() as MessageDetail;

  beforeAll(async () => {
    mailbox = freshMailbox('sender-trust');
    const raws = [
      // 1: our server's verdicts, above its own hop.
      message(
        [
          `Authentication-Results: ${AUTHSERV_ID};\r\n\tspf=pass smtp.mailfrom=vanthu@binhphuoc.gov.vn;\r\n\tdkim=pass (2048-bit key) header.d=binhphuoc.gov.vn header.s=mail;\r\n\tdmarc=pass (p=reject) header.from=binhphuoc.gov.vn`,
          entryHop('mail.binhphuoc.gov.vn'),
          'From: =?UTF-8?B?VsSDbiB0aMaw?= <vanthu@binhphuoc.gov.vn>',
        ],
        'Thư có xác thực của máy chủ tỉnh',
      ),
      // 2: another server's field, and one claiming our id written before the message reached us.
      message(
        [
          'Authentication-Results: mx.google.com; spf=pass; dkim=pass; dmarc=pass',
          entryHop('mail-sor-f41.google.com'),
          'Received: by mail-sor-f41.google.com with SMTP id a1; Mon, 7 Dec 2026 08:00:00 +0700',
          `Authentication-Results: ${AUTHSERV_ID}; spf=pass; dkim=pass; dmarc=pass`,
          'From: Nguyen Van B <nguyenvanb@gmail.com>',
        ],
        'Thư có kết quả xác thực giả',
      ),
      // 3: a look-alike domain and an official title.
      message(
        [
          `Authentication-Results: ${AUTHSERV_ID}; spf=pass smtp.mailfrom=binhphuoc-gov.vn; dkim=none; dmarc=none`,
          entryHop('binhphuoc-gov.vn'),
          'From: =?UTF-8?B?Q2jhu6cgdOG7i2NoIFVCTkQgdOG7iW5o?= <chutich@binhphuoc-gov.vn>',
        ],
        'Yêu cầu chuyển khoản gấp',
      ),
      // 4: replies would go to another domain.
      message(
        [
          `Authentication-Results: ${AUTHSERV_ID}; spf=fail smtp.mailfrom=binhphuoc.gov.vn; dkim=fail; dmarc=fail`,
          entryHop('unknown'),
          'From: =?UTF-8?B?VsSDbiB0aMaw?= <vanthu@binhphuoc.gov.vn>',
          'Reply-To: vanthu.binhphuoc@gmail.com',
        ],
        'Xin gửi lại hồ sơ',
      ),
    ];
    const results = await deliverViaLmtp(
      raws.map((raw) => ({ from: 'x@example.com', to: [mailbox.email], raw })),
    );
    expect(results.every((r) => r.accepted.length === 1)).toBe(true);
    proxy = await startProxy({ AUTHSERV_ID });
    client = await logIn(proxy, mailbox.email, mailbox.password);
  });

  afterAll(async () => {
    await proxy?.close();
    mailbox?.remove();
  });

  it('shows our server’s SPF, DKIM and DMARC for mail from the province', async () => {
    expect((await read(1)).sender).toEqual({
      authentication: { authservId: AUTHSERV_ID, spf: 'pass', dkim: 'pass', dmarc: 'pass' },
      outside: false,
      warnings: [],
    });
  });

  it('ignores another server’s results and ours written below a hop we did not add', async () => {
    expect((await read(2)).sender).toEqual({ authentication: null, outside: true, warnings: [] });
  });

  it('warns of a look-alike domain claiming an official title', async () => {
    const sender = (await read(3)).sender;
    expect(sender?.outside).toBe(true);
    expect(sender?.authentication).toMatchObject({ spf: 'pass', dkim: 'none', dmarc: 'none' });
    expect(sender?.warnings).toEqual([
      {
        code: 'lookalike_domain',
        facts: { domain: 'binhphuoc-gov.vn', resembles: 'binhphuoc.gov.vn' },
      },
      { code: 'official_title_outside', facts: { title: 'Chủ tịch', address: 'chutich@binhphuoc-gov.vn' } },
    ]);
  });

  it('warns of a Reply-To elsewhere, and the reply is prefilled to it with the caution', async () => {
    const sender = (await read(4)).sender;
    expect(sender?.authentication).toMatchObject({ spf: 'fail', dkim: 'fail', dmarc: 'fail' });
    expect(sender?.warnings.map((w) => w.code)).toEqual(['reply_to_other_domain']);
    const prefill = (
      await client.get(`/api/compose/prefill?mode=reply&mailbox=INBOX&uid=4&composeId=${randomUUID()}`)
    ).json() as ComposePrefill;
    expect(prefill.to).toEqual([{ address: 'vanthu.binhphuoc@gmail.com' }]);
    expect(prefill.replyCaution).toBe(true);
    const plain = (
      await client.get(`/api/compose/prefill?mode=reply&mailbox=INBOX&uid=1&composeId=${randomUUID()}`)
    ).json() as ComposePrefill;
    expect(plain.replyCaution).toBeUndefined();
  });
});
