import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messagesIn, subjectsIn } from '../proxy/test-support/read-mailbox';
import { removeMailUser } from '../scripts/mailstack/mail-users';
import { resolveMailDomain } from '../scripts/mailstack/paths';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { resetMailbox } from '../scripts/seed/mailbox-reset';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import {
  createConsoleAdmin,
  createMailboxes,
  enrolInConsole,
  logIn,
  openAccountMenu,
} from './support/console';
import { openSection, screenshot } from './support/console-e2e';

/**
 * Keyboard and screen-reader use of the main screens in Chromium, against the real proxy and mail
 * stack: axe-core (WCAG 2.1 A/AA) finds no serious or critical violation on the log-in, list,
 * reader, compose, password and console accounts screens at 1366×768 and at 360×740; focus comes
 * back where it was after a dialog; and a message template ("Mẫu thư") is saved, picked with the
 * keyboard and sent.
 */
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const tag = randomBytes(3).toString('hex');
const domain = resolveMailDomain();
const clerk = { email: `vanthu${tag}.sttt@${domain}`, password: 'VanThu#A11y2026' };
const receiver = { email: `nhanmau${tag}.sttt@${domain}`, password: 'NhanMau#A11y2026' };
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
let browser: Browser;
let page: Page;

/** The screen as it is now, checked at both sizes (and left at the desktop size). */
async function expectAccessible(screen: string) {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    const { violations, message } = await seriousViolations(page);
    expect(violations, `${screen} at ${size.width}×${size.height}:\n${message}`).toEqual([]);
  }
  await page.setViewportSize(DESKTOP);
}

const focusedName = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}` : '';
  });

beforeAll(async () => {
  createConsoleAdmin(dataDir, clerk);
  createMailboxes([receiver]);
  for (const a of [clerk, receiver]) resetMailbox(a.email);
  const raw = [
    `From: Văn phòng UBND tỉnh <${receiver.email}>`,
    `To: ${clerk.email}`,
    `Subject: =?UTF-8?B?${Buffer.from('Công văn 214 về lịch tiếp công dân').toString('base64')}?=`,
    `Message-ID: <a11y-${tag}@${domain}>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Đề nghị Sở xác nhận đã nhận công văn.',
    '',
  ].join('\r\n');
  await deliverViaLmtp([{ from: receiver.email, to: [clerk.email], raw: Buffer.from(raw) }]);
  browser = await launchBrowser();
  // The page's CSP admits no injected script; axe is the test's own instrument, not the page's.
  page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: DESKTOP,
    bypassCSP: true,
  });
});

afterAll(async () => {
  await browser?.close();
  for (const a of [clerk, receiver]) {
    removeMailUser(a.email);
    resetMailbox(a.email);
  }
});

describe('the main screens with a keyboard and a screen reader', () => {
  it('log-in, list, reader and compose have no serious or critical WCAG 2.1 violation', async () => {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await expectAccessible('log-in');

    await logIn(page, baseUrl, clerk.email, clerk.password);
    const row = page.locator('.message-row', { hasText: 'Công văn 214 về lịch tiếp công dân' });
    await row.waitFor();
    await expectAccessible('message list');

    // The skip link is the first stop of Tab and lands in the list.
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('A:Chuyển đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main-list');

    await row.click();
    await page
      .getByText('Đề nghị Sở xác nhận đã nhận công văn.')
      .or(page.locator('iframe'))
      .first()
      .waitFor();
    await expectAccessible('reader');
    // With a message open, a second skip link goes straight to it.
    await page.getByRole('link', { name: 'Chuyển đến thư đang đọc' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main-reader');

    await page.getByRole('button', { name: 'Soạn thư' }).click();
    const win = page.getByRole('dialog', { name: /^Soạn thư:/ });
    await win.getByRole('textbox', { name: 'Nội dung thư' }).waitFor();
    await expectAccessible('compose');
    await win.getByRole('button', { name: 'Đóng và lưu nháp' }).click();
    await win.waitFor({ state: 'detached' });
  });

  it('the password dialog passes, and closing it gives focus back to the account menu that opened it', async () => {
    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Đổi mật khẩu' });
    await dialog.waitFor();
    await expectAccessible('password change');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The menu item is gone with its menu; focus goes back to the button the menu hangs from.
    const accountButton = page.getByRole('button', { name: /^Tài khoản / });
    expect(await accountButton.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('the shortcuts help, opened from the list with "?", gives focus back to the list on Escape', async () => {
    const row = page.locator('.message-row-button').first();
    await row.focus();
    const before = await focusedName();
    expect(before).toMatch(/^BUTTON:/);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Phím tắt' });
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await focusedName()).toBe(before);
  });

  it('a template saved from compose is picked with the keyboard and sent', async () => {
    await page.getByRole('button', { name: 'Soạn thư' }).click();
    let win = page.getByRole('dialog', { name: /^Soạn thư:/ });
    const to = win.getByRole('combobox', { name: 'Đến' });
    await to.fill(receiver.email);
    await to.press('Enter');
    await win.getByRole('textbox', { name: 'Tiêu đề' }).fill('V/v xác nhận đã nhận công văn');
    await win.getByRole('textbox', { name: 'Nội dung thư' }).click();
    await page.keyboard.type('Văn thư Sở đã nhận được công văn của Quý cơ quan.');
    await win.getByRole('button', { name: 'Mẫu thư' }).click();
    await page.getByRole('menuitem', { name: 'Lưu thư này làm mẫu' }).click();
    const save = page.getByRole('dialog', { name: 'Lưu thư này làm mẫu' });
    await save.getByRole('textbox', { name: 'Tên mẫu' }).fill('Xác nhận đã nhận công văn');
    await page.keyboard.press('Enter');
    await save.waitFor({ state: 'detached' });
    await page.getByText('Đã lưu mẫu “Xác nhận đã nhận công văn”.').waitFor();
    await win.getByRole('button', { name: 'Bỏ thư nháp' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Bỏ thư nháp' }).click();
    await win.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Soạn thư' }).click();
    win = page.getByRole('dialog', { name: /^Soạn thư:/ });
    await win.getByRole('textbox', { name: 'Nội dung thư' }).waitFor();
    const menuButton = win.getByRole('button', { name: 'Mẫu thư' });
    await menuButton.focus();
    await page.keyboard.press('ArrowDown');
    const item = page.getByRole('menuitem', { name: 'Xác nhận đã nhận công văn' });
    await item.waitFor();
    await page.keyboard.press('Home');
    expect(await item.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 860 });
    await screenshot(page, 'templates.png');
    await page.setViewportSize(DESKTOP);
    await page.keyboard.press('Enter');
    expect(await win.getByRole('textbox', { name: 'Tiêu đề' }).inputValue()).toBe(
      'V/v xác nhận đã nhận công văn',
    );
    await win.getByRole('button', { name: `Người nhận ${receiver.email}` }).waitFor();
    await win.getByText('Văn thư Sở đã nhận được công văn của Quý cơ quan.').waitFor();
    await win.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Đã gửi thư.').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => subjectsIn(receiver, 'INBOX'), { timeout: 15_000 })
      .toEqual(['V/v xác nhận đã nhận công văn']);
    const [got] = await messagesIn(receiver, 'INBOX');
    expect(got?.parsed.text).toContain('Văn thư Sở đã nhận được công văn của Quý cơ quan.');
  });

  it('the console accounts screen has no serious or critical WCAG 2.1 violation', async () => {
    await enrolInConsole(page);
    await openSection(page, 'Tài khoản');
    await expectAccessible('console accounts');
  });
});
