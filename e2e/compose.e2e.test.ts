import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { messagesIn, subjectsIn } from '../proxy/test-support/read-mailbox';
import { removeMailUser, upsertMailUser } from '../scripts/mailstack/mail-users';
import { resolveMailDomain } from '../scripts/mailstack/paths';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { resetMailbox } from '../scripts/seed/mailbox-reset';
import { launchBrowser } from './support/browser';

/**
 * Writing and sending in Chromium against the real proxy, Dovecot and Postfix submission, with
 * two mailboxes of this test's own: what the recipient gets is read back over IMAP.
 */
const baseUrl = inject('baseUrl');
const MB = 1024 * 1024;
const tag = randomBytes(3).toString('hex');
const domain = resolveMailDomain();
const sender = {
  email: `soanthu${tag}.sttt@${domain}`,
  password: 'Soan#Thu2026',
  displayName: 'Lê Văn Soạn',
};
const receiver = {
  email: `nhanthu${tag}.sttt@${domain}`,
  password: 'Nhan#Thu2026',
  displayName: 'Đỗ Thị Nhận',
};
let browser: Browser;
let page: Page;
const uploadPosts: string[] = [];

beforeAll(async () => {
  for (const a of [sender, receiver]) {
    upsertMailUser({
      ...a,
      quotaBytes: 2 * 1024 * MB,
      suspendReason: null,
      unitName: 'Sở Thông tin và Truyền thông',
    });
    resetMailbox(a.email);
  }
  browser = await launchBrowser();
  page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 860 },
  });
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/uploads') uploadPosts.push(r.url());
  });
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(sender.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(sender.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Thư mục' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  for (const a of [sender, receiver]) {
    removeMailUser(a.email);
    resetMailbox(a.email);
  }
});

// 40 MB of uploads through the browser, the proxy and Dovecot: about 30 s on a quiet machine, so
// more than the default minute where CI shares the two cores.
it('writes with bold and a list, refuses 21 MB at once, takes 19 MB, undoes a send, then sends once', async () => {
  await page.getByRole('button', { name: 'Soạn thư' }).click();
  const win = page.getByRole('dialog', { name: /^Soạn thư:/ });
  const to = win.getByRole('combobox', { name: 'Đến' });
  await to.fill(`${receiver.displayName} <${receiver.email}>`);
  await to.press('Enter');
  // Only this test's own mailbox receives anything.
  expect(await win.getByRole('list', { name: 'Đến' }).getByRole('listitem').allTextContents()).toEqual([
    `${receiver.displayName}×`,
  ]);
  await win.getByRole('textbox', { name: 'Tiêu đề' }).fill('Kế hoạch chuyển đổi số năm 2027');
  const bold = win.getByRole('button', { name: 'Chữ đậm (Ctrl+B)' });
  await win.getByRole('textbox', { name: 'Nội dung thư' }).click();
  await page.keyboard.type('Kính gửi ');
  await bold.click();
  await page.keyboard.type('Sở Nội vụ');
  await bold.click();
  await page.keyboard.press('Enter');
  await win.getByRole('button', { name: 'Danh sách dấu đầu dòng' }).click();
  await page.keyboard.type('Mục một');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Mục hai');

  const fileInput = win.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: 'Quá lớn.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(21 * MB, 1),
  });
  await win
    .getByText(
      'Không đính kèm được “Quá lớn.pdf” (21 MB): tổng dung lượng tệp đính kèm của một thư không được vượt quá 20 MB (Quy chế, điểm b khoản 2 Điều 7). Thư này đã đính kèm 0 B.',
    )
    .waitFor();
  expect(uploadPosts).toEqual([]);

  const name = 'Báo cáo tổng hợp – quý IV.pdf';
  await fileInput.setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.alloc(19 * MB, 2) });
  await win.getByRole('button', { name: `Bỏ tệp ${name}` }).waitFor();
  await win.getByRole('progressbar').waitFor({ state: 'detached', timeout: 30_000 });
  await win.getByText('Đã đính kèm 19 MB / 20 MB').waitFor();
  expect(uploadPosts).toHaveLength(1);

  // Undo within the delay: nothing leaves.
  await win.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await win.waitFor();
  await page.waitForTimeout(6_000);
  expect(await subjectsIn(receiver, 'INBOX')).toEqual([]);

  await win.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByText('Đã gửi thư.').waitFor({ timeout: 20_000 });
  await expect
    .poll(() => subjectsIn(receiver, 'INBOX'), { timeout: 15_000 })
    .toEqual(['Kế hoạch chuyển đổi số năm 2027']);
  const [got] = await messagesIn(receiver, 'INBOX');
  const mail = got!.parsed;
  expect(mail.from?.value[0]?.address).toBe(sender.email);
  expect(mail.html).toContain('<strong>Sở Nội vụ</strong>');
  expect(mail.html).toMatch(/<ul>\s*<li>/);
  expect(mail.text).toContain('Mục một');
  expect(mail.attachments.map((a) => [a.filename, a.size])).toEqual([[name, 19 * MB]]);
  expect(await subjectsIn(sender, 'Sent')).toEqual(['Kế hoạch chuyển đổi số năm 2027']);
  // The autosaved draft went with the send.
  expect(await subjectsIn(sender, 'Drafts')).toEqual([]);
}, 120_000);

it('autosaves one draft, keeps it when closed, and reopens it from Drafts with everything', async () => {
  await page.getByRole('button', { name: 'Soạn thư' }).click();
  const win = page.getByRole('dialog', { name: /^Soạn thư:/ });
  await win.getByRole('combobox', { name: 'Đến' }).fill(`${receiver.email};`);
  await win.getByRole('button', { name: 'Đồng gửi / Đồng gửi ẩn' }).click();
  const cc = win.getByRole('combobox', { name: 'Đồng gửi', exact: true });
  // The province's directory completes names typed without tones (this draft is never sent).
  await cc.fill('pham quoc');
  await win.getByRole('option', { name: /Phạm Quốc Dũng/ }).waitFor();
  await cc.fill('vanthu.sttt@binhphuoc.gov.vn,');
  await win.getByRole('textbox', { name: 'Tiêu đề' }).fill('Dự thảo tờ trình');
  await win.getByRole('textbox', { name: 'Nội dung thư' }).click();
  await page.keyboard.type('Bản dự thảo lần 1.');
  await win.locator('input[type="file"]').setInputFiles({
    name: 'Tờ trình số 12.docx',
    mimeType: 'application/msword',
    buffer: Buffer.alloc(40_000, 3),
  });
  await win.getByText('Đã lưu nháp').waitFor({ timeout: 15_000 });
  await page.keyboard.type(' Sửa lần 2.');
  await win.getByText('Đã lưu nháp').waitFor({ timeout: 15_000 });
  await win.getByRole('button', { name: 'Đóng và lưu nháp' }).click();
  await win.waitFor({ state: 'detached' });

  const drafts = await messagesIn(sender, 'Drafts');
  expect(drafts.map((d) => d.parsed.subject)).toEqual(['Dự thảo tờ trình']);
  expect(drafts[0]!.parsed.text).toContain('Bản dự thảo lần 1. Sửa lần 2.');

  await page
    .getByRole('navigation', { name: 'Thư mục' })
    .getByRole('link', { name: /Thư nháp/ })
    .click();
  await page.locator('.message-row', { hasText: 'Dự thảo tờ trình' }).click();
  const reopened = page.getByRole('dialog', { name: 'Soạn thư: Dự thảo tờ trình' });
  await reopened.getByRole('textbox', { name: 'Nội dung thư' }).waitFor();
  expect(await reopened.getByRole('textbox', { name: 'Nội dung thư' }).textContent()).toContain(
    'Bản dự thảo lần 1. Sửa lần 2.',
  );
  await reopened.getByRole('button', { name: `Người nhận ${receiver.email}` }).waitFor();
  await reopened.getByRole('button', { name: 'Người nhận vanthu.sttt@binhphuoc.gov.vn' }).waitFor();
  await reopened.getByText('Tờ trình số 12.docx').waitFor();
  await reopened.getByRole('button', { name: 'Đóng và lưu nháp' }).click();
  await reopened.waitFor({ state: 'detached' });
  expect(await subjectsIn(sender, 'Drafts')).toEqual(['Dự thảo tờ trình']);

  // Opened once more and thrown away: gone from Drafts for good, and from the list.
  await page.locator('.message-row', { hasText: 'Dự thảo tờ trình' }).click();
  await reopened.getByText('Tờ trình số 12.docx').waitFor();
  await reopened.getByRole('button', { name: 'Bỏ thư nháp' }).click();
  // `E2E_SCREENSHOT_DIR=docs/screenshots` refreshes the README's pictures; a normal run writes nothing.
  if (process.env.E2E_SCREENSHOT_DIR) {
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOT_DIR}/compose-discard-confirm.png` });
  }
  await page
    .getByRole('alertdialog', { name: 'Bỏ thư nháp này?' })
    .getByRole('button', { name: 'Bỏ thư nháp' })
    .click();
  await reopened.waitFor({ state: 'detached' });
  await page.getByText('Đã bỏ thư nháp.').waitFor();
  await page.locator('.message-row', { hasText: 'Dự thảo tờ trình' }).waitFor({ state: 'detached' });
  expect(await subjectsIn(sender, 'Drafts')).toEqual([]);
  expect(await subjectsIn(sender, 'Trash')).not.toContain('Dự thảo tờ trình');
});

it('replies with the quoted original and the thread headers; the recipient gets it', async () => {
  const messageId = `<goc-${tag}@${domain}>`;
  const raw = [
    `From: ${receiver.displayName} <${receiver.email}>`,
    `To: ${sender.displayName} <${sender.email}>`,
    `Subject: =?UTF-8?B?${Buffer.from('Công văn 125 về chuyển đổi số').toString('base64')}?=`,
    `Message-ID: ${messageId}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Đề nghị các đơn vị báo cáo trước ngày 25.',
    '',
  ].join('\r\n');
  await deliverViaLmtp([{ from: receiver.email, to: [sender.email], raw: Buffer.from(raw) }]);

  await page.goto(`${baseUrl}/thu/INBOX`);
  await page.locator('.message-row', { hasText: 'Công văn 125 về chuyển đổi số' }).click();
  await page.getByRole('button', { name: 'Trả lời', exact: true }).click();
  const win = page.getByRole('dialog', { name: 'Soạn thư: Re: Công văn 125 về chuyển đổi số' });
  const editor = win.getByRole('textbox', { name: 'Nội dung thư' });
  await editor.waitFor();
  expect(await editor.locator('blockquote').textContent()).toContain(
    'Đề nghị các đơn vị báo cáo trước ngày 25.',
  );
  await win.getByRole('button', { name: `Người nhận ${receiver.displayName} <${receiver.email}>` }).waitFor();
  // The caret waits above the quote.
  await page.keyboard.type('Đã nhận, xin cảm ơn.');
  await page.keyboard.press('Control+Enter');
  await page.getByText('Đã gửi thư.').waitFor({ timeout: 20_000 });

  await expect
    .poll(async () => (await subjectsIn(receiver, 'INBOX')).includes('Re: Công văn 125 về chuyển đổi số'), {
      timeout: 15_000,
    })
    .toBe(true);
  const replies = (await messagesIn(receiver, 'INBOX')).filter((m) => m.parsed.subject?.startsWith('Re:'));
  expect(replies).toHaveLength(1);
  const reply = replies[0]!.parsed;
  expect(reply.inReplyTo).toBe(messageId);
  expect([reply.references].flat()).toContain(messageId);
  expect(reply.html).toMatch(/<blockquote[^>]*>[\s\S]*Đề nghị các đơn vị báo cáo trước ngày 25\./);
  expect(reply.text).toMatch(/^Đã nhận, xin cảm ơn\./);
  expect(reply.text).toContain('> Đề nghị các đơn vị báo cáo trước ngày 25.');
});
