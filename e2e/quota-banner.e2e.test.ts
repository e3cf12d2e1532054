import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { fillMailbox } from '../proxy/test-support/fill-mailbox';
import { readDemoAccounts } from '../scripts/seed/demo-accounts';
import { launchBrowser } from './support/browser';

const baseUrl = inject('baseUrl');
const small = readDemoAccounts().find((a) => a.quotaBytes === 1024 * 1024)!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('warns a user whose mailbox is 90 % full, in Vietnamese with used / limit (Đ7.2c)', async () => {
  await fillMailbox(small.email, 940 * 1024);
  const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(small.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(small.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const banner = page.locator('.quota-banner');
  await banner.waitFor();
  expect(await banner.getAttribute('data-level')).toBe('warning');
  const text = (await banner.textContent()) ?? '';
  expect(text).toContain('Hộp thư của bạn sắp đầy');
  expect(text).toMatch(/\d+(,\d)? KB \/ 1 MB \(9\d%\)/);
  await page.getByRole('link', { name: 'Mở Thùng rác' }).click();
  expect(page.url()).toBe(`${baseUrl}/thu/Trash`);
  await page.close();
});
