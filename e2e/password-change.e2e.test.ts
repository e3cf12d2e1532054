import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSqlite } from '../proxy/store/open-store';
import { removeMailUser, upsertMailUser } from '../scripts/mailstack/mail-users';
import { mailStackProxyEnv } from '../scripts/mailstack/proxy-env';
import { launchBrowser } from './support/browser';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const user = { email: 'moivao.sttt@binhphuoc.gov.vn', password: 'MoiVao#Hue2026' };
let browser: Browser;
/** `E2E_SCREENSHOT_DIR=docs/screenshots` refreshes the README's pictures; a normal run writes nothing. */
const shotDir = process.env.E2E_SCREENSHOT_DIR;
const screenshot = async (page: Page, name: string) => {
  if (shotDir) await page.screenshot({ path: path.join(shotDir, name) });
};

beforeAll(async () => {
  upsertMailUser({ ...user, quotaBytes: 2 * 1024 ** 3, suspendReason: null });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  removeMailUser(user.email);
});

/** `npm run admin -- reset-password`, as the Sở TT&TT admin runs it, against the e2e proxy's store. */
function adminResetPassword(email: string): string {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/admin.ts', 'reset-password', email],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        ...mailStackProxyEnv(),
        DATA_DIR: dataDir,
      },
    },
  );
  const password = /^ {4}(\S+)$/m.exec(out)?.[1];
  if (!password) throw new Error(`no temporary password in: ${out}`);
  return password;
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('the password at the door (Đ6.3c, Đ9, Đ13.3)', () => {
  it('after an admin reset, the first log-in shows only the change form with the live checklist, then the inbox', async () => {
    const temporary = adminResetPassword(user.email);
    const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await logIn(page, user.email, temporary);
    await page.getByRole('heading', { name: 'Bạn cần đặt mật khẩu mới' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Thư mục' }).count()).toBe(0);

    await page.getByLabel('Mật khẩu hiện tại').fill(temporary);
    const next = page.getByLabel('Mật khẩu mới', { exact: true });
    await next.pressSequentially('hoa');
    const rule = (text: string) => page.locator('.password-checklist li', { hasText: text });
    expect(await rule('Có chữ in hoa').getAttribute('data-state')).toBe('unmet');
    expect(await rule('Có chữ thường').getAttribute('data-state')).toBe('met');
    await next.pressSequentially('Sen#2026');
    expect(await rule('Có chữ in hoa').getAttribute('data-state')).toBe('met');
    expect(await page.locator('.password-checklist li[data-state="unmet"]').count()).toBe(0);
    await page.getByLabel('Nhập lại mật khẩu mới').fill('hoaSen#2026');
    await screenshot(page, 'first-login-password.png');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

    await page.getByRole('navigation', { name: 'Thư mục' }).waitFor();
    await page.close();

    // The new password is the one the mail server now takes.
    const again = await browser.newPage({ locale: 'vi-VN' });
    await logIn(again, user.email, temporary);
    await again.getByRole('alert').waitFor();
    expect(await again.getByRole('alert').textContent()).toContain('mật khẩu không đúng');
    await logIn(again, user.email, 'hoaSen#2026');
    await again.getByRole('navigation', { name: 'Thư mục' }).waitFor();
    await again.close();
  });

  it('reminds from day 25 how many days are left, and the banner opens the change dialog', async () => {
    const store = openSqlite(dataDir);
    await store.db
      .updateTable('accounts')
      .set({ password_changed_at: Date.now() - 27 * 86_400_000 - 60_000 })
      .where('email', '=', user.email)
      .execute();
    await store.close();
    const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await logIn(page, user.email, 'hoaSen#2026');
    const banner = page.locator('.password-expiry-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Mật khẩu của bạn sẽ hết hạn sau 3 ngày');
    await page.getByText('Thư mục này chưa có thư nào.').waitFor();
    await screenshot(page, 'password-expiry-banner.png');
    await banner.getByRole('button', { name: 'Đổi mật khẩu ngay' }).click();
    await page.getByRole('dialog', { name: 'Đổi mật khẩu' }).waitFor();
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Thành#2026');
    await screenshot(page, 'password-dialog.png');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.close();
  });
});
