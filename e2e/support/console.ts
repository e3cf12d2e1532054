import { execFileSync } from 'node:child_process';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { upsertMailUser } from '../../scripts/mailstack/mail-users';
import { mailStackProxyEnv } from '../../scripts/mailstack/proxy-env';

export type Mailbox = { email: string; password: string };

/** `npm run admin -- <args>` against the e2e proxy's store, as the Sở TT&TT admin runs it. */
export function runAdmin(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...mailStackProxyEnv(), DATA_DIR: dataDir },
  });
}

/** A fresh 2 GB mailbox at the stack for each of a test's (or a screenshot script's) own people. */
export function createMailboxes(accounts: Mailbox[]): void {
  for (const a of accounts) upsertMailUser({ ...a, quotaBytes: 2 * 1024 ** 3, suspendReason: null });
}

/** A fresh mailbox that is the console's admin in `dataDir`'s store. */
export function createConsoleAdmin(dataDir: string, admin: Mailbox): void {
  createMailboxes([admin]);
  runAdmin(dataDir, 'grant-role', admin.email, 'admin');
}

/** What the authenticator app shows for the secret, `stepsAhead` 30-second periods from now. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Thư mục' }).waitFor();
}

/** Opens the account menu of the top bar (password, fault report, console, signing, log-out). */
export async function openAccountMenu(page: Page) {
  const button = page.getByRole('button', { name: /^(Tài khoản|Account) / });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/**
 * From the mail screen into the console the first time: the "Quản trị" link, the QR enrolment,
 * the first code, the recovery codes. Returns the TOTP secret (for later sessions) and the codes.
 */
export async function enrolInConsole(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await openAccountMenu(page);
  await page.getByRole('link', { name: 'Quản trị' }).click();
  await page.getByRole('button', { name: 'Thiết lập ứng dụng xác thực' }).click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('Mã 6 chữ số').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: 'Mã khôi phục' }).waitFor();
  const recoveryCodes = await page.locator('.recovery-codes code').allTextContents();
  await page.getByRole('button', { name: 'Tôi đã lưu các mã, vào trang quản trị' }).click();
  await page.getByRole('navigation', { name: 'Các mục quản trị' }).waitFor();
  return { secret, recoveryCodes };
}
