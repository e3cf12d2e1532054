import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { suspendMailUser, upsertMailUser } from '../scripts/mailstack/mail-users';
import { maildirOf, resolveMailDomain } from '../scripts/mailstack/paths';
import { seedSearchMailbox } from '../scripts/seed/search-mail';
import { logIn } from './support/console';
import {
  newVietnamesePage,
  openSection,
  screenshot,
  setUpConsole,
  tearDownConsole,
} from './support/console-e2e';

/**
 * In Chromium against the real proxy and mail stack: a search that lives in the URL (reload,
 * Back, Forward) with its words marked without tones in the list and the reader; and a mailbox
 * suspended at the provider by hand that the console shows "Tạm khóa" everywhere.
 */
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const domain = resolveMailDomain();
const admin = { email: `trangthaie2e.sttt@${domain}`, password: 'QuanTri#E2e2026' };
const suspended = { email: `lanhntkhoa.sgddt@${domain}`, password: 'ThiLanh*Gd2026' };
const reason = 'Tạm khóa do không hoạt động quá 6 tháng (Điều 6.2a)';
const searcher = { email: `timurl-${randomBytes(4).toString('hex')}@${domain}`, password: 'Tim#Kiem2026' };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  upsertMailUser({
    email: suspended.email,
    password: suspended.password,
    quotaBytes: 2 * 1024 ** 3,
    displayName: 'Nguyễn Thị Lành Khóa',
    unitName: 'Sở Giáo dục và Đào tạo',
    suspendReason: null,
  });
  // At the provider, as its own admin would: never through the console.
  suspendMailUser(suspended.email, reason);
  upsertMailUser({ ...searcher, quotaBytes: 1024 ** 3, suspendReason: null });
  await seedSearchMailbox(searcher, new Date());
  ({ browser, page } = await setUpConsole({ baseUrl, dataDir, admin }));
});
afterAll(async () => {
  await tearDownConsole(browser, [admin.email, suspended.email, searcher.email]);
  rmSync(dirname(maildirOf(searcher.email)), { recursive: true, force: true });
});

describe('a mailbox suspended at the provider', () => {
  it('is "Tạm khóa" in the list and found by the "Tạm khóa" filter', async () => {
    await openSection(page, 'Tài khoản');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('lanhntkhoa');
    const row = page.getByRole('row', { name: /Nguyễn Thị Lành Khóa/ });
    await row.waitFor();
    expect(await row.getByText('Tạm khóa', { exact: true }).count()).toBe(1);
    await page.getByLabel('Trạng thái').selectOption({ label: 'Đang hoạt động' });
    await expect.poll(() => row.count()).toBe(0);
    await page.getByLabel('Trạng thái').selectOption({ label: 'Tạm khóa' });
    await row.waitFor();
    await screenshot(page, 'console-suspended-account.png');
  });

  it('is left out of the directory and its log-in shows the same reason', async () => {
    await openSection(page, 'Danh bạ');
    await page.getByLabel('Tìm theo tên, chức vụ, địa chỉ').fill('lanhntkhoa');
    await expect.poll(() => page.getByText(suspended.email).count()).toBe(0);

    const other = await newVietnamesePage(browser);
    await other.goto(baseUrl);
    await other.getByLabel('Địa chỉ thư điện tử').fill(suspended.email);
    await other.getByLabel('Mật khẩu', { exact: true }).fill(suspended.password);
    await other.getByRole('button', { name: 'Đăng nhập' }).click();
    await other.getByText(reason, { exact: false }).waitFor();
    await other.close();
  });
});

describe('the search in the URL, its words marked', () => {
  let mail: Page;
  beforeAll(async () => {
    mail = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 768 },
    });
    await logIn(mail, baseUrl, searcher.email, searcher.password);
  });

  const results = () => mail.getByRole('list', { name: 'Kết quả tìm kiếm' });
  const marks = () => results().locator('mark.search-mark');

  it('puts "cong van" in the URL and marks "Công văn" as written, tones kept', async () => {
    const box = mail.locator('#search-input');
    await box.fill('cong van');
    await box.press('Enter');
    await mail.getByText(/Tìm thấy \d+ thư/).waitFor();
    expect(new URL(mail.url()).search).toBe('?q=cong+van');
    const marked = await marks().allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['Công văn', 'CÔNG VĂN']));
    expect(marked.every((m) => /^c[oô]ng v[aă]n$/i.test(m))).toBe(true);
    const background = await marks()
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(255, 224, 102)');
  });

  it('marks the words in the opened message: HTML inside the sandboxed frame, and plain text', async () => {
    await results().locator('.search-hit', { hasText: 'Thông báo lịch trực' }).getByRole('button').click();
    await mail.waitForURL(/\/thu\/INBOX\/\d+\?q=cong\+van$/);
    const frame = mail.frameLocator('iframe.message-frame, .reader iframe').first();
    await expect.poll(() => frame.locator('mark').allTextContents()).toEqual(['công văn']);
    await screenshot(mail, 'search-highlight.png');

    await results().locator('.search-hit', { hasText: 'Giấy mời họp giao ban' }).getByRole('button').click();
    await mail.locator('.reader-plain mark.search-mark').first().waitFor();
    expect(
      (await mail.locator('.reader-plain mark.search-mark').allTextContents()).map((t) => t.normalize('NFC')),
    ).toEqual(['công văn']);
  });

  it('keeps the search on reload, and Back/Forward move through it', async () => {
    await mail.reload();
    await mail.getByText(/Tìm thấy \d+ thư/).waitFor();
    expect(await mail.locator('#search-input').inputValue()).toBe('cong van');
    expect(await marks().count()).toBeGreaterThan(0);

    await mail.goBack(); // the first opened hit
    await mail.waitForURL(/\/thu\/INBOX\/\d+\?q=cong\+van$/);
    await mail.goBack(); // the results
    await mail.waitForURL(/\/thu\/INBOX\?q=cong\+van$/);
    await results().waitFor();
    await mail.goBack(); // the folder before the search
    await mail.waitForURL(/\/thu\/INBOX$/);
    await expect.poll(() => results().count()).toBe(0);
    expect(await mail.locator('#search-input').inputValue()).toBe('');
    await mail.goForward();
    await results().waitFor();
    expect(await mail.locator('#search-input').inputValue()).toBe('cong van');
  });
});
