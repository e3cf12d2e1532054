import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../common/contract';
import { routeUrl } from '../../../common/contract/route';
import { passwordRoutes, quotaRoutes, sessionRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { inboxPage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';

const mustChange: SessionInfo = {
  ...session,
  password: { changeRequired: 'first_login', ageDays: 0, daysLeft: null, graceDaysLeft: null },
};

describe('first log-in after an admin reset (Đ6.3c)', () => {
  let current: SessionInfo;
  let posted: unknown[];

  beforeEach(() => {
    current = mustChange;
    posted = [];
    window.history.replaceState(null, '', '/');
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(current)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 2 ** 31, level: 'ok' }),
      ),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
    );
  });

  async function fill(
    user: ReturnType<typeof userEvent.setup>,
    values: { current: string; next: string; confirm: string },
  ) {
    await user.type(screen.getByLabelText('Mật khẩu hiện tại'), values.current);
    await user.type(screen.getByLabelText('Mật khẩu mới'), values.next);
    await user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), values.confirm);
  }

  it('shows only the change screen, with a live checklist, and keeps the submit closed until every rule is met', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Bạn cần đặt mật khẩu mới' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Thư mục' })).toBeNull();
    const user = userEvent.setup();
    await fill(user, { current: 'Tam#Thoi2026x', next: 'matkhau', confirm: 'matkhau' });
    const checklist = screen.getByText('Mật khẩu mới cần:').parentElement!;
    expect(within(checklist).getByText('Có chữ in hoa (A–Z)').closest('li')!.dataset.state).toBe('unmet');
    expect(within(checklist).getByText('Có chữ thường (a–z)').closest('li')!.dataset.state).toBe('met');
    expect((screen.getByRole('button', { name: 'Đổi mật khẩu' }) as HTMLButtonElement).disabled).toBe(true);

    await user.clear(screen.getByLabelText('Mật khẩu mới'));
    await user.type(screen.getByLabelText('Mật khẩu mới'), 'Lua#Hong2026');
    expect(screen.getByText('Hai mật khẩu mới chưa giống nhau.')).toBeTruthy();
    await user.clear(screen.getByLabelText('Nhập lại mật khẩu mới'));
    await user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), 'Lua#Hong2026');
    expect((screen.getByRole('button', { name: 'Đổi mật khẩu' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('keeps what was typed when the proxy refuses, then continues to the inbox once the change is made', async () => {
    server.use(
      http.post(apiPattern(passwordRoutes.change), async ({ request }) => {
        const body = (await request.json()) as { current: string };
        posted.push(body);
        if (body.current !== 'Tam#Thoi2026x') {
          return HttpResponse.json(
            { error: { code: 'current_password_incorrect', message: 'Mật khẩu hiện tại không đúng.' } },
            { status: 400 },
          );
        }
        current = session;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderApp();
    await screen.findByRole('heading', { name: 'Bạn cần đặt mật khẩu mới' });
    const user = userEvent.setup();
    await fill(user, { current: 'Sai#Thoi2026x', next: 'Lua#Hong2026', confirm: 'Lua#Hong2026' });
    await user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await screen.findByText('Mật khẩu hiện tại không đúng.')).toBeTruthy();
    expect((screen.getByLabelText('Mật khẩu mới') as HTMLInputElement).value).toBe('Lua#Hong2026');

    const currentField = screen.getByLabelText('Mật khẩu hiện tại');
    await user.clear(currentField);
    await user.type(currentField, 'Tam#Thoi2026x');
    await user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await screen.findByRole('navigation', { name: 'Thư mục' })).toBeTruthy();
    expect(posted).toEqual([
      { current: 'Sai#Thoi2026x', next: 'Lua#Hong2026' },
      { current: 'Tam#Thoi2026x', next: 'Lua#Hong2026' },
    ]);
  });

  it('switches to the change screen when the password expires during the session (403 password_change_required)', async () => {
    current = session;
    server.use(
      http.get(apiPattern(mailboxRoutes.list), () => {
        current = {
          ...session,
          password: { changeRequired: 'expired', ageDays: 30, daysLeft: null, graceDaysLeft: null },
        };
        return HttpResponse.json(
          { error: { code: 'password_change_required', message: '…', details: { reason: 'expired' } } },
          { status: 403 },
        );
      }),
    );
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Bạn cần đặt mật khẩu mới' })).toBeTruthy();
    expect(screen.getByText(/Mật khẩu của bạn đã dùng 30 ngày/)).toBeTruthy();
  });
});

describe('the monthly reminder (Đ13.3)', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () =>
        HttpResponse.json({
          ...session,
          password: { changeRequired: null, ageDays: 27, daysLeft: 3, graceDaysLeft: null },
        }),
      ),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 2 ** 31, level: 'ok' }),
      ),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
    );
  });

  it('counts the days left and opens the change dialog from the banner; Escape closes it', async () => {
    renderApp();
    expect(await screen.findByText(/Mật khẩu của bạn sẽ hết hạn sau 3 ngày/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Đổi mật khẩu ngay' }));
    const dialog = screen.getByRole('dialog', { name: 'Đổi mật khẩu' });
    expect(within(dialog).getByLabelText('Mật khẩu hiện tại')).toBe(document.activeElement);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
