import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { messagesIn } from '../proxy/test-support/read-mailbox';
import { removeMailUser, upsertMailUser } from '../scripts/mailstack/mail-users';
import { resolveMailDomain } from '../scripts/mailstack/paths';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { resetMailbox } from '../scripts/seed/mailbox-reset';
import { launchBrowser } from './support/browser';
import { logIn } from './support/console';
import { screenshot } from './support/console-e2e';

/**
 * The address book as a user meets it, against the real proxy, Dovecot and Postfix: a sender
 * added from a message, a vCard imported, the group "Lãnh đạo Sở" made and written to, the book
 * exported. Two mailboxes of this test's own; the third member lives outside the province (sink).
 */
const baseUrl = inject('baseUrl');
const tag = randomBytes(3).toString('hex');
const domain = resolveMailDomain();
const user = { email: `danhba${tag}.sttt@${domain}`, password: 'Danh#Ba2026', displayName: 'Lê Thị Danh' };
const leader = {
  email: `lanhdao${tag}.sttt@${domain}`,
  password: 'Lanh#Dao2026',
  displayName: 'Phạm Quốc Dũng',
};
const VCF = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Nguy=E1=BB=85n;H=E1=BA=A1nh;Th=E1=BB=8B M=E1=BB=B9',
  'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Nguy=E1=BB=85n Th=E1=BB=8B M=E1=BB=B9 H=E1=BA=A1nh',
  'EMAIL;INTERNET:myhanh@example.vn',
  'TITLE:Phó Giám đốc',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Chỉ có số điện thoại',
  'TEL;CELL:0913 000 000',
  'END:VCARD',
  '',
].join('\r\n');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  for (const a of [user, leader]) {
    upsertMailUser({
      ...a,
      quotaBytes: 2 * 1024 ** 3,
      suspendReason: null,
      unitName: 'Sở Thông tin và Truyền thông',
    });
    resetMailbox(a.email);
  }
  const raw = [
    `From: ${leader.displayName} <${leader.email}>`,
    `To: ${user.email}`,
    `Subject: =?UTF-8?B?${Buffer.from('Lịch họp giao ban tuần').toString('base64')}?=`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Kính gửi các phòng, họp giao ban lúc 8 giờ sáng thứ Hai.',
    '',
  ].join('\r\n');
  await deliverViaLmtp([{ from: leader.email, to: [user.email], raw: Buffer.from(raw) }]);
  browser = await launchBrowser();
  page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  await logIn(page, baseUrl, user.email, user.password);
});

afterAll(async () => {
  await browser?.close();
  for (const a of [user, leader]) {
    removeMailUser(a.email);
    resetMailbox(a.email);
  }
});

it('adds a sender, imports a vCard, makes "Lãnh đạo Sở", exports, and writes to the group', async () => {
  await page.locator('.message-row', { hasText: 'Lịch họp giao ban tuần' }).click();
  await page.getByRole('button', { name: 'Thêm vào danh bạ' }).click();
  await page.getByText('Đã có trong danh bạ').waitFor();

  await page.getByRole('link', { name: 'Danh bạ' }).click();
  await page.getByRole('heading', { name: 'Danh bạ' }).waitFor();
  await page.getByRole('button', { name: leader.displayName }).waitFor();

  // Import: the preview says what happens and why, nothing changes before the confirmation.
  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập danh bạ từ tệp' });
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'outlook.vcf',
    mimeType: 'text/vcard',
    buffer: Buffer.from(VCF),
  });
  await dialog.getByText('Sẽ thêm 1, gộp 0, bỏ qua 1').waitFor();
  await dialog.getByText('Bỏ qua: không có địa chỉ thư').waitFor();
  await dialog.getByRole('button', { name: 'Nhập 1 mục' }).click();
  await page.getByText('Đã nhập: thêm 1, gộp 0, bỏ qua 1.').waitFor();
  await page.getByRole('button', { name: 'Nguyễn Thị Mỹ Hạnh' }).waitFor();

  // The search ignores tones.
  await page.getByRole('searchbox', { name: /Tìm trong danh bạ/ }).fill('my hanh');
  await expect.poll(() => page.locator('.contacts-list li').count()).toBe(1);
  await page.getByRole('searchbox', { name: /Tìm trong danh bạ/ }).fill('');

  await page.getByRole('button', { name: 'Nhóm mới' }).click();
  await page.getByLabel('Tên nhóm').fill('Lãnh đạo Sở');
  await page.getByRole('checkbox', { name: /Phạm Quốc Dũng/ }).check();
  await page.getByRole('checkbox', { name: /Nguyễn Thị Mỹ Hạnh/ }).check();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('button', { name: 'Lãnh đạo Sở 2', pressed: true }).waitFor();
  await page.getByRole('button', { name: 'Nguyễn Thị Mỹ Hạnh' }).click();
  await page.getByLabel('Chức vụ').waitFor();
  await screenshot(page, 'contact-group.png');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Xuất vCard' }).click(),
  ]);
  const exported = await readFile((await download.path())!, 'utf8');
  expect(exported).toContain('VERSION:4.0');
  expect(exported).toContain('FN:Nguyễn Thị Mỹ Hạnh');
  expect(exported).toContain(`EMAIL:${leader.email}`);
  expect(exported.match(/CATEGORIES:Lãnh đạo Sở/g)).toHaveLength(2);

  // The phone layout: the list alone, the editor over it.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByRole('button', { name: 'Phạm Quốc Dũng' }).waitFor();
  await screenshot(page, 'contact-group-phone.png');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Writing to the group: typing its name offers it, picking it adds its members as chips.
  await page.getByRole('link', { name: /Về hộp thư/ }).click();
  await page.getByRole('button', { name: 'Soạn thư' }).click();
  const win = page.getByRole('dialog', { name: /^Soạn thư:/ });
  const to = win.getByRole('combobox', { name: 'Đến' });
  await to.fill('lanh dao');
  await win.getByRole('option', { name: /Lãnh đạo Sở/ }).click();
  await expect
    .poll(() => win.getByRole('list', { name: 'Đến' }).getByRole('listitem').allTextContents())
    .toEqual(['Nguyễn Thị Mỹ Hạnh×', 'Phạm Quốc Dũng×']);
  await win.getByRole('textbox', { name: 'Tiêu đề' }).fill('Báo cáo tuần gửi lãnh đạo Sở');
  await win.getByRole('textbox', { name: 'Nội dung thư' }).click();
  await page.keyboard.type('Kính gửi lãnh đạo Sở.');
  await win.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByText('Đã gửi thư.').waitFor({ timeout: 20_000 });
  await expect
    .poll(async () => (await messagesIn(leader, 'INBOX')).map((m) => m.parsed.subject), { timeout: 20_000 })
    .toContain('Báo cáo tuần gửi lãnh đạo Sở');
});
