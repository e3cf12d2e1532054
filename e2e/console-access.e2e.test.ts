import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import {
  createConsoleAdmin,
  createMailboxes,
  enrolInConsole,
  logIn,
  openAccountMenu,
  runAdmin,
  totpCode,
} from './support/console';
import { screenshot, tearDownConsole } from './support/console-e2e';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const admin = { email: 'quantrie2e.sttt@binhphuoc.gov.vn', password: 'QuanTri#E2e2026' };
const manager = { email: 'quanlye2e.vpubnd@binhphuoc.gov.vn', password: 'QuanLy#E2e2026' };
const user = { email: 'nguoidunge2e.sttt@binhphuoc.gov.vn', password: 'NguoiDung#E2e26' };
let browser: Browser;

beforeAll(async () => {
  createMailboxes([manager, user]);
  createConsoleAdmin(dataDir, admin);
  runAdmin(dataDir, 'grant-role', manager.email, 'unit_manager', 'vpubnd');
  browser = await launchBrowser();
});
afterAll(() => tearDownConsole(browser, [admin.email, manager.email, user.email]));

const newPage = () => browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });

describe('the Sở TT&TT console’s door (roles, TOTP with recovery codes)', () => {
  it('offers nothing to an ordinary user; /quan-tri shows their mail', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, user.email, user.password);
    await openAccountMenu(page);
    expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await page.goto(`${baseUrl}/quan-tri`);
    await page.getByRole('navigation', { name: 'Thư mục' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Các mục quản trị' }).count()).toBe(0);
    await page.close();
  });

  it('enrols an admin (QR code, first code, ten recovery codes), then asks each new session for a code', async () => {
    let page = await newPage();
    await logIn(page, baseUrl, admin.email, admin.password);
    await openAccountMenu(page);
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('button', { name: 'Thiết lập ứng dụng xác thực' }).click();
    await page.getByTestId('totp-secret').waitFor();
    await screenshot(page, 'console-second-factor.png');
    await page.goto(`${baseUrl}/thu/INBOX`);
    const { secret, recoveryCodes } = await enrolInConsole(page);
    expect(recoveryCodes).toHaveLength(10);
    // Every section of the console is in the menu for an admin.
    const menu = page.getByRole('navigation', { name: 'Các mục quản trị' });
    for (const name of ['Tài khoản', 'Đơn vị', 'Nhập danh sách', 'Nhật ký', 'Bảo trì', 'Phản ánh']) {
      expect(await menu.getByRole('link', { name, exact: true }).count(), name).toBe(1);
    }
    await page.close();

    // A new session: the password alone does not open the console.
    page = await newPage();
    await logIn(page, baseUrl, admin.email, admin.password);
    await page.goto(`${baseUrl}/quan-tri/tai-khoan`);
    const field = page.getByLabel('Mã 6 chữ số hoặc mã khôi phục');
    await field.fill('123456');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('alert').filter({ hasText: 'Mã xác thực không đúng' }).waitFor();
    await field.fill(totpCode(secret, 1));
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).waitFor();
    await page.close();

    // A lost phone: a recovery code works, once.
    page = await newPage();
    await logIn(page, baseUrl, admin.email, admin.password);
    await page.goto(`${baseUrl}/quan-tri`);
    await page.getByLabel('Mã 6 chữ số hoặc mã khôi phục').fill(recoveryCodes[3] as string);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).waitFor();
    await page.close();
  });

  it('shows a unit manager a read-only console without the admin-only sections', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, manager.email, manager.password);
    await enrolInConsole(page);
    await page.getByText('Chỉ xem (quản lý đơn vị vpubnd)').waitFor();
    const menu = page.getByRole('navigation', { name: 'Các mục quản trị' });
    expect(await menu.getByRole('link', { name: 'Tài khoản', exact: true }).count()).toBe(1);
    for (const name of ['Nhập danh sách', 'Bảo trì', 'Phản ánh']) {
      expect(await menu.getByRole('link', { name, exact: true }).count(), name).toBe(0);
    }
    await page.close();
  });
});
