import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { fillMailbox } from '../proxy/test-support/fill-mailbox';
import { subjectsIn } from '../proxy/test-support/read-mailbox';
import { removeMailUser, upsertMailUser } from '../scripts/mailstack/mail-users';
import { mailStackPaths, resolveMailDomain } from '../scripts/mailstack/paths';
import { resetMailbox } from '../scripts/seed/mailbox-reset';
import { launchBrowser } from './support/browser';

/**
 * Sending when things go wrong, in Chromium against the real stack: the submission server is
 * really stopped (Postfix of the test stack), and a really full mailbox sends without a Sent copy.
 */
const baseUrl = inject('baseUrl');
const MB = 1024 * 1024;
const tag = randomBytes(3).toString('hex');
const domain = resolveMailDomain();
const sender = {
  email: `mangdut${tag}.sttt@${domain}`,
  password: 'Mang#Dut2026',
  displayName: 'Vũ Văn Mạng',
};
const receiver = {
  email: `nhanlai${tag}.sttt@${domain}`,
  password: 'Nhan#Lai2026',
  displayName: 'Hồ Thị Nhận',
};
const full = { email: `hopday${tag}.sttt@${domain}`, password: 'Hop#Day2026', displayName: 'Tạ Văn Đầy' };
let browser: Browser;

/** The test stack's own Postfix; `start` is a no-op when it already runs. */
function postfix(action: 'stop' | 'start') {
  const run = (cmd: string) =>
    execFileSync('postfix', ['-c', mailStackPaths.postfixConfigDir, cmd], { stdio: 'ignore' });
  if (action === 'start') {
    try {
      run('status');
      return;
    } catch {
      // not running: start it below
    }
  }
  run(action);
}

async function logIn(account: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
  });
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(account.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Thư mục' }).waitFor();
  return page;
}

async function write(page: Page, subject: string, body: string) {
  await page.getByRole('button', { name: 'Soạn thư' }).click();
  const win = page.getByRole('dialog', { name: /^Soạn thư/ });
  await win.getByRole('combobox', { name: 'Đến' }).fill(`${receiver.email};`);
  await win.getByRole('textbox', { name: 'Tiêu đề' }).fill(subject);
  await win.getByRole('textbox', { name: 'Nội dung thư' }).click();
  await page.keyboard.insertText(body);
  return win;
}

beforeAll(async () => {
  for (const a of [sender, receiver, full]) {
    upsertMailUser({ ...a, quotaBytes: a === full ? MB : 2 * 1024 * MB, suspendReason: null });
    resetMailbox(a.email);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  postfix('start');
  await browser?.close();
  for (const a of [sender, receiver, full]) removeMailUser(a.email);
});

it('keeps the message when the submission server is down, says so in Vietnamese, and sends it once it is back', async () => {
  const page = await logIn(sender);
  const subject = 'Báo cáo tuần 48';
  const win = await write(page, subject, 'Nội dung không được mất.');
  postfix('stop');
  try {
    await win.getByRole('button', { name: 'Gửi', exact: true }).click();
    await win.getByText(/Không gửi được thư/).waitFor({ timeout: 30_000 });
    // Everything is still in the window, and a copy waits in Drafts.
    expect(await win.getByRole('textbox', { name: 'Tiêu đề' }).inputValue()).toBe(subject);
    expect(await win.getByRole('textbox', { name: 'Nội dung thư' }).textContent()).toContain(
      'Nội dung không được mất.',
    );
    await expect.poll(() => subjectsIn(sender, 'Drafts'), { timeout: 10_000 }).toEqual([subject]);
  } finally {
    postfix('start');
  }
  await win.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByText('Đã gửi thư.').waitFor({ timeout: 30_000 });
  await expect.poll(() => subjectsIn(receiver, 'INBOX'), { timeout: 15_000 }).toEqual([subject]);
  expect(await subjectsIn(sender, 'Drafts')).toEqual([]);
  expect(await subjectsIn(sender, 'Sent')).toEqual([subject]);
  await page.close();
});

it('sends from a full mailbox and tells the user the copy in Sent could not be kept (Đ7.2c)', async () => {
  await fillMailbox(full.email, Math.round(0.995 * MB));
  const page = await logIn(full);
  const win = await write(page, 'Gửi khi hộp thư đầy', 'Nội dung báo cáo. '.repeat(1000));
  await win.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByText('Đã gửi thư, nhưng không lưu được bản sao vào Thư đã gửi vì hộp thư đã đầy.').waitFor({
    timeout: 30_000,
  });
  await expect
    .poll(async () => (await subjectsIn(receiver, 'INBOX')).includes('Gửi khi hộp thư đầy'), {
      timeout: 15_000,
    })
    .toBe(true);
  await page.close();
});
