import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { appendMessages, type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { launchBrowser } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let box: FreshMailbox;

beforeAll(async () => {
  browser = await launchBrowser();
  box = freshMailbox('live-e2e');
  await box.imap((c) =>
    appendMessages(c, 'INBOX', [{ subject: 'Thông báo lịch trực Tết', flags: ['\\Seen'] }]),
  );
});
afterAll(async () => {
  await browser?.close();
  box?.remove();
});

function deliver(subject: string) {
  const raw = Buffer.from(
    [
      'From: Văn phòng Sở <vanphong.sttt@binhphuoc.gov.vn>',
      `To: ${box.email}`,
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <live-e2e-${randomBytes(6).toString('hex')}@test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Kính mời đồng chí dự họp.',
      '',
    ].join('\r\n'),
  );
  return deliverViaLmtp([{ from: 'vanphong.sttt@binhphuoc.gov.vn', to: [box.email], raw }]);
}

it('shows mail delivered while the inbox is open, with the unread count in the tab title', async () => {
  const page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  // The stream's first event says the proxy watches the mailbox (the client reloads once then).
  const watching = page.waitForResponse((r) => r.url() === `${baseUrl}/api/events` && r.status() === 200);
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(box.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(box.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const list = page.getByRole('list', { name: 'Danh sách thư' });
  await list.getByText('Thông báo lịch trực Tết', { exact: true }).waitFor();
  expect(await page.title()).toBe('Hộp thư công vụ');
  const stream = await watching;
  expect(stream.headers()['content-type']).toBe('text/event-stream; charset=utf-8');

  const reloads = watchNavigations(page);
  const sentAt = Date.now();
  await deliver('Giấy mời họp giao ban chuyển đổi số');
  await list.getByText('Giấy mời họp giao ban chuyển đổi số', { exact: true }).waitFor({ timeout: 10_000 });
  const shownAfter = Date.now() - sentAt;
  await page.waitForFunction(() => document.title === '(1) Hộp thư công vụ', undefined, { timeout: 5_000 });
  console.info(`live e2e: LMTP delivery → row on screen in ${shownAfter} ms`);
  // No reload: the same document all along.
  expect(reloads.navigations).toBe(0);

  const folders = page.getByRole('navigation', { name: 'Thư mục' });
  expect(await folders.getByTitle('1 thư chưa đọc').count()).toBe(1);
  await page.screenshot({ path: process.env.LIVE_SCREENSHOT ?? '/tmp/live-updates-e2e.png' });
  await page.close();
});

function watchNavigations(page: Awaited<ReturnType<Browser['newPage']>>) {
  const counts = { navigations: 0 };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) counts.navigations++;
  });
  return counts;
}
