import { createHash, randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { MessageDetail, UserSettings } from '../../common/contract';
import { readMailFixture } from '../../scripts/seed/mail-fixtures';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/**
 * Attachments, ZIP, raw source and list headers through the proxy, from a mailbox of this test's
 * own in the real Dovecot.
 */
const HOSTILE = new URL('../../e2e/fixtures/hostile/', import.meta.url).pathname;

const files = {
  pdf: {
    filename: 'Báo cáo tổng hợp quý III-2026.pdf',
    contentType: 'application/pdf',
    content: pdfBytes(300_000),
  },
  pdfAgain: {
    filename: 'Báo cáo tổng hợp quý III-2026.pdf',
    contentType: 'application/pdf',
    content: pdfBytes(1_000),
  },
  note: {
    filename: 'Ghi chú cuộc họp.txt',
    contentType: 'text/plain; charset=utf-8',
    content: Buffer.from('Thành phần: Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh.\n'.repeat(400)),
  },
  docx: {
    filename: 'Dự thảo Kế hoạch chuyển đổi số 2027.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    content: randomBytes(64_000),
  },
  svg: {
    filename: 'Biểu trưng.svg',
    contentType: 'image/svg+xml',
    content: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
  },
};

function pdfBytes(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size)]);
}

function buildMessage(): Promise<Buffer> {
  return new MailComposer({
    from: 'Văn thư Sở <vanthu.sttt@binhphuoc.gov.vn>',
    to: 'nguoinhan@binhphuoc.gov.vn',
    subject: 'Gửi hồ sơ họp giao ban tháng 11',
    text: 'Văn thư gửi anh chị hồ sơ họp.',
    attachments: Object.values(files),
  })
    .compile()
    .build();
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, decodeStrings: true }, (err, archive) => {
      if (err || !archive) return reject(err);
      const out = new Map<string, Buffer>();
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(out));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

describe('attachments, ZIP, raw source and list headers (real Dovecot)', () => {
  let proxy: ProxyHarness;
  let owner: FreshMailbox;
  let client: Awaited<ReturnType<typeof logIn>>;
  let detail: MessageDetail;
  let newsletter: MessageDetail;

  beforeAll(async () => {
    owner = freshMailbox('docthu-dinhkem');
    const raw = await buildMessage();
    await owner.imap(async (imap) => {
      await imap.append('INBOX', raw, [], new Date('2026-11-27T08:00:00+07:00')); // UID 1
      await imap.append('INBOX', readMailFixture('21-tracking-pixels.eml', HOSTILE)); // UID 2
    });
    proxy = await startProxy();
    client = await logIn(proxy, owner.email, owner.password);
    detail = (await client.get('/api/mailboxes/INBOX/messages/1')).json() as MessageDetail;
    newsletter = (await client.get('/api/mailboxes/INBOX/messages/2')).json() as MessageDetail;
  });
  afterAll(async () => {
    await proxy?.close();
    owner?.remove();
  });

  it('lists the attachments with their Vietnamese names and sizes', () => {
    expect(detail.attachments.map((a) => a.filename)).toEqual(Object.values(files).map((f) => f.filename));
    const pdf = detail.attachments[0]!;
    expect(Math.abs(pdf.size - files.pdf.content.length) / files.pdf.content.length).toBeLessThan(0.02);
  });

  it('streams all attachments as one ZIP: same bytes, names intact, duplicates numbered', async () => {
    const res = await client.get('/api/mailboxes/INBOX/messages/1/attachments.zip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Gửi hồ sơ họp giao ban tháng 11.zip')}`,
    );
    expect(res.headers['content-length']).toBeUndefined();
    const entries = await unzip(res.rawPayload);
    expect([...entries.keys()]).toEqual([
      'Báo cáo tổng hợp quý III-2026.pdf',
      'Báo cáo tổng hợp quý III-2026 (2).pdf',
      'Ghi chú cuộc họp.txt',
      'Dự thảo Kế hoạch chuyển đổi số 2027.docx',
      'Biểu trưng.svg',
    ]);
    const expected = Object.values(files).map((f) => sha(f.content));
    expect([...entries.values()].map(sha)).toEqual(expected);
  });

  it('sets the UTF-8 name flag so other unzip tools read the Vietnamese names too', async () => {
    const zip = (await client.get('/api/mailboxes/INBOX/messages/1/attachments.zip')).rawPayload;
    // Local file header: signature, version, general purpose flags (bit 11 = names in UTF-8).
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800);
  });

  it('answers 404 with a code for a message without attachments', async () => {
    const res = await client.get('/api/mailboxes/INBOX/messages/2/attachments.zip');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('attachment_not_found');
  });

  it('previews a PDF inline under a sandbox CSP, but never an SVG: that downloads as bytes', async () => {
    const pdf = await client.get('/api/mailboxes/INBOX/messages/1/attachments/2?inline=1');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^inline;/);
    expect(pdf.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(sha(pdf.rawPayload)).toBe(sha(files.pdf.content));
    const svgPart = detail.attachments.find((a) => a.filename === 'Biểu trưng.svg')!;
    const svg = await client.get(`/api/mailboxes/INBOX/messages/1/attachments/${svgPart.id}?inline=1`);
    expect(svg.headers['content-type']).toBe('application/octet-stream');
    expect(svg.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('shows the raw source as plain text on request, and downloads it as .eml otherwise', async () => {
    const view = await client.get('/api/mailboxes/INBOX/messages/2/raw?view=1');
    expect(view.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(view.headers['content-disposition']).toMatch(/^inline;/);
    expect(view.body).toContain('Comments: A newsletter with tracking pixels');
    const download = await client.get('/api/mailboxes/INBOX/messages/2/raw');
    expect(download.headers['content-type']).toBe('message/rfc822');
    expect(download.headers['content-disposition']).toMatch(/^attachment;.*\.eml/);
  });

  it('reads Reply-To and the list headers of a newsletter', () => {
    expect(newsletter.replyTo).toEqual([{ name: 'Ban biên tập', address: 'bien-tap@tin-tuc.hostile.test' }]);
    expect(newsletter.list).toEqual({
      id: 'diem-tin.tin-tuc.hostile.test',
      name: 'Điểm tin chuyển đổi số',
      unsubscribeUrl: 'https://tin-tuc.hostile.test/21/huy-dang-ky',
      unsubscribeMail: 'mailto:huy@tin-tuc.hostile.test?subject=huy',
    });
    expect(detail.list).toBeNull();
  });

  it('keeps the senders whose remote images always show, per user, in lower case', async () => {
    const put = await proxy.app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: { host: '127.0.0.1:8080', cookie: client.cookie, 'x-csrf-token': client.csrfToken },
      payload: { alwaysAllowRemoteFrom: ['BanTin@Tin-Tuc.hostile.test'] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const settings = (await client.get('/api/settings')).json() as UserSettings;
    expect(settings.alwaysAllowRemoteFrom).toEqual(['bantin@tin-tuc.hostile.test']);
    const bad = await proxy.app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: { host: '127.0.0.1:8080', cookie: client.cookie, 'x-csrf-token': client.csrfToken },
      payload: { alwaysAllowRemoteFrom: ['javascript:alert(1)'] },
    });
    expect(bad.statusCode).toBe(400);
  });
});
