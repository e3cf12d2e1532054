import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { addDays, vietnamDateOf, vietnameseDay } from '../common/policy/vietnam-date';
import { withManageSieve } from '../proxy/sieve/managesieve-client';
import { type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { mailStackPorts } from '../scripts/mailstack/paths';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { launchBrowser } from './support/browser';
import { logIn, openAccountMenu } from './support/console';
import { screenshot } from './support/console-e2e';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let owner: FreshMailbox;

beforeAll(async () => {
  browser = await launchBrowser();
  owner = freshMailbox('sieve-e2e');
  await owner.imap((c) => c.mailboxCreate('Công văn đến'));
  const subject = `=?UTF-8?B?${Buffer.from('Công văn số 125/STTTT về chuyển đổi số').toString('base64')}?=`;
  const raw = Buffer.from(
    [
      `From: =?UTF-8?B?${Buffer.from('Văn phòng Sở').toString('base64')}?= <vanphong.sttt@binhphuoc.gov.vn>`,
      `To: ${owner.email}`,
      `Subject: ${subject}`,
      `Date: ${new Date().toUTCString()}`,
      'Message-ID: <sieve-e2e-1@binhphuoc.gov.vn>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Kính gửi các đơn vị, Sở gửi công văn về chuyển đổi số.',
      '',
    ].join('\r\n'),
  );
  await deliverViaLmtp([{ from: 'vanphong.sttt@binhphuoc.gov.vn', to: [owner.email], raw }]);
  page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 768 },
  });
  await logIn(page, baseUrl, owner.email, owner.password);
});
afterAll(async () => {
  await browser?.close();
  owner?.remove();
});

it('turns the out-of-office reply on with its days, and shows it as a banner with Tắt', async () => {
  const today = vietnamDateOf(new Date());
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Trả lời tự động và bộ lọc' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trả lời tự động và bộ lọc' });
  await dialog.getByLabel('Bật trả lời tự động').check();
  await dialog.getByLabel('Từ ngày').fill(vietnameseDay(today));
  await dialog.getByLabel('Đến hết ngày').fill(vietnameseDay(addDays(today, 7)));
  await dialog.getByLabel('Tiêu đề thư trả lời').fill('Vắng mặt: đi công tác');
  await dialog
    .getByLabel('Nội dung')
    .fill('Tôi đi công tác đến hết tuần sau. Việc gấp xin liên hệ Văn phòng Sở.');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.waitFor({ state: 'detached' });

  const banner = page.locator('.vacation-banner');
  await expect
    .poll(() => banner.textContent())
    .toContain(
      `Trả lời tự động đang bật từ ${vietnameseDay(today)} đến hết ${vietnameseDay(addDays(today, 7))}.`,
    );
  await page.getByText('Công văn số 125/STTTT').first().click();
  await page
    .getByRole('article')
    .getByRole('heading', { name: /Công văn số 125/ })
    .waitFor();
  await screenshot(page, 'vacation-banner.png');

  const script = await withManageSieve(
    {
      host: mailStackPorts.host,
      port: mailStackPorts.managesieve,
      requireTls: false,
      allowInsecureTls: false,
    },
    owner,
    (c) => c.getScript('hop-thu-cong-vu'),
  );
  expect(script).toContain('vacation :days 7 :subject "Vắng mặt: đi công tác"');
});

it('makes a filter from the open message, refuses a forward to Gmail, and saves it', async () => {
  await page.getByRole('button', { name: 'Lọc thư như thế này' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trả lời tự động và bộ lọc' });
  const editor = dialog.getByRole('form', { name: 'Bộ lọc thư' });
  expect(await editor.getByLabel('Tên bộ lọc').inputValue()).toBe('Thư từ Văn phòng Sở');
  expect(await editor.getByLabel('Người gửi chứa').inputValue()).toBe('vanphong.sttt@binhphuoc.gov.vn');
  await editor.getByRole('button', { name: '+ Thêm điều kiện' }).click();
  await editor.getByLabel('Tiêu đề chứa').fill('cong van');
  await editor.getByLabel('Chuyển vào thư mục').selectOption({ label: 'Công văn đến' });
  await editor.getByLabel('Đánh dấu đã đọc').check();
  await editor.getByLabel('Chuyển tiếp một bản tới').fill('canbo.binhphuoc@gmail.com');
  await editor.getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => editor.getByRole('alert').last().textContent()).toContain('khoản 9 Điều 12');
  await screenshot(page, 'filter-editor.png');

  await editor.getByLabel('Chuyển tiếp một bản tới').fill('');
  await editor.getByRole('button', { name: 'Lưu' }).click();
  await dialog.waitFor({ state: 'detached' });
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Trả lời tự động và bộ lọc' }).click();
  await dialog.getByRole('tab', { name: 'Bộ lọc thư' }).click();
  await dialog.getByText('Thư từ Văn phòng Sở').waitFor();
  await dialog.getByRole('button', { name: 'Xong' }).click();
});

it('on a 360 px phone, the banner fits and Tắt turns the reply off', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(baseUrl);
  const banner = page.locator('.vacation-banner');
  await banner.waitFor();
  const box = await banner.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  await banner.getByRole('button', { name: 'Sửa' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trả lời tự động và bộ lọc' });
  const dialogBox = await dialog.boundingBox();
  expect(dialogBox && dialogBox.x >= 0 && dialogBox.x + dialogBox.width <= 360).toBe(true);
  await dialog.getByRole('button', { name: 'Quay lại' }).click();
  await banner.getByRole('button', { name: 'Tắt' }).click();
  await banner.waitFor({ state: 'detached' });
});
