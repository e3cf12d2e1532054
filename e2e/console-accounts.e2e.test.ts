import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeMailUser } from '../scripts/mailstack/mail-users';
import {
  adminInConsole,
  newVietnamesePage,
  openSection,
  screenshot,
  setUpConsole,
  tearDownConsole,
} from './support/console-e2e';

/**
 * Đ4, Đ5.3a in Chromium against the real proxy and mail stack: the admin creates an account by
 * Đ4 and the new holder logs in with the temporary password; the unit tree; a unit manager
 * reads only their own unit.
 */
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const domain = 'binhphuoc.gov.vn';
const admin = { email: `taikhoane2e.sttt@${domain}`, password: 'QuanTri#E2e2026' };
const manager = { email: `truongphonge2e.vpubnd@${domain}`, password: 'TruongPhong#E2e26' };
/** A namesake already at the provider in snv: the proposal there must take the next number. */
const namesake = { email: `anhdtn.snv@${domain}`, password: 'TrungTen#E2e26' };
const created = `anhdtn.stc@${domain}`;
const fullName = 'Đặng Thị Ngọc Ánh';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  removeMailUser(created);
  ({ browser, page } = await setUpConsole({
    baseUrl,
    dataDir,
    admin,
    users: [manager, namesake],
    grants: [[manager.email, 'unit_manager', 'vpubnd']],
  }));
});
afterAll(() => tearDownConsole(browser, [admin.email, manager.email, namesake.email, created]));

describe('accounts and units in the console', () => {
  it('creates an account named by Đ4, shows the temporary password once, and the holder must change it before the inbox', async () => {
    await openSection(page, 'Tài khoản');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const form = page.getByRole('form', { name: 'Tạo tài khoản' });
    const proposal = form.getByTestId('proposed-address');
    // Pasted from a Mac (NFD) — the same proposal as typed.
    await form.getByLabel('Họ và tên').fill(fullName.normalize('NFD'));
    await form.getByRole('combobox', { name: /^Đơn vị/ }).selectOption('snv');
    await expect.poll(() => proposal.textContent()).toBe(`anhdtn2.snv@${domain}`);
    await form.getByText('Đã có anhdtn.snv trong đơn vị, nên thêm số 2 (điểm b khoản 2 Điều 4).').waitFor();

    await form.getByLabel('Họ và tên').fill(fullName);
    await form.getByRole('combobox', { name: /^Đơn vị/ }).selectOption('stc');
    await expect.poll(() => proposal.textContent()).toBe(created);
    expect(await form.getByText(/Đã có .* trong đơn vị/).count()).toBe(0);
    await form.getByLabel('Chức vụ (không bắt buộc)').fill('Chuyên viên Phòng Ngân sách');
    expect(await form.getByLabel('Dung lượng (GB)').inputValue()).toBe('2');
    await screenshot(page, 'console-account-create.png');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();

    const notice = page
      .getByRole('status')
      .filter({ has: page.getByRole('heading', { name: `Đã tạo ${created}` }) });
    await notice.waitFor({ timeout: 20_000 });
    const temporary = (await notice.getByTestId('temporary-password').textContent()) ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    await notice.getByText('Mật khẩu tạm chỉ hiển thị một lần này.', { exact: false }).waitFor();
    // The new account is in the list, under its unit, and open beside it.
    const detail = page.getByRole('complementary', { name: created });
    await detail.getByText(fullName).first().waitFor();
    await detail.getByText('Phải đổi mật khẩu ở lần đăng nhập tới').waitFor();
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('dang thi ngoc anh');
    const row = page.getByRole('row').filter({ hasText: created });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      `${fullName}Chuyên viên Phòng Ngân sách`,
      created,
      'Sở Tài chính',
      'Đang hoạt động',
      'Người dùng',
      'Chưa đăng nhập',
    ]);
    await screenshot(page, 'console-accounts.png');
    await notice.getByRole('button', { name: 'Xong' }).click();
    expect(await page.getByText(temporary).count()).toBe(0);

    // The holder, in their own browser: the temporary password opens only the change form.
    const holder = await newVietnamesePage(browser);
    await holder.goto(baseUrl);
    await holder.getByLabel('Địa chỉ thư điện tử').fill(created);
    await holder.getByLabel('Mật khẩu', { exact: true }).fill(temporary);
    await holder.getByRole('button', { name: 'Đăng nhập' }).click();
    await holder.getByRole('heading', { name: 'Bạn cần đặt mật khẩu mới' }).waitFor();
    expect(await holder.getByRole('navigation', { name: 'Thư mục' }).count()).toBe(0);
    await holder.getByLabel('Mật khẩu hiện tại').fill(temporary);
    // Đ9: not with the unit's code in it…
    await holder.getByLabel('Mật khẩu mới', { exact: true }).fill('NgocAnh#Stc2026');
    await holder.getByLabel('Nhập lại mật khẩu mới').fill('NgocAnh#Stc2026');
    const personal = holder.locator('.password-checklist li', {
      hasText: 'Không chứa tên tài khoản, đơn vị hay họ tên',
    });
    expect(await personal.getAttribute('data-state')).toBe('unmet');
    expect(await holder.getByRole('button', { name: 'Đổi mật khẩu' }).isDisabled()).toBe(true);
    // …but a password of her own.
    await holder.getByLabel('Mật khẩu mới', { exact: true }).fill('HoaMai#Xuan2026');
    await holder.getByLabel('Nhập lại mật khẩu mới').fill('HoaMai#Xuan2026');
    expect(await personal.getAttribute('data-state')).toBe('met');
    await holder.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await holder.getByRole('navigation', { name: 'Thư mục' }).waitFor();
    await holder.close();

    // The console now knows the first log-in.
    await page.reload();
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('anhdtn.stc');
    await page
      .getByRole('row')
      .filter({ hasText: created })
      .getByRole('cell')
      .last()
      .filter({ hasText: /^\d\d\/\d\d\/\d{4} \d\d:\d\d/ })
      .waitFor();
  });

  it('shows the unit tree with official names, codes, levels and counts', async () => {
    await openSection(page, 'Đơn vị');
    const row = (code: string) =>
      page.getByRole('row').filter({ has: page.locator('code', { hasText: new RegExp(`^${code}$`) }) });
    await row('ubndt').waitFor();
    expect(await row('ubndt').getAttribute('data-depth')).toBe('0');
    expect((await row('ubndt').getByRole('cell').nth(0).textContent())?.trim()).toBe(
      'Ủy ban nhân dân tỉnh Bình Phước',
    );
    expect(await row('ubndt').getByRole('cell').nth(2).textContent()).toBe('Tỉnh');
    expect(await row('stc').getAttribute('data-depth')).toBe('1');
    expect(await row('stc').getByRole('cell').nth(0).textContent()).toBe('└ Sở Tài chính');
    expect(await row('stc').getByRole('cell').nth(2).textContent()).toBe('Sở, ban, ngành');
    expect(await row('stc').getByRole('cell').nth(3).textContent()).toBe('stc@binhphuoc.gov.vn');
    // The account just created counts in its unit and in the province's total.
    const [own, total] = ((await row('stc').getByRole('cell').nth(4).textContent()) ?? '')
      .split(' / ')
      .map(Number);
    expect(own).toBeGreaterThanOrEqual(1);
    expect(total).toBe(own);
    const provinceTotal = Number(
      ((await row('ubndt').getByRole('cell').nth(4).textContent()) ?? '').split(' / ')[1],
    );
    expect(provinceTotal).toBeGreaterThan(own!);
    // Children follow their parent: every department row sits under the province.
    const depths = await page
      .locator('.units-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-depth'))));
    expect(depths[0]).toBe(0);
    expect(depths.length).toBeGreaterThan(10);
    expect(depths.every((d, i) => i === 0 || d <= (depths[i - 1] ?? 0) + 1)).toBe(true);
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).first().waitFor();
    await screenshot(page, 'console-units.png');
  });

  it('shows a unit manager only their unit’s accounts, read-only', async () => {
    const own = await adminInConsole(browser, baseUrl, manager);
    await own.getByText('Bạn chỉ xem được tài khoản của đơn vị mình.').waitFor();
    expect(await own.getByRole('button', { name: 'Tạo tài khoản' }).count()).toBe(0);
    const emails = own.locator('.accounts-table .account-address');
    await emails.first().waitFor();
    const listed = await emails.allTextContents();
    expect(listed).toContain(manager.email);
    expect(listed.every((e) => e.endsWith(`.vpubnd@${domain}`))).toBe(true);
    await own.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('anhdtn');
    await own.getByText('Không có tài khoản nào khớp bộ lọc.').waitFor();
    // The detail of their own account offers nothing to change.
    await own.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
    await own.getByRole('row').filter({ hasText: manager.email }).getByRole('button').click();
    const detail = own.getByRole('complementary', { name: manager.email });
    await detail.getByText('Văn phòng Ủy ban nhân dân tỉnh').first().waitFor();
    for (const name of ['Sửa thông tin', 'Đặt lại mật khẩu', 'Đổi dung lượng', 'Đổi vai trò'])
      expect(await detail.getByRole('button', { name }).count(), name).toBe(0);
    await own.close();
  });
});
