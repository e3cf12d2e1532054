import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addDays,
  addMonths,
  parseVietnameseDay,
  vietnamDateOf,
  vietnameseDay,
} from '../common/policy/vietnam-date';
import { logIn } from './support/console';
import {
  newVietnamesePage,
  openSection,
  screenshot,
  setUpConsole,
  tearDownConsole,
} from './support/console-e2e';
import { clippedSelects, overflowingElements } from './support/select-fit';

/**
 * The lifecycle in Chromium against the real proxy and mail stack (Đ5.3b, Đ6.2b, Đ6.2c, Đ6.3): the
 * admin records a departure, sees what will happen and when, runs the job, and the leaver's own
 * browser can no longer send; a suspension and its restore hand out a temporary password once.
 */
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const admin = { email: 'vongdoie2e.sttt@binhphuoc.gov.vn', password: 'QuanTri#E2e2026' };
const leaver = { email: 'nghiviece2e.sttt@binhphuoc.gov.vn', password: 'NghiViec#E2e26' };
const suspended = { email: 'tamkhoae2e.sttt@binhphuoc.gov.vn', password: 'TamKhoa#E2e26' };
let browser: Browser;
let console_: Page;

beforeAll(async () => {
  ({ browser, page: console_ } = await setUpConsole({ baseUrl, dataDir, admin, users: [leaver, suspended] }));
});
afterAll(() => tearDownConsole(browser, [admin.email, leaver.email, suspended.email]));

/** Opens one account in the "Thao tác trên một tài khoản" panel. */
async function openAccount(page: Page, email: string) {
  const panel = page.getByRole('region', { name: 'Thao tác trên một tài khoản' });
  await panel.getByLabel('Địa chỉ thư', { exact: true }).fill(email);
  await panel.getByRole('button', { name: 'Mở', exact: true }).click();
  await panel.getByRole('heading', { name: 'Sẽ xảy ra' }).waitFor();
  return panel;
}

describe('the account lifecycle in the console', () => {
  it('records a staff departure dated today, shows the calendar, runs the job, and the leaver can no longer send', async () => {
    // The leaver has used the webmail: the console knows the account.
    const leaverPage = await newVietnamesePage(browser);
    await logIn(leaverPage, baseUrl, leaver.email, leaver.password);

    await openSection(console_, 'Vòng đời tài khoản');
    const panel = await openAccount(console_, leaver.email);
    const today = vietnamDateOf(new Date());
    const revokeOn = addDays(addMonths(today, 6), 1);
    await panel.getByLabel('Ngày chính thức (dd/MM/yyyy)').fill(vietnameseDay(today));
    await panel.getByRole('combobox', { name: /^Cấp/ }).selectOption({ label: 'Cấp phòng, ban trở xuống' });
    await panel.getByRole('combobox', { name: /^Lý do/ }).selectOption({ label: 'nghỉ việc' });
    // Before anything is recorded: sending is locked today, the export and revocation in six months.
    const preview = await panel.locator('.lifecycle-preview').textContent();
    const match = new RegExp(
      `^Khóa gửi thư từ ${vietnameseDay(today)}; xuất dữ liệu từ (\\d\\d/\\d\\d/\\d{4}); thu hồi từ ${vietnameseDay(revokeOn)}\\.$`,
    ).exec(preview ?? '');
    expect(match, preview ?? '').not.toBeNull();
    const exportOn = parseVietnameseDay(match![1]!)!;
    expect(exportOn > today && exportOn < revokeOn).toBe(true);

    await panel.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: 'Đã ghi nhận nghỉ việc.' }).waitFor();
    await panel
      .getByText(`Đã ghi nhận: nghỉ việc từ ${vietnameseDay(today)} (Cấp phòng, ban trở xuống)`)
      .waitFor();
    const schedule = panel.locator('.lifecycle-schedule li');
    await expect
      .poll(() => schedule.allTextContents())
      .toEqual([
        expect.stringMatching(
          new RegExp(`^${vietnameseDay(today)} — Khóa gửi thư \\(điểm b khoản 3 Điều 5\\)$`),
        ),
        expect.stringMatching(
          new RegExp(`^${vietnameseDay(exportOn)} — Xuất dữ liệu hộp thư \\(điểm b khoản 3 Điều 5\\)$`),
        ),
        expect.stringMatching(
          new RegExp(`^${vietnameseDay(revokeOn)} — Thu hồi hộp thư.*Chờ: Xuất dữ liệu hộp thư`),
        ),
      ]);

    // Today's dry run lists the lock before it happens.
    const todayCard = console_.getByRole('region', {
      name: `Hôm nay (${vietnameseDay(today)}): những việc đến hạn`,
    });
    const dueRow = todayCard.getByRole('row').filter({ hasText: leaver.email });
    await dueRow.waitFor();
    expect(await dueRow.getByRole('cell').allTextContents()).toEqual([
      leaver.email,
      'Khóa gửi thư',
      'điểm b khoản 3 Điều 5',
      vietnameseDay(today),
      '',
    ]);
    // A laptop's screen and a phone's: every choice in the account's forms reads in full, and no
    // form pushes the page wider than the screen.
    await console_.setViewportSize({ width: 1366, height: 768 });
    expect(await clippedSelects(console_)).toEqual([]);
    expect(await overflowingElements(console_, '.console-main')).toEqual([]);
    await panel.getByRole('heading', { name: 'Sẽ xảy ra' }).evaluate((h) => {
      h.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -24);
    });
    await screenshot(console_, 'console-lifecycle.png');
    await console_.setViewportSize({ width: 360, height: 740 });
    expect(await clippedSelects(console_)).toEqual([]);
    expect(await overflowingElements(console_, '.console-main')).toEqual([]);
    await console_.setViewportSize({ width: 1440, height: 900 });
    await console_.evaluate(() => window.scrollTo(0, 0));

    await todayCard.getByRole('button', { name: 'Chạy ngay' }).click();
    const confirm = console_.getByRole('alertdialog', { name: 'Chạy ngay' });
    await confirm.getByText(/^Thực hiện ngay \d+ việc đến hạn\?/).waitFor();
    await confirm.getByRole('button', { name: 'Chạy ngay' }).click();
    await todayCard
      .getByRole('status')
      .filter({ hasText: /^Đã chạy: [1-9]\d* việc thực hiện, 0 việc lỗi\.$/ })
      .waitFor();
    await expect.poll(() => todayCard.getByRole('row').filter({ hasText: leaver.email }).count()).toBe(0);
    await openAccount(console_, leaver.email);
    await panel.getByText(/^Hộp thư bị khóa chức năng gửi thư từ ngày/).waitFor();
    // The run is in the history with its outcome.
    const runs = console_.getByRole('region', { name: 'Các lần chạy' });
    await runs
      .getByRole('row')
      .filter({ hasText: 'Thực hiện' })
      .filter({ hasText: admin.email })
      .first()
      .waitFor();

    // The leaver's own browser: writing still works, sending is refused in Vietnamese.
    await leaverPage.getByRole('button', { name: 'Soạn thư' }).click();
    const win = leaverPage.getByRole('dialog', { name: /^Soạn thư/ });
    await win.getByRole('combobox', { name: 'Đến' }).fill(`${admin.email};`);
    await win.getByRole('textbox', { name: 'Tiêu đề' }).fill('Bàn giao công việc');
    await win.getByRole('textbox', { name: 'Nội dung thư' }).click();
    await leaverPage.keyboard.insertText('Gửi anh chị danh sách hồ sơ bàn giao.');
    await win.getByRole('button', { name: 'Gửi', exact: true }).click();
    await leaverPage
      .getByText('Hộp thư của bạn đã bị khóa chức năng gửi thư.')
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await leaverPage.getByText('Đã gửi thư.').count()).toBe(0);
    await leaverPage.close();
  });

  it('suspends with a reason, records the restore request, verifies and restores with a temporary password shown once', async () => {
    const userPage = await newVietnamesePage(browser);
    await logIn(userPage, baseUrl, suspended.email, suspended.password);
    await userPage.close();

    await openSection(console_, 'Vòng đời tài khoản');
    const panel = await openAccount(console_, suspended.email);
    await panel.locator('.lifecycle-facts').getByText('Đang hoạt động').waitFor();
    await panel
      .getByRole('combobox', { name: /^Căn cứ/ })
      .selectOption({ label: 'Bị chiếm dụng, lộ mật khẩu' });
    await panel.getByText('Theo điểm b khoản 2 Điều 6 Quy chế.').waitFor();
    await panel.getByLabel('Ghi chú (cảnh báo, phản ánh…)').fill('Đăng nhập lạ từ nước ngoài lúc 02:00');
    await panel.getByRole('button', { name: 'Tạm khóa', exact: true }).click();
    const confirm = console_.getByRole('alertdialog', { name: 'Tạm khóa' });
    await confirm
      .getByText(`Tạm khóa ${suspended.email}? Người dùng không đăng nhập được nhưng vẫn nhận thư.`)
      .waitFor();
    await confirm.getByRole('button', { name: 'Xác nhận' }).click();
    await panel.getByRole('status').filter({ hasText: 'Đã tạm khóa.' }).waitFor();
    await panel.locator('.lifecycle-facts').getByText('Tạm khóa', { exact: true }).waitFor();

    // The user is kept out, in Vietnamese.
    const blocked = await newVietnamesePage(browser);
    await blocked.goto(baseUrl);
    await blocked.getByLabel('Địa chỉ thư điện tử').fill(suspended.email);
    await blocked.getByLabel('Mật khẩu', { exact: true }).fill(suspended.password);
    await blocked.getByRole('button', { name: 'Đăng nhập' }).click();
    await blocked.getByRole('alert').filter({ hasText: 'Hộp thư của bạn đang bị tạm khóa.' }).waitFor();
    await blocked.close();

    // The unit's written request arrives: recorded with its one-working-day deadline.
    await panel.getByRole('button', { name: 'Ghi nhận đề nghị mở lại' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Đã ghi nhận; hạn xử lý \d\d\/\d\d\/\d{4}\.$/ })
      .waitFor();
    await panel
      .getByText(/^Đề nghị nhận lúc .*; hạn xử lý \d\d\/\d\d\/\d{4} \(01 ngày làm việc\)\.$/)
      .waitFor();

    await panel.getByRole('button', { name: 'Đã xác minh — mở lại và cấp mật khẩu tạm' }).click();
    await console_
      .getByRole('alertdialog', { name: 'Mở lại hộp thư (khoản 3 Điều 6)' })
      .getByRole('button', { name: 'Xác nhận' })
      .click();
    const shown = panel.getByTestId('temporary-password');
    await shown.waitFor();
    const temporary = (await shown.textContent()) ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    await panel.locator('.lifecycle-facts').getByText('Đang hoạt động').waitFor();
    // Shown once: opening the account again does not show it any more.
    await console_.reload();
    await openAccount(console_, suspended.email);
    expect(await console_.getByTestId('temporary-password').count()).toBe(0);
    expect(await console_.getByText(temporary).count()).toBe(0);

    // The user logs in with it and has to choose a new password first.
    const back = await newVietnamesePage(browser);
    await back.goto(baseUrl);
    await back.getByLabel('Địa chỉ thư điện tử').fill(suspended.email);
    await back.getByLabel('Mật khẩu', { exact: true }).fill(temporary);
    await back.getByRole('button', { name: 'Đăng nhập' }).click();
    await back.getByRole('heading', { name: 'Bạn cần đặt mật khẩu mới' }).waitFor();
    expect(await back.getByRole('navigation', { name: 'Thư mục' }).count()).toBe(0);
    await back.getByLabel('Mật khẩu hiện tại').fill(temporary);
    await back.getByLabel('Mật khẩu mới', { exact: true }).fill('MoLai#Hop2026');
    await back.getByLabel('Nhập lại mật khẩu mới').fill('MoLai#Hop2026');
    await back.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await back.getByRole('navigation', { name: 'Thư mục' }).waitFor();
    await back.close();
  });
});
