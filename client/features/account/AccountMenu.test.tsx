import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routeUrl } from '../../../common/contract/route';
import { quotaRoutes, sessionRoutes, settingsRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { inboxPage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';
import { initialOf } from './AccountMenu';
import { nextMenuItem } from './menu-keys';

describe('the account menu', { timeout: 20_000 }, () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json({ ...session, role: 'admin' })),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 2, level: 'ok' }),
      ),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
    );
  });

  it('is one button with the address; it opens the account items, Escape closes it and focus returns', async () => {
    renderApp();
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Tài khoản thanhtv.sttt@binhphuoc.gov.vn' });
    expect(button.textContent).toContain('thanhtv.sttt@binhphuoc.gov.vn');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Đăng xuất' })).toBeNull();

    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Tiếng Việt', 'English', 'Đổi mật khẩu', 'Báo lỗi', 'Chữ ký số', 'Đăng xuất']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('link', { name: 'Quản trị' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Mã nguồn (AGPL-3.0)' })).toBeTruthy();
    // Focus moves into the menu; the arrow keys walk it and wrap.
    expect(document.activeElement?.textContent).toBe('Tiếng Việt');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('English');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Đăng xuất');
    await user.keyboard('{Home}');
    expect(document.activeElement?.textContent).toBe('Tiếng Việt');

    await user.keyboard('{Escape}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Đăng xuất' })).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes when an item is chosen, and the dialog it opens is on screen', async () => {
    renderApp();
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: /^Tài khoản / });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(await screen.findByRole('dialog', { name: 'Đổi mật khẩu' })).toBeTruthy();
  });

  it('holds the after-action preference with its question written out, and saves the choice', async () => {
    let saved: unknown = null;
    server.use(
      http.get(apiPattern(settingsRoutes.get), () => HttpResponse.json({ afterMessageAction: 'list' })),
      http.put(apiPattern(settingsRoutes.update), async ({ request }) => {
        saved = await request.json();
        return HttpResponse.json(saved as Record<string, string>);
      }),
    );
    renderApp();
    const user = userEvent.setup();
    // Not in the list's toolbar any more, where a 120 px box cut "Sau khi xóa: mở thư kế tiếp".
    expect(screen.queryByRole('combobox', { name: /Sau khi lưu trữ/ })).toBeNull();
    await user.click(await screen.findByRole('button', { name: /^Tài khoản / }));
    const choice = screen.getByRole('combobox', { name: 'Sau khi lưu trữ, chuyển hoặc xóa thư đang mở' });
    expect([...(choice as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'Về danh sách',
      'Mở thư kế tiếp',
      'Mở thư trước đó',
    ]);
    await user.selectOptions(choice, 'Mở thư kế tiếp');
    await vi.waitFor(() => expect(saved).toEqual({ afterMessageAction: 'next' }));
    expect(screen.getByRole('button', { name: /^Tài khoản / }).getAttribute('aria-expanded')).toBe('true');
  });

  it('closes on a click outside', async () => {
    renderApp();
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: /^Tài khoản / });
    await user.click(button);
    await user.click(screen.getByRole('navigation', { name: 'Thư mục' }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('menu helpers', () => {
  it('initialOf takes the first letter of the address, upper case', () => {
    expect(initialOf('thanhtv.sttt@binhphuoc.gov.vn')).toBe('T');
    expect(initialOf('')).toBe('?');
  });

  it('nextMenuItem wraps at both ends and ignores other keys', () => {
    const items = ['a', 'b', 'c'].map((id) => Object.assign(document.createElement('button'), { id }));
    const id = (key: string, from: number) => nextMenuItem(items, items[from] ?? null, key)?.id;
    expect([id('ArrowDown', 2), id('ArrowUp', 0), id('End', 0), id('Home', 2), id('Tab', 0)]).toEqual([
      'a',
      'c',
      'c',
      'a',
      undefined,
    ]);
  });
});
