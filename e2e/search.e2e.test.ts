import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { removeMailUser, upsertMailUser } from '../scripts/mailstack/mail-users';
import { maildirOf, resolveMailDomain } from '../scripts/mailstack/paths';
import { seedSearchMailbox } from '../scripts/seed/search-mail';
import { launchBrowser } from './support/browser';

/** Search in Chromium against the real proxy and Dovecot, in a mailbox of this test's own. */
const baseUrl = inject('baseUrl');
const email = `search-e2e-${randomBytes(4).toString('hex')}@${resolveMailDomain()}`;
const password = 'Tim#Kiem2026';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  upsertMailUser({ email, password, quotaBytes: 1024 ** 3, suspendReason: null });
  await seedSearchMailbox({ email, password }, new Date());
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.message-row').first().waitFor();
});
afterAll(async () => {
  await browser?.close();
  removeMailUser(email);
  rmSync(dirname(maildirOf(email)), { recursive: true, force: true });
});

async function searchFor(text: string): Promise<string[]> {
  const box = page.locator('#search-input');
  await box.fill(text);
  await box.press('Enter');
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  await results.waitFor();
  await page.getByText(/Tìm thấy \d+ thư/).waitFor();
  return results.locator('.row-subject').allTextContents();
}

it('"cong van" typed without tones finds "Công văn …" in every folder, Trash included', async () => {
  const subjects = await searchFor('cong van');
  expect(subjects).toContain('Công văn số 125 về chuyển đổi số');
  expect(subjects).toContain('CÔNG VĂN KHẨN: ĐIỆN TỬ HÓA HỒ SƠ');
  expect(subjects).toContain('Giấy mời họp giao ban'); // "công văn" in its NFD body
  expect(subjects).toContain('Công văn đã xóa');
  expect(subjects).not.toContain('Lịch công tác tuần 48');
  const trash = page.locator('.search-hit', { hasText: 'Công văn đã xóa' });
  expect(await trash.locator('.search-hit-folder').textContent()).toContain('Thùng rác');
});

it('"điện tử" typed with tones finds the windows-1258 report; opening it shows the message', async () => {
  const subjects = await searchFor('điện tử');
  expect(subjects).toContain('Báo cáo điện tử tháng 11');
  await page.locator('.search-hit', { hasText: 'Báo cáo điện tử tháng 11' }).getByRole('button').click();
  await page.waitForURL(/\/thu\/INBOX\/\d+(\?|$)/);
  await expect
    .poll(() => page.locator('.reader-pane').textContent())
    .toContain('Đề nghị Ủy ban nhân dân huyện gửi báo cáo trước ngày 25.');
  // The hits stay beside the open message, the open one marked.
  expect(await page.locator('.search-hit.selected .row-subject').textContent()).toBe(
    'Báo cáo điện tử tháng 11',
  );
});

it('the advanced panel: sender without tones and a dd/MM/yyyy date range', async () => {
  await page.locator('#search-input').fill('');
  await page.getByRole('button', { name: 'Tìm kiếm nâng cao' }).click();
  const panel = page.getByRole('form', { name: 'Tìm kiếm nâng cao' });
  await panel.getByLabel('Người gửi').fill('dang van duc');
  await panel.getByLabel('Từ ngày').fill('31/02/2026');
  await panel.getByRole('button', { name: 'Tìm kiếm' }).click();
  await panel.getByText('Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.').waitFor();
  await panel.getByLabel('Từ ngày').fill('01/01/2020');
  await panel.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.getByText(/Tìm thấy 1 thư/).waitFor();
  const subjects = await page
    .getByRole('list', { name: 'Kết quả tìm kiếm' })
    .locator('.row-subject')
    .allTextContents();
  expect(subjects).toEqual(['CÔNG VĂN KHẨN: ĐIỆN TỬ HÓA HỒ SƠ']);
});
