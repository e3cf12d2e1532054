import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSection, screenshot, setUpConsole, tearDownConsole } from './support/console-e2e';

/** Đ14.2g in Chromium: an application's token shown once, working at once, refused once revoked. */
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const admin = { email: 'ungdunge2e.sttt@binhphuoc.gov.vn', password: 'QuanTri#E2e2026' };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await setUpConsole({ baseUrl, dataDir, admin }));
});
afterAll(() => tearDownConsole(browser, [admin.email]));

const inbox = (token: string) =>
  fetch(`${baseUrl}/api/service/v1/mailboxes/INBOX/messages?limit=5`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe('connected applications in the console', () => {
  it('creates one for the unit mailbox, shows its token once, and revokes it', async () => {
    await openSection(page, 'Ứng dụng kết nối');
    await page.getByRole('button', { name: 'Thêm ứng dụng kết nối' }).click();
    const form = page
      .locator('form')
      .filter({ has: page.getByRole('heading', { name: 'Thêm ứng dụng kết nối' }) });
    const name = `Hệ thống quản lý văn bản tỉnh ${Date.now() % 10_000}`;
    await form.getByLabel('Tên ứng dụng').fill(name);
    await form
      .getByRole('combobox', { name: /^Đơn vị/ })
      .selectOption({ label: 'Sở Thông tin và Truyền thông — sttt@binhphuoc.gov.vn' });
    await form.getByLabel('Xem danh bạ của tỉnh').check();
    await form.getByRole('button', { name: 'Tạo mã truy cập' }).click();

    const token = (await page.getByTestId('api-token').textContent()) ?? '';
    expect(token).toMatch(/^bpk_[A-Za-z0-9_-]{43}$/);
    await page.getByText('Mã chỉ hiện một lần này').waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    await screenshot(page, 'console-api-clients.png');
    expect((await inbox(token)).status).toBe(200);

    await page.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
    expect(await page.getByTestId('api-token').count()).toBe(0);
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText('Đã thu hồi', { exact: true }).waitFor();
    const refused = await inbox(token);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('api_token_revoked');
  });
});
