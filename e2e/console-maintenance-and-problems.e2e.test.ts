import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, parseVietnameseDay, vietnamDateOf, vietnameseDay } from '../common/policy/vietnam-date';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { logIn } from './support/console';
import {
  newVietnamesePage,
  openSection,
  screenshot,
  setUpConsole,
  tearDownConsole,
} from './support/console-e2e';

/**
 * Đ8.1c and Đ13.7 in Chromium against the real proxy and mail stack: the Sở schedules a planned
 * outage (refused with less than 3 working days' notice) that every user sees until it is
 * cancelled; a user's spam report leaves their inbox and lands in the console's queue.
 */
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const admin = { email: 'baotrie2e.sttt@binhphuoc.gov.vn', password: 'QuanTri#E2e2026' };
const user = { email: 'phananhe2e.sttt@binhphuoc.gov.vn', password: 'PhanAnh#E2e26' };
const spamSubject = 'Trúng thưởng 500 triệu đồng — xác nhận ngay';
let browser: Browser;
let console_: Page;

beforeAll(async () => {
  ({ browser, page: console_ } = await setUpConsole({ baseUrl, dataDir, admin, users: [user], empty: true }));
});
afterAll(() => tearDownConsole(browser, [admin.email, user.email]));

const banner = (page: Page) => page.getByRole('region', { name: 'Thông báo bảo trì' });

describe('maintenance notices', () => {
  it('refuses an outage announced too late with the earliest day, shows a valid one to users on the mail screen and the log-in page, and takes it away when cancelled', async () => {
    await openSection(console_, 'Bảo trì');
    const earliestHint = console_.getByTestId('maintenance-earliest');
    await expect.poll(() => earliestHint.textContent()).toMatch(/^Sớm nhất: \d\d\/\d\d\/\d{4}$/);
    const earliest = ((await earliestHint.textContent()) ?? '').replace('Sớm nhất: ', '');
    // At least three working days after today: never today or tomorrow.
    const earliestDay = parseVietnameseDay(earliest)!;
    expect(earliestDay >= addDays(vietnamDateOf(new Date()), 3)).toBe(true);

    const tomorrow = vietnameseDay(addDays(vietnamDateOf(new Date()), 1));
    await console_.getByLabel('Ngày bắt đầu (dd/MM/yyyy)').fill(tomorrow);
    await console_.getByLabel('Giờ bắt đầu (HH:mm)').fill('20:00');
    await console_.getByLabel('Giờ kết thúc (HH:mm)').fill('22:30');
    const message = 'Nâng cấp máy chủ thư; không đăng nhập được trong thời gian này.';
    await console_.getByLabel('Nội dung thông báo').fill(message);
    await console_.getByRole('button', { name: 'Lên lịch', exact: true }).click();
    await console_
      .getByText(`Phải thông báo trước ít nhất 3 ngày làm việc (Điều 8). Sớm nhất: ${earliest}.`)
      .waitFor();
    await screenshot(console_, 'console-maintenance.png');
    // Refused means not listed: the schedule has nothing with this text.
    await console_.getByRole('heading', { name: 'Lịch bảo trì', exact: true }).waitFor();
    await expect
      .poll(() => console_.getByText(/^Chưa có lịch bảo trì nào\.$|^Bắt đầu$/).count())
      .toBeGreaterThan(0);
    expect(await console_.locator('.console-table tr').filter({ hasText: message }).count()).toBe(0);

    await console_.getByLabel('Ngày bắt đầu (dd/MM/yyyy)').fill(earliest);
    await console_.getByRole('button', { name: 'Lên lịch', exact: true }).click();
    await console_.getByText('Đã lên lịch bảo trì; người dùng đã thấy thông báo.').waitFor();
    const row = console_.locator('.console-table tr').filter({ hasText: message });
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      `${earliest} 20:00`,
      `${earliest} 22:30`,
      message,
      'Sắp diễn ra',
      admin.email,
      'Hủy lịch',
    ]);

    const expected = `Hệ thống sẽ bảo trì từ 20:00 ${earliest} đến 22:30 ${earliest}: ${message}`;
    const userPage = await newVietnamesePage(browser);
    await logIn(userPage, baseUrl, user.email, user.password);
    await banner(userPage).getByText(expected).waitFor();
    await screenshot(userPage, 'maintenance-banner.png');
    const visitor = await newVietnamesePage(browser);
    await visitor.goto(baseUrl);
    await visitor.getByLabel('Địa chỉ thư điện tử').waitFor();
    await banner(visitor).getByText(expected).waitFor();

    await row.getByRole('button', { name: 'Hủy lịch' }).click();
    const confirm = console_.getByRole('alertdialog', { name: 'Hủy lịch bảo trì?' });
    await confirm
      .getByText(`Thông báo bảo trì từ ${earliest} 20:00 sẽ không còn hiện cho người dùng.`)
      .waitFor();
    await confirm.getByRole('button', { name: 'Hủy lịch' }).click();
    await console_.getByText('Đã hủy lịch bảo trì.').waitFor();
    await row.getByText('Đã hủy', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Hủy lịch' }).count()).toBe(0);

    for (const page of [userPage, visitor]) {
      // The page asks the proxy for the notices afresh; the answer no longer has this one.
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/notices');
      await page.reload();
      expect((await answer).status()).toBe(200);
      await page
        .getByRole('button', { name: /Đăng nhập|Soạn thư/ })
        .first()
        .waitFor();
      expect(await banner(page).count()).toBe(0);
      expect(await page.getByText(message).count()).toBe(0);
      await page.close();
    }
  });
});

describe('problem reports', () => {
  it('reports a message as spam from the reader: it leaves the inbox and the admin closes it in the queue', async () => {
    const raw = Buffer.from(
      [
        'From: "Ban tổ chức" <giaithuong@khuyenmai-gia.example>',
        `To: ${user.email}`,
        `Subject: =?UTF-8?B?${Buffer.from(spamSubject).toString('base64')}?=`,
        `Date: ${new Date().toUTCString()}`,
        `Message-ID: <spam-${Date.now()}@khuyenmai-gia.example>`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Chúc mừng! Bấm vào liên kết để nhận thưởng trong 24 giờ.',
        '',
      ].join('\r\n'),
    );
    const [delivery] = await deliverViaLmtp([
      { from: 'giaithuong@khuyenmai-gia.example', to: [user.email], raw },
    ]);
    expect(delivery?.accepted).toEqual([user.email]);

    const page = await newVietnamesePage(browser);
    await logIn(page, baseUrl, user.email, user.password);
    const row = page.locator('.message-row', { hasText: spamSubject });
    await row.click();
    await page.getByRole('heading', { level: 2, name: spamSubject }).waitFor();
    await page.getByRole('button', { name: 'Báo cáo thư' }).click();
    const dialog = page.getByRole('dialog', { name: 'Báo cáo thư này' });
    await dialog.getByRole('radio', { name: 'Thư rác' }).check();
    await dialog.getByText('Thư sẽ được chuyển vào thư mục Thư rác.').waitFor();
    await dialog
      .getByLabel('Ghi chú (không bắt buộc)')
      .fill('Thư lừa đảo trúng thưởng, tôi không đăng ký gì.');
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã gửi báo cáo; thư đã được chuyển vào Thư rác.').waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Thư mục' })
      .getByRole('link', { name: /^Thư rác/ })
      .click();
    await page.locator('.message-row', { hasText: spamSubject }).waitFor();
    await page.close();

    await openSection(console_, 'Phản ánh');
    const item = console_.getByRole('row').filter({ hasText: user.email }).filter({ hasText: spamSubject });
    await item.waitFor();
    expect((await item.getByRole('cell').allTextContents()).slice(1)).toEqual([
      'Thư rác',
      user.email,
      spamSubject,
      'Chưa xử lý',
    ]);
    await item.getByRole('button').click();
    const detail = console_.locator('.problems-detail');
    await detail.getByRole('heading', { name: /^Phản ánh số \d+$/ }).waitFor();
    await detail.getByText('Thư lừa đảo trúng thưởng, tôi không đăng ký gì.').waitFor();
    await detail.getByText(/giaithuong@khuyenmai-gia\.example/).waitFor();
    await screenshot(console_, 'console-problems.png');
    const close = detail.getByRole('button', { name: 'Đóng phản ánh' });
    expect(await close.isDisabled()).toBe(true);
    await detail.getByLabel('Kết quả xử lý').fill('Đã chặn tên miền khuyenmai-gia.example trên cổng thư.');
    await close.click();
    await console_.getByText('Đã cập nhật phản ánh.').waitFor();
    await expect.poll(() => item.count()).toBe(0);
    await console_.getByRole('combobox', { name: /^Trạng thái/ }).selectOption({ label: 'Đã đóng' });
    const closed = console_.getByRole('row').filter({ hasText: spamSubject });
    await closed.getByText('Đã đóng').waitFor();
    await closed.getByRole('button').click();
    await detail.getByText(new RegExp(`^${admin.email.replace(/\./g, '\\.')} lúc `)).waitFor();
  });
});
