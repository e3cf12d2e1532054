import type { ImapFlow } from 'imapflow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendMessages, type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { launchBrowser } from './support/browser';
import { logIn } from './support/console';
import { screenshot } from './support/console-e2e';

/**
 * The open message's toolbar, the rows' quick actions and what happens after an action, in
 * Chromium against the real proxy and Dovecot, on a mailbox of this test's own. What the user did
 * is checked on the server over IMAP: above all that nothing became read that was not opened.
 */
const baseUrl = inject('baseUrl');
let owner: FreshMailbox;
let browser: Browser;
let page: Page;

const row = (subject: string) => page.locator('.message-row', { hasText: subject });
const readerBar = () => page.getByRole('toolbar', { name: 'Thao tác với thư đang mở' });

async function seenIn(imap: ImapFlow, folder: string): Promise<Record<string, boolean>> {
  const lock = await imap.getMailboxLock(folder);
  try {
    if (!imap.mailbox || imap.mailbox.exists === 0) return {};
    const all = await imap.fetchAll('1:*', { envelope: true, flags: true });
    return Object.fromEntries(all.map((m) => [m.envelope?.subject ?? '', m.flags?.has('\\Seen') ?? false]));
  } finally {
    lock.release();
  }
}

beforeAll(async () => {
  owner = freshMailbox('ds-e2e-reader');
  await owner.imap(async (imap) => {
    await appendMessages(
      imap,
      'INBOX',
      [1, 2, 3, 4, 5].map((n) => ({
        subject: `Công văn thử nghiệm ${n}`,
        from: 'Văn phòng UBND tỉnh <vanthu.vpubnd@binhphuoc.gov.vn>',
        date: new Date(Date.now() - (6 - n) * 3_600_000),
        body: `Kính gửi các đơn vị. Đây là công văn thử nghiệm số ${n}.`,
      })),
    );
    await appendMessages(imap, 'Sent', [
      { subject: 'Báo cáo gửi Sở', from: `Tôi <${owner.email}>`, flags: ['\\Seen'] },
    ]);
  });
  browser = await launchBrowser();
  page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 768 },
  });
  await logIn(page, baseUrl, owner.email, owner.password);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  owner?.remove();
});

describe('reader actions', () => {
  it('archives the open message from its toolbar and goes back to the list, the next one still unread', async () => {
    await row('Công văn thử nghiệm 3').locator('.message-row-button').click();
    await readerBar().waitFor();
    await page.getByRole('heading', { name: 'Công văn thử nghiệm 3' }).waitFor();
    await screenshot(page, 'reader-toolbar.png');
    await readerBar().getByRole('button', { name: 'Lưu trữ' }).click();
    await page.waitForURL(/\/thu\/INBOX$/);
    await expect.poll(() => row('Công văn thử nghiệm 3').count()).toBe(0);
    // The neighbour below has the focus, and nothing was opened in its place.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.message-row')?.textContent ?? ''))
      .toContain('Công văn thử nghiệm 2');
    expect(await readerBar().count()).toBe(0);
    await expect
      .poll(() => owner.imap((imap) => seenIn(imap, 'Archive')))
      .toEqual({ 'Công văn thử nghiệm 3': true });
    const inbox = await owner.imap((imap) => seenIn(imap, 'INBOX'));
    expect(inbox).toEqual({
      'Công văn thử nghiệm 1': false,
      'Công văn thử nghiệm 2': false,
      'Công văn thử nghiệm 4': false,
      'Công văn thử nghiệm 5': false,
    });
  });

  it('flags and marks unread from the toolbar; the ⋯ menu opens and closes with the keyboard', async () => {
    await row('Công văn thử nghiệm 4').locator('.message-row-button').click();
    await readerBar().getByRole('button', { name: 'Gắn cờ' }).click();
    await readerBar().getByRole('button', { name: 'Bỏ gắn cờ' }).waitFor();
    await readerBar().getByRole('button', { name: 'Thao tác khác' }).click();
    await page.getByRole('menuitem', { name: 'Chuyển tiếp dạng tệp đính kèm' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    await readerBar().getByRole('button', { name: 'Đánh dấu chưa đọc' }).click();
    await page.waitForURL(/\/thu\/INBOX$/);
    await expect
      .poll(() =>
        owner.imap(async (imap) => {
          const lock = await imap.getMailboxLock('INBOX');
          try {
            const [m] = await imap
              .fetchAll('1:*', { envelope: true, flags: true })
              .then((all) => all.filter((x) => x.envelope?.subject === 'Công văn thử nghiệm 4'));
            return [...(m?.flags ?? [])].sort();
          } finally {
            lock.release();
          }
        }),
      )
      .toEqual(['\\Flagged']);
  });

  it('a row’s quick actions show on hover and act on that row alone', async () => {
    await row('Công văn thử nghiệm 5').hover();
    const quick = row('Công văn thử nghiệm 5').getByRole('group', { name: /Thao tác nhanh/ });
    await quick.waitFor();
    await screenshot(page, 'list-hover-actions.png');
    await quick.getByRole('button', { name: 'Xóa — Công văn thử nghiệm 5' }).click();
    await expect.poll(() => row('Công văn thử nghiệm 5').count()).toBe(0);
    await expect
      .poll(() => owner.imap((imap) => seenIn(imap, 'Trash')))
      .toEqual({ 'Công văn thử nghiệm 5': false });
  });

  it('after clicking a folder, j j Enter opens the message under the cursor', async () => {
    await page.getByRole('link', { name: /Hộp thư đến/ }).click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/thu\/INBOX\/\d+$/);
    await readerBar().waitFor();
  });

  it('Sent names the recipients on each row', async () => {
    await page
      .getByRole('navigation', { name: 'Thư mục' })
      .getByRole('link', { name: /Thư đã gửi/ })
      .click();
    await row('Báo cáo gửi Sở').waitFor();
    expect(await row('Báo cáo gửi Sở').locator('.row-from').textContent()).toContain(
      'Đến: nguoinhan@binhphuoc.gov.vn',
    );
  });

  it('at 360×740 the toolbar shows icons only, on one line', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${baseUrl}/thu/INBOX`);
    await row('Công văn thử nghiệm 1').locator('.message-row-button').click();
    await readerBar().waitFor();
    const box = await readerBar().boundingBox();
    expect(box?.height ?? 0).toBeLessThan(56);
    expect(await readerBar().locator('.reader-action-text:visible').count()).toBe(0);
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
