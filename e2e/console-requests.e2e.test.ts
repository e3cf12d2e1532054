import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSection, screenshot, setUpConsole, tearDownConsole } from './support/console-e2e';

/** Đ5.2 in Chromium: a unit's written request is recorded with its document number, or not at all. */
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const admin = { email: 'yeucaue2e.sttt@binhphuoc.gov.vn', password: 'QuanTri#E2e2026' };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await setUpConsole({ baseUrl, dataDir, admin }));
});
afterAll(() => tearDownConsole(browser, [admin.email]));

describe('units’ requests in the console', () => {
  it('refuses a request without its document number, records one with it, and closes it with what was done', async () => {
    await openSection(page, 'Yêu cầu của đơn vị');
    const form = page
      .locator('form')
      .filter({ has: page.getByRole('heading', { name: 'Ghi nhận yêu cầu' }) });
    await form.getByLabel('Mã đơn vị', { exact: true }).fill('vpubnd');
    await form.getByRole('combobox', { name: /^Loại yêu cầu/ }).selectOption({ label: 'Cấp mới' });
    await form.getByLabel('Họ và tên').fill('Đặng Thị Ngọc Ánh');
    await form.getByLabel('Ghi chú').fill('Chuyên viên Phòng Tổng hợp');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vui lòng nhập số văn bản đề nghị.' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Đặng Thị Ngọc Ánh' }).count()).toBe(0);

    await form.getByLabel('Số văn bản').fill('125/VP-TH');
    await form.getByLabel('Ngày văn bản (dd/MM/yyyy)').fill('20/11/2026');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    const saved = page.getByRole('status').filter({ hasText: /^Đã ghi nhận yêu cầu số \d+\.$/ });
    await saved.waitFor();
    const id = /số (\d+)/.exec((await saved.textContent()) ?? '')![1]!;
    expect(await page.getByText('Vui lòng nhập số văn bản đề nghị.').count()).toBe(0);
    // The form is empty again; the request waits in the list with its document.
    expect(await form.getByLabel('Số văn bản').inputValue()).toBe('');
    const row = page.getByRole('row').filter({ hasText: '125/VP-TH' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 7)).toEqual([
      id,
      expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/),
      'vpubnd',
      'Cấp mới',
      '125/VP-TH (20/11/2026)',
      'Đặng Thị Ngọc ÁnhChuyên viên Phòng Tổng hợp',
      'Đang chờ',
    ]);
    await screenshot(page, 'console-requests.png');

    await row.getByRole('button', { name: 'Đã xử lý' }).click();
    await row
      .getByLabel('Đã làm gì (ví dụ: đã cấp hộp thư thanhtv.sttt@…)')
      .fill('Đã cấp hộp thư anhdtn.vpubnd');
    await row.getByRole('button', { name: 'Xác nhận' }).click();
    // Done requests leave the "Đang chờ" list and show under "Đã xử lý" with what was done.
    await expect.poll(() => page.getByRole('row').filter({ hasText: '125/VP-TH' }).count()).toBe(0);
    await page.getByRole('combobox', { name: /^Trạng thái/ }).selectOption({ label: 'Đã xử lý' });
    const done = page.getByRole('row').filter({ hasText: '125/VP-TH' });
    await done.getByText('Đã cấp hộp thư anhdtn.vpubnd').waitFor();
    await done.getByText('Đã xử lý', { exact: true }).waitFor();
  });
});
