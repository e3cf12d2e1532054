import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { readDemoAccounts } from '../scripts/seed/demo-accounts';
import { launchBrowser } from './support/browser';
import { openAccountMenu } from './support/console';

const baseUrl = inject('baseUrl');
const accounts = readDemoAccounts();
const thanh = accounts.find((a) => a.email.startsWith('thanhtv.'))!;
const suspended = accounts.find((a) => a.suspended)!;

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request the page makes that does not go to the proxy itself. */
let foreignRequests: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  page = await context.newPage();
  foreignRequests = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(baseUrl) && !req.url().startsWith('data:') && !req.url().startsWith('about:')) {
      foreignRequests.push(req.url());
    }
  });
});

async function logInAs(email: string, password: string) {
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('log in and read', () => {
  it('shows the Vietnamese error for a wrong password and stays on the login page', async () => {
    await logInAs(thanh.email, 'Sai#MatKhau99');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Địa chỉ thư hoặc mật khẩu không đúng.');
    expect(await page.getByLabel('Địa chỉ thư điện tử').inputValue()).toBe(thanh.email);
  });

  it('tells a suspended user that the mailbox is suspended (Đ6.1)', async () => {
    await logInAs(suspended.email, suspended.password);
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('Hộp thư của bạn đang bị tạm khóa');
  });

  it('logs in with the bare account name, lands in the inbox and reads a Vietnamese message', async () => {
    await logInAs(thanh.email.split('@')[0]!, thanh.password);
    const folders = page.getByRole('navigation', { name: 'Thư mục' });
    await folders.getByText('Hộp thư đến').waitFor();
    expect(page.url()).toBe(`${baseUrl}/thu/INBOX`);
    for (const name of ['Thư nháp', 'Thư đã gửi', 'Thùng rác', 'Công văn đến']) {
      await folders.getByText(name, { exact: true }).waitFor();
    }
    const rows = page.getByRole('list', { name: 'Danh sách thư' }).getByRole('listitem');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(10);

    // Every visible date is dd/MM/yyyy or a time of today.
    const dates = await page.locator('.row-date').allTextContents();
    for (const d of dates) expect(d).toMatch(/^(\d{2}\/\d{2}\/\d{4}|\d{2}:\d{2})$/);

    // Open the first unread message: it is shown, and it becomes read.
    const unread = page.locator('.message-row.unread').first();
    const subject = (await unread.locator('.row-subject').textContent())!;
    const unreadBefore = await page.locator('.message-row.unread').count();
    await unread.locator('.message-row-button').click();
    await page.getByRole('heading', { level: 2, name: subject }).waitFor();
    await expect.poll(() => page.locator('.message-row.unread').count()).toBe(unreadBefore - 1);
    expect(subject.normalize('NFC')).toBe(subject);
    expect(foreignRequests).toEqual([]);
  });

  it('opens a message with an attachment and downloads it under its Vietnamese name', async () => {
    await logInAs(thanh.email, thanh.password);
    const withAttachment = page.locator('.message-row', { has: page.getByLabel('Có tệp đính kèm') }).first();
    await withAttachment.waitFor();
    await withAttachment.locator('.message-row-button').click();
    const item = page.locator('li.attachment').first();
    await item.waitFor();
    const name = (await item.locator('.attachment-name').textContent())!;
    const link = item.getByRole('link', { name: `Tải về ${name}` });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(name);
    const path = await download.path();
    expect(path).toBeTruthy();
  });

  it('never lets a hostile message run a script or fetch a tracker', async () => {
    await logInAs(thanh.email, thanh.password);
    const hostile = page.locator('.message-row', { hasText: 'trúng thưởng' }).first();
    await hostile.waitFor();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await hostile.locator('.message-row-button').click();
    const frame = page.frameLocator('iframe.message-frame');
    await frame.locator('body').waitFor();
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(await page.locator('iframe.message-frame').getAttribute('sandbox')).not.toContain('allow-scripts');
    expect(foreignRequests).toEqual([]);
  });

  it('logs out and back to the login page', async () => {
    await logInAs(thanh.email, thanh.password);
    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    const res = await page.evaluate(async () => (await fetch('/api/session')).status);
    expect(res).toBe(401);
  });
});
