import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routeUrl } from '../../common/contract/route';
import { quotaRoutes, sessionRoutes, settingsRoutes } from '../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../common/routes/mail';
import { publicConfigRoutes } from '../../common/routes/site';
import { apiPattern } from '../test/api-pattern';
import { hostileMessage, inboxPage, mailboxes, publicConfig, session } from '../test/fixtures';
import { renderApp } from '../test/render';
import { server } from '../test/setup';

describe('MailScreen', () => {
  let quota: { usedBytes: number | null; limitBytes: number | null; level: string };
  let flagCalls: { body: unknown; csrf: string | null }[];

  afterEach(() => {
    vi.useRealTimers();
  });

  beforeEach(() => {
    flagCalls = [];
    quota = { usedBytes: 100, limitBytes: 2 * 1024 ** 3, level: 'ok' };
    // Only the clock is fixed: rows older than today show their date, not their time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-05T03:00:00Z'));
    window.history.replaceState(null, '', '/');
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () => HttpResponse.json(quota)),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
      http.get(routeUrl(messageRoutes.get, { mailbox: 'INBOX', uid: 3 }), () =>
        HttpResponse.json(hostileMessage),
      ),
      http.get(apiPattern(settingsRoutes.get), () => HttpResponse.json({})),
      http.post(routeUrl(messageRoutes.setFlags, { mailbox: 'INBOX' }), async ({ request }) => {
        flagCalls.push({ body: await request.json(), csrf: request.headers.get('x-csrf-token') });
        return new HttpResponse(null, { status: 204 });
      }),
    );
  });

  it('lists folders with Vietnamese names, unread counts and the user folders as named', async () => {
    renderApp();
    const nav = await screen.findByRole('navigation', { name: 'Thư mục' });
    await within(nav).findByText('Hộp thư đến');
    for (const name of ['Thư nháp', 'Thư đã gửi', 'Thùng rác', 'Công văn đến', 'Chuyển đổi số']) {
      expect(within(nav).getByText(name)).toBeTruthy();
    }
    expect(within(nav).getByTitle('2 thư chưa đọc')).toBeTruthy();
    expect(document.title).toBe('(2) Hộp thư công vụ');
  });

  it('shows rows with sender, subject, dd/MM/yyyy date and placeholders for missing fields', async () => {
    renderApp();
    const list = await screen.findByRole('list', { name: 'Danh sách thư' });
    const rows = await within(list).findAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Phạm Quốc Dũng');
    expect(rows[0]!.textContent).toContain('29/11/2026');
    expect(within(rows[0]!).getByLabelText('Có tệp đính kèm')).toBeTruthy();
    expect(rows[1]!.textContent).toContain('hotro@binhphuoc.gov.vn');
    expect(rows[1]!.textContent).toContain('(Không có tiêu đề)');
  });

  it('opens a message in a sandboxed frame, blocks remote images, and marks it read', async () => {
    renderApp();
    const user = userEvent.setup();
    await user.click(await screen.findByText('Công văn số 125/UBND-KGVX về chuyển đổi số'));
    const frame = (await screen.findByTitle(/Nội dung thư:/)) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    const doc = frame.getAttribute('srcdoc') ?? '';
    expect(doc).not.toContain('<script');
    expect(doc).not.toContain('tracker.example');
    expect(doc).toContain('/api/mailboxes/INBOX/messages/3/attachments/1.2?inline=1');
    expect(
      screen.getByText('Hình ảnh và nội dung từ bên ngoài đã bị chặn để bảo vệ quyền riêng tư của bạn.'),
    ).toBeTruthy();
    // The PDF is listed with its size in Vietnamese format; the inline logo is not repeated.
    expect(
      screen.getByRole('link', { name: 'Tải về Công văn 125.pdf' }).closest('li')!.textContent,
    ).toContain('1,8 MB');
    expect(screen.queryByRole('link', { name: 'Tải về logo.png' })).toBeNull();
    await waitFor(() =>
      expect(flagCalls).toEqual([{ body: { uids: [3], add: ['seen'], remove: [] }, csrf: 'csrf-123' }]),
    );

    await user.click(screen.getByRole('button', { name: 'Hiển thị hình ảnh từ bên ngoài' }));
    const shown = (screen.getByTitle(/Nội dung thư:/) as HTMLIFrameElement).getAttribute('srcdoc') ?? '';
    expect(shown).toContain('https://tracker.example/p.gif');
  });

  it('shows no quota banner below 80 %, and the usage in Vietnamese format above (Đ7.2c)', async () => {
    renderApp();
    await screen.findByRole('navigation', { name: 'Thư mục' });
    expect(document.querySelector('.quota-banner')).toBeNull();
  });

  it('warns at 90 % with used / limit in Vietnamese number format and a way to the Trash', async () => {
    quota = { usedBytes: Math.round(1.86 * 1024 ** 3), limitBytes: 2 * 1024 ** 3, level: 'warning' };
    renderApp();
    const banner = await screen.findByText(/Hộp thư của bạn sắp đầy/);
    expect(banner.textContent).toContain('1,9 GB / 2 GB (93%)');
    expect(screen.getByRole('link', { name: 'Mở Thùng rác' }).getAttribute('href')).toBe('/thu/Trash');
  });

  it('forgets the previous user’s mail when the session expires (shared office PCs)', async () => {
    const { queryClient } = renderApp();
    await screen.findByText('Công văn số 125/UBND-KGVX về chuyển đổi số');
    server.use(
      http.get(apiPattern(mailboxRoutes.list), () =>
        HttpResponse.json({ error: { code: 'not_authenticated', message: '' } }, { status: 401 }),
      ),
    );
    await queryClient.invalidateQueries({ queryKey: ['mailboxes'] });
    expect(await screen.findByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey[0]),
    ).not.toContain('messages');
    expect(screen.queryByText('Công văn số 125/UBND-KGVX về chuyển đổi số')).toBeNull();
  });

  it('speaks English when the user picks it', async () => {
    renderApp('en');
    const nav = await screen.findByRole('navigation', { name: 'Folders' });
    expect(await within(nav).findByText('Inbox')).toBeTruthy();
    expect(await screen.findByText('(No subject)')).toBeTruthy();
  });
});
