import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageDetail } from '../../common/contract';
import type { AttachmentPreview } from '../../common/contract/attachment-preview';
import { buildDocx, buildXlsx, handZip, paragraph } from '../attachment-preview/office-fixtures';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { infectedFile, MARKER_SIGNATURE } from '../test-support/malware-marker';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Previews through the proxy, against the real Dovecot and clamd: a message carrying a Word
 * letter, a workbook, a forwarded message (as message/rfc822 and as a saved .eml file), and the
 * hostile ones (a zip bomb, a renamed file, an infected file, an old .doc).
 */
describe('attachment previews (real Dovecot, real clamd)', { timeout: 60_000 }, () => {
  let owner: FreshMailbox;
  let proxy: ProxyHarness;
  let client: Awaited<ReturnType<typeof logIn>>;
  let detail: MessageDetail;

  beforeAll(async () => {
    owner = freshMailbox('xemtruoc');
    const forwarded = await new MailComposer({
      from: 'Văn phòng Sở <vanphong.sttt@binhphuoc.gov.vn>',
      to: owner.email,
      subject: 'Giấy mời họp giao ban tháng 12',
      date: new Date('2026-12-07T01:30:00Z'),
      html: '<p>Kính mời đồng chí dự <b>họp giao ban</b>.</p>',
    })
      .compile()
      .build();
    const raw = await new MailComposer({
      from: 'Văn thư UBND tỉnh <vanthu.vpubnd@binhphuoc.gov.vn>',
      to: owner.email,
      subject: 'Văn bản đính kèm',
      text: 'Gửi các đồng chí văn bản đính kèm.',
      attachments: [
        {
          filename: 'Công văn 12-STTTT.docx',
          contentType: DOCX,
          content: await buildDocx(paragraph('CÔNG VĂN', 'Heading1') + paragraph('Kính gửi: các đơn vị.')),
        },
        { filename: 'Danh sách cán bộ.xlsx', contentType: XLSX, content: await buildXlsx(1200) },
        { filename: 'Thư mời.eml', contentType: 'message/rfc822', content: forwarded },
        { filename: 'Thư lưu.eml', contentType: 'application/octet-stream', content: forwarded },
        {
          filename: 'Báo cáo.docx',
          contentType: DOCX,
          content: handZip([
            { name: 'word/document.xml', data: Buffer.alloc(100 * 1024 * 1024), declaredSize: 2000 },
          ]),
        },
        { filename: 'Tờ trình.docx', contentType: DOCX, content: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\n') },
        { filename: 'Hóa đơn.docx', contentType: DOCX, content: infectedFile() },
        {
          filename: 'Tờ trình cũ.doc',
          contentType: 'application/msword',
          content: Buffer.from('d0cf11e0a1b11ae1', 'hex'),
        },
      ],
    })
      .compile()
      .build();
    await owner.imap((imap) => imap.append('INBOX', raw, []));
    proxy = await startProxy();
    client = await logIn(proxy, owner.email, owner.password);
    detail = (await client.get('/api/mailboxes/INBOX/messages/1')).json() as MessageDetail;
  }, 90_000);

  afterAll(async () => {
    await proxy?.close();
    owner?.remove();
  });

  const preview = (name: string) => {
    const part = detail.attachments.find((a) => a.filename === name)?.id;
    if (!part) throw new Error(`no attachment ${name}`);
    return client.get(`/api/mailboxes/INBOX/messages/1/attachments/${part}/preview`);
  };

  it('converts the Word letter to HTML', async () => {
    const res = await preview('Công văn 12-STTTT.docx');
    expect(res.statusCode).toBe(200);
    const body = res.json() as AttachmentPreview;
    expect(body).toEqual({ kind: 'document', html: '<h1>CÔNG VĂN</h1><p>Kính gửi: các đơn vị.</p>' });
  });

  it('converts the workbook to sheets, the first 1,000 rows shown', async () => {
    const res = await preview('Danh sách cán bộ.xlsx');
    expect(res.statusCode).toBe(200);
    const body = res.json() as Extract<AttachmentPreview, { kind: 'workbook' }>;
    expect(body.sheets.map((s) => [s.name, s.rows, s.shownRows])).toEqual([
      ['Danh sách', 1200, 1000],
      ['Tổng hợp', 1, 1],
    ]);
    expect(body.sheets[0]!.html).toContain('<td>Nguyễn Văn 1</td>');
  });

  it.each(['Thư mời.eml', 'Thư lưu.eml'])('opens %s as a message with its headers and body', async (name) => {
    const res = await preview(name);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Extract<AttachmentPreview, { kind: 'message' }>;
    expect(body.parts).toHaveLength(1);
    const [message] = body.parts;
    expect(message).toMatchObject({
      kind: 'message',
      subject: 'Giấy mời họp giao ban tháng 12',
      from: { name: 'Văn phòng Sở', address: 'vanphong.sttt@binhphuoc.gov.vn' },
      to: [{ address: owner.email }],
      date: '2026-12-07T01:30:00.000Z',
    });
    expect(JSON.stringify(message)).toContain('họp giao ban');
  });

  it.each([
    ['Báo cáo.docx', 413, 'preview_too_large'],
    ['Tờ trình.docx', 415, 'preview_wrong_format'],
    ['Tờ trình cũ.doc', 415, 'preview_unsupported'],
  ])('refuses %s with %i %s, quickly', async (name, status, code) => {
    const started = Date.now();
    const res = await preview(name);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('never converts a file the malware scan refused', async () => {
    const res = await preview('Hóa đơn.docx');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'attachment_infected',
      details: { signature: MARKER_SIGNATURE },
    });
  });
});
