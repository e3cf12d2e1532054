import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { emlMessage, mboxOf, zipOf } from '../proxy/test-support/mail-files';
import { messagesIn } from '../proxy/test-support/read-mailbox';
import { removeMailUser, upsertMailUser } from '../scripts/mailstack/mail-users';
import { resolveMailDomain } from '../scripts/mailstack/paths';
import { resetMailbox } from '../scripts/seed/mailbox-reset';
import { launchBrowser } from './support/browser';
import { logIn } from './support/console';
import { screenshot } from './support/console-e2e';

/**
 * "Nhập thư từ tệp" as a user meets it, against the real proxy and Dovecot: an mbox exported from
 * the old program, a ZIP of .eml files and a PDF chosen by mistake; the report says what went in
 * and why the rest did not, and the messages are in the folder.
 */
const baseUrl = inject('baseUrl');
const user = {
  email: `nhapthu${randomBytes(3).toString('hex')}.sttt@${resolveMailDomain()}`,
  password: 'Nhap#Thu2026',
  displayName: 'Trần Văn Nhập',
};
const day = (i: number) => new Date(Date.UTC(2024, 9, 1 + i, 2, 30));

let browser: Browser;
let page: Page;

beforeAll(async () => {
  upsertMailUser({
    ...user,
    quotaBytes: 2 * 1024 ** 3,
    suspendReason: null,
    unitName: 'Sở Thông tin và Truyền thông',
  });
  resetMailbox(user.email);
  browser = await launchBrowser();
  page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 768 },
  });
  await logIn(page, baseUrl, user.email, user.password);
});

afterAll(async () => {
  await browser?.close();
  removeMailUser(user.email);
  resetMailbox(user.email);
});

it('imports an mbox and a zip into the inbox and shows the report', async () => {
  const subjects = [
    'Kế hoạch chuyển đổi số năm 2025',
    'Giấy mời họp giao ban quý IV',
    'Báo cáo tổng kết công tác văn thư',
  ];
  const mbox = Buffer.concat([
    mboxOf(
      Array.from({ length: 12 }, (_, i) => emlMessage(`${subjects[i % 3]} (${i + 1})`, day(i))),
      'mboxrd',
    ),
    Buffer.from('From vanthu@binhphuoc.gov.vn Mon Jan  6 01:00:00 2025\n\x00\x01\x02 hỏng\n'),
  ]);
  const zip = await zipOf({
    'cong-van-1.eml': emlMessage('Công văn số 125/STTTT-VP', day(20)),
    'cong-van-2.eml': emlMessage('Quyết định số 1956/QĐ-UBND', day(21)),
  });

  await page.getByRole('button', { name: 'Nhập thư từ tệp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập thư từ tệp' });
  await dialog.locator('input[type="file"]').setInputFiles([
    { name: 'thu-cu-outlook.mbox', mimeType: 'application/mbox', buffer: mbox },
    { name: 'cong-van.zip', mimeType: 'application/zip', buffer: zip },
    {
      name: 'bao-cao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\n', 'latin1'),
    },
  ]);
  await dialog.getByText('Đã chọn 3 tệp').waitFor();
  await dialog.getByRole('button', { name: 'Nhập thư' }).click();
  await dialog.getByText('Đã nhập xong vào').waitFor();
  expect(await dialog.getByText('Đã nhập: 14 thư').count()).toBe(1);
  expect(await dialog.getByText('Không nhập được: 2 thư').count()).toBe(1);
  await dialog.getByText('Tệp mbox bị hỏng').waitFor();
  await screenshot(page, 'import-report.png');

  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await page.locator('.message-row', { hasText: 'Quyết định số 1956/QĐ-UBND' }).waitFor();
  const inbox = await messagesIn(user, 'INBOX');
  expect(inbox).toHaveLength(14);
  expect(inbox.every((m) => m.flags?.has('\\Seen'))).toBe(true);
});
