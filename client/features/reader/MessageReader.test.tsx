import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageDetail, UserSettings } from '../../../common/contract';
import { routeUrl } from '../../../common/contract/route';
import { quotaRoutes, sessionRoutes, settingsRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { hostileMessage, inboxPage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';

const plainText: MessageDetail = {
  ...hostileMessage,
  uid: 4,
  subject: 'Re: Báo cáo tiến độ',
  html: null,
  text: "Em gửi lại bản đã sửa, xem https://dichvucong.gov.vn/p/home.\nKhông bấm: javascript:alert('x')\n\nVào 10:15 Thứ Hai, 30/11/2026, Phạm Quốc Dũng đã viết:\n> Đề nghị anh kiểm tra lại.\n> https://binhphuoc.gov.vn/cu",
  attachments: [],
};

const newsletter: MessageDetail = {
  ...hostileMessage,
  uid: 5,
  subject: 'Điểm tin tuần 48',
  from: { name: 'Bản tin', address: 'BanTin@tin-tuc.example' },
  replyTo: [{ name: 'Ban biên tập', address: 'bien-tap@tin-tuc.example' }],
  html: '<p>Điểm tin</p><img src="https://img.tin-tuc.example/logo.png">',
  list: {
    id: 'diem-tin.tin-tuc.example',
    name: 'Điểm tin chuyển đổi số',
    unsubscribeUrl: 'https://tin-tuc.example/huy',
    unsubscribeMail: null,
  },
  attachments: [
    {
      id: '2',
      filename: 'Ảnh hội nghị.png',
      contentType: 'image/png',
      size: 52_000,
      contentId: null,
      inline: false,
    },
    {
      id: '3',
      filename: 'Công văn 33.pdf',
      contentType: 'application/pdf',
      size: 120_000,
      contentId: null,
      inline: false,
    },
    {
      id: '4',
      filename: 'Biểu trưng.svg',
      contentType: 'image/svg+xml',
      size: 900,
      contentId: null,
      inline: false,
    },
  ],
};

const withParts: MessageDetail = {
  ...hostileMessage,
  uid: 6,
  subject: 'Chuyển tiếp thư của Sở Tài chính',
  text: 'merged',
  html: '<p>merged</p>',
  attachments: [],
  parts: [
    { kind: 'text', text: 'Lời nhắn riêng của thư.' },
    { kind: 'html', html: '<p>Bảng <b>quý IV</b></p>' },
    {
      kind: 'message',
      part: '3',
      subject: 'Dự toán ngân sách 2027',
      from: { name: 'Sở Tài chính', address: 'stc@stc.example' },
      to: [{ name: '', address: 'tp@binhphuoc.gov.vn' }],
      cc: [],
      date: '2026-11-27T07:30:00.000Z',
      parts: [{ kind: 'text', text: 'Đề nghị gửi dự toán.' }],
    },
  ],
};

const spoofedNames: MessageDetail = {
  ...hostileMessage,
  uid: 7,
  subject: 'Hóa đơn',
  attachments: [
    {
      id: '2',
      filename: 'Hóa đơn tháng 11\u202efdp.exe',
      contentType: 'application/pdf',
      size: 100,
      contentId: null,
      inline: false,
    },
    {
      id: '3',
      filename: `Biên bản${' '.repeat(40)}.docx.js`,
      contentType: 'text/plain',
      size: 100,
      contentId: null,
      inline: false,
    },
  ],
};

describe('MessageReader', { timeout: 20_000 }, () => {
  let settings: UserSettings;
  let settingsPuts: unknown[];

  beforeEach(() => {
    settings = {};
    settingsPuts = [];
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 2 * 1024 ** 3, level: 'ok' }),
      ),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
      http.get(routeUrl(messageRoutes.get, { mailbox: 'INBOX', uid: 3 }), () =>
        HttpResponse.json(hostileMessage),
      ),
      http.get(routeUrl(messageRoutes.get, { mailbox: 'INBOX', uid: 4 }), () => HttpResponse.json(plainText)),
      http.get(routeUrl(messageRoutes.get, { mailbox: 'INBOX', uid: 5 }), () =>
        HttpResponse.json(newsletter),
      ),
      http.get(routeUrl(messageRoutes.get, { mailbox: 'INBOX', uid: 6 }), () => HttpResponse.json(withParts)),
      http.get(routeUrl(messageRoutes.get, { mailbox: 'INBOX', uid: 7 }), () =>
        HttpResponse.json(spoofedNames),
      ),
      http.post(
        routeUrl(messageRoutes.setFlags, { mailbox: 'INBOX' }),
        () => new HttpResponse(null, { status: 204 }),
      ),
      http.get(apiPattern(settingsRoutes.get), () => HttpResponse.json(settings)),
      http.put(apiPattern(settingsRoutes.update), async ({ request }) => {
        const change = (await request.json()) as UserSettings;
        settingsPuts.push(change);
        settings = { ...settings, ...change };
        return HttpResponse.json(settings);
      }),
    );
  });

  const open = (uid: number) => {
    window.history.replaceState(null, '', `/thu/INBOX/${uid}`);
    return renderApp();
  };
  const frameDoc = async () => (await screen.findByTitle(/Nội dung thư:/)).getAttribute('srcdoc') ?? '';

  it('asks before remote images, and "always" for the sender is kept in the user settings', async () => {
    open(3);
    const user = userEvent.setup();
    expect(await frameDoc()).not.toContain('tracker.example');
    await user.click(screen.getByRole('button', { name: 'Luôn hiển thị từ dungpq.vpubnd@binhphuoc.gov.vn' }));
    await waitFor(() =>
      expect(settingsPuts).toEqual([{ alwaysAllowRemoteFrom: ['dungpq.vpubnd@binhphuoc.gov.vn'] }]),
    );
    await waitFor(async () => expect(await frameDoc()).toContain('https://tracker.example/p.gif'));
    expect(screen.queryByRole('button', { name: 'Hiển thị hình ảnh từ bên ngoài' })).toBeNull();
    expect(screen.getByText(/Hình ảnh từ dungpq.vpubnd@binhphuoc.gov.vn luôn được hiển thị/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Chặn lại' }));
    await waitFor(() => expect(settingsPuts.at(-1)).toEqual({ alwaysAllowRemoteFrom: [] }));
    await screen.findByRole('button', { name: 'Hiển thị hình ảnh từ bên ngoài' });
    expect(await frameDoc()).not.toContain('tracker.example');
  });

  it('shows a trusted sender’s images at once, matching the address in any case', async () => {
    settings = { alwaysAllowRemoteFrom: ['bantin@tin-tuc.example'] };
    open(5);
    await waitFor(async () => expect(await frameDoc()).toContain('https://img.tin-tuc.example/logo.png'));
    expect(screen.queryByRole('button', { name: 'Hiển thị hình ảnh từ bên ngoài' })).toBeNull();
  });

  it('makes web links of a plain-text body clickable and folds the quoted reply', async () => {
    open(4);
    const user = userEvent.setup();
    const link = await screen.findByRole('link', { name: 'https://dichvucong.gov.vn/p/home' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText(/Không bấm: javascript:alert/).closest('a')).toBeNull();
    expect(screen.queryByText('Đề nghị anh kiểm tra lại.', { exact: false })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Hiện trích dẫn' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(screen.getByText(/Đề nghị anh kiểm tra lại/)).toBeTruthy();
    expect(screen.getByText(/Vào 10:15 Thứ Hai, 30\/11\/2026, Phạm Quốc Dũng đã viết:/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ẩn trích dẫn' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('previews images over the page, PDFs in a new tab, never SVG; all files as one ZIP', async () => {
    open(5);
    const user = userEvent.setup();
    const bar = await screen.findByRole('region', { name: '3 tệp đính kèm' });
    expect(within(bar).getByRole('link', { name: 'Tải tất cả (.zip)' }).getAttribute('href')).toBe(
      '/api/mailboxes/INBOX/messages/5/attachments.zip',
    );
    const pdf = within(bar).getByRole('link', { name: 'Xem trước Công văn 33.pdf' });
    expect(pdf.getAttribute('href')).toBe('/api/mailboxes/INBOX/messages/5/attachments/3?inline=1');
    expect(pdf.getAttribute('target')).toBe('_blank');
    expect(within(bar).queryByRole('button', { name: 'Xem trước Biểu trưng.svg' })).toBeNull();
    expect(within(bar).queryByRole('link', { name: 'Xem trước Biểu trưng.svg' })).toBeNull();
    expect(within(bar).getByRole('link', { name: 'Tải về Biểu trưng.svg' }).getAttribute('href')).toBe(
      '/api/mailboxes/INBOX/messages/5/attachments/4',
    );

    await user.click(within(bar).getByRole('button', { name: 'Xem trước Ảnh hội nghị.png' }));
    const dialog = screen.getByRole('dialog', { name: 'Xem trước: Ảnh hội nghị.png' });
    expect(within(dialog).getByRole('img', { name: 'Ảnh hội nghị.png' }).getAttribute('src')).toBe(
      '/api/mailboxes/INBOX/messages/5/attachments/2?inline=1',
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows Reply-To when it differs from the sender, and the mailing list with its unsubscribe link', async () => {
    open(5);
    await screen.findByText('Ban biên tập');
    expect(screen.getByText('Trả lời tới')).toBeTruthy();
    expect(screen.getByText('Điểm tin chuyển đổi số')).toBeTruthy();
    const unsubscribe = screen.getByRole('link', { name: 'Hủy đăng ký' });
    expect(unsubscribe.getAttribute('href')).toBe('https://tin-tuc.example/huy');
    expect(unsubscribe.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('prints the message alone from a script-less frame, and offers the source as text', async () => {
    open(3);
    const user = userEvent.setup();
    await frameDoc();
    expect(screen.getByRole('link', { name: 'Xem mã nguồn thư' }).getAttribute('href')).toBe(
      '/api/mailboxes/INBOX/messages/3/raw?view=1',
    );
    await user.click(screen.getByRole('button', { name: 'In thư' }));
    const frame = document.querySelector('iframe.print-frame')!;
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    const doc = frame.getAttribute('srcdoc') ?? '';
    expect(doc).toContain('<h1>Công văn số 125/UBND-KGVX về chuyển đổi số</h1>');
    expect(doc).toContain('Phạm Quốc Dũng &lt;dungpq.vpubnd@binhphuoc.gov.vn&gt;');
    expect(doc).toContain('Công văn 125.pdf');
    expect(doc).not.toContain('<script');
    expect(doc).not.toContain('tracker.example');
    frame.remove();
  });

  it('shows every body part in order, a forwarded message nested with its own headers and .eml', async () => {
    open(6);
    const user = userEvent.setup();
    const own = await screen.findByText('Lời nhắn riêng của thư.');
    const frame = screen.getByTitle('Nội dung thư: Chuyển tiếp thư của Sở Tài chính');
    expect(frame.getAttribute('srcdoc')).toContain('Bảng <b>quý IV</b>');
    expect(own.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const nested = screen.getByText('Thư chuyển tiếp').closest('details')!;
    expect(nested.open).toBe(true);
    expect(within(nested).getByText('Sở Tài chính')).toBeTruthy();
    expect(within(nested).getByText('Đề nghị gửi dự toán.')).toBeTruthy();
    expect(
      within(nested).getByRole('link', { name: 'Tải thư chuyển tiếp (.eml)' }).getAttribute('href'),
    ).toBe('/api/mailboxes/INBOX/messages/6/attachments/3');
    expect(screen.queryByText('merged')).toBeNull();
    await user.click(within(nested).getByText('Dự toán ngân sách 2027', { selector: 'summary *' }));
    expect(nested.open).toBe(false);
  });

  it('shows attachment names without bidi tricks, with the type of the real last extension', async () => {
    open(7);
    const bar = await screen.findByRole('region', { name: '2 tệp đính kèm' });
    const items = within(bar).getAllByRole('listitem');
    expect(items[0]!.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/);
    expect(within(items[0]!).getByTitle('Tệp EXE').textContent).toBe('EXE');
    expect(items[0]!.querySelector('.attachment-ext')!.textContent).toBe('.exe');
    expect(items[0]!.querySelector('.attachment-type-pdf')).toBeNull();
    const download = within(items[0]!).getByRole('link', { name: 'Tải về Hóa đơn tháng 11fdp.exe' });
    expect(download.getAttribute('download')).toBe('Hóa đơn tháng 11fdp.exe');
    expect(within(items[1]!).getByTitle('Tệp JS').textContent).toBe('JS');
    expect(items[1]!.querySelector('.attachment-name')!.textContent).toBe('Biên bản.docx.js');
  });
});
