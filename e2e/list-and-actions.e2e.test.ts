import type { ImapFlow } from 'imapflow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendMessages, type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { seedBulkMail } from '../scripts/seed/seed-bulk';
import { launchBrowser } from './support/browser';

/**
 * The message list and its actions in Chromium against the real proxy and Dovecot, on a mailbox of
 * this test's own: 5,000 messages in INBOX, and a few named ones on top to act on. What the user
 * did is checked on the server over IMAP, not only on the screen.
 */
const baseUrl = inject('baseUrl');
/** `E2E_SCREENSHOT_DIR=docs/screenshots` refreshes the README's pictures; a normal run writes nothing. */
const shotDir = process.env.E2E_SCREENSHOT_DIR;
const screenshot = async (name: string) => {
  if (shotDir) await page.screenshot({ path: `${shotDir}/${name}` });
};
const BULK = 5_000;
const TARGET = 'Công văn đến 2026';
let owner: FreshMailbox;
let browser: Browser;
let page: Page;

const rows = () => page.locator('.message-rows > .message-row:not(.skeleton)');
const row = (subject: string) => page.locator('.message-row', { hasText: subject });
const toast = () => page.locator('.toast').last();

async function count(imap: ImapFlow, folder: string, query: Record<string, unknown> = { all: true }) {
  const lock = await imap.getMailboxLock(folder);
  try {
    const found = await imap.search(query, { uid: true });
    return Array.isArray(found) ? found.length : 0;
  } finally {
    lock.release();
  }
}
async function subjectsIn(imap: ImapFlow, folder: string): Promise<string[]> {
  const lock = await imap.getMailboxLock(folder);
  try {
    if (!imap.mailbox || imap.mailbox.exists === 0) return [];
    const all = await imap.fetchAll('1:*', { envelope: true });
    return all.map((m) => m.envelope?.subject ?? '');
  } finally {
    lock.release();
  }
}

beforeAll(async () => {
  owner = freshMailbox('ds-e2e-list');
  // The first login makes Dovecot create the Maildir (owned by it) before bulk files go in.
  await owner.imap((imap) => imap.mailboxCreate(TARGET));
  await seedBulkMail({ user: owner.email, count: BULK, seed: 11 });
  await owner.imap((imap) =>
    appendMessages(
      imap,
      'INBOX',
      Array.from({ length: 8 }, (_, i) => ({
        subject: `Thư thử nghiệm ${8 - i}`,
        date: new Date(Date.now() - (8 - i) * 60_000),
      })),
    ),
  );
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  owner?.remove();
});

async function openInbox(viewport = { width: 1440, height: 900 }) {
  await page?.context().close();
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(owner.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await rows().first().waitFor();
}

describe('message list and actions', () => {
  it('scrolls a 5,000-message folder to its end with fewer than 100 rows in the DOM', async () => {
    await openInbox();
    const list = page.getByRole('list', { name: 'Danh sách thư' });
    expect(await list.getByRole('listitem').first().getAttribute('aria-setsize')).toBe(String(BULK + 8));
    const scroller = page.locator('.list-scroller');
    let most = 0;
    for (let step = 0; step < 12; step++) {
      await scroller.evaluate((el, s) => el.scrollTo({ top: (el.scrollHeight * s) / 11 }), step);
      await page.waitForTimeout(150);
      most = Math.max(most, await page.locator('.message-rows > .message-row').count());
    }
    // The oldest message, position 5,008, arrives without the ones in between being fetched.
    await expect
      .poll(() => page.locator(`.message-row[aria-posinset="${BULK + 8}"]:not(.skeleton)`).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    most = Math.max(most, await page.locator('.message-rows > .message-row').count());
    expect(most).toBeLessThan(100);
    expect(most).toBeGreaterThan(5);
  });

  it('selects a range with shift-click and marks it read in one action', async () => {
    await openInbox();
    const subjects = ['Thư thử nghiệm 1', 'Thư thử nghiệm 2', 'Thư thử nghiệm 3', 'Thư thử nghiệm 4'];
    await row(subjects[0]!).getByRole('checkbox').click();
    await row(subjects[3]!)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });
    await page.getByText('Đã chọn 4 thư').waitFor();
    await page.getByRole('toolbar').getByRole('button', { name: 'Đánh dấu đã đọc', exact: true }).click();
    for (const s of subjects) await expect.poll(() => row(s).getAttribute('class')).not.toContain('unread');
    await expect
      .poll(() => owner.imap((imap) => count(imap, 'INBOX', { seen: false, subject: 'Thư thử nghiệm' })))
      .toBe(4);
  });

  it('moves a message to a folder by dragging it there', async () => {
    await openInbox();
    const folder = page.getByRole('navigation', { name: 'Thư mục' }).getByRole('link', { name: TARGET });
    await row('Thư thử nghiệm 5').dragTo(folder);
    await expect.poll(() => row('Thư thử nghiệm 5').count()).toBe(0);
    expect(await toast().textContent()).toContain(`Đã chuyển 1 thư đến “${TARGET}”`);
    await expect.poll(() => owner.imap((imap) => subjectsIn(imap, TARGET))).toEqual(['Thư thử nghiệm 5']);
  });

  it('deletes to Trash and brings the message back with “Hoàn tác”', async () => {
    await openInbox();
    await row('Thư thử nghiệm 6').getByRole('checkbox').click();
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await expect.poll(() => row('Thư thử nghiệm 6').count()).toBe(0);
    expect(await toast().textContent()).toContain('Đã chuyển 1 thư vào Thùng rác');
    await expect.poll(() => owner.imap((imap) => subjectsIn(imap, 'Trash'))).toEqual(['Thư thử nghiệm 6']);
    await toast().getByRole('button', { name: 'Hoàn tác' }).click();
    await row('Thư thử nghiệm 6').waitFor();
    await expect.poll(() => owner.imap((imap) => subjectsIn(imap, 'Trash'))).toEqual([]);
    expect(await owner.imap((imap) => count(imap, 'INBOX', { subject: 'Thư thử nghiệm 6' }))).toBe(1);
  });

  it('empties Trash only after the confirmation is accepted', async () => {
    await owner.imap((imap) => appendMessages(imap, 'Trash', [{ subject: 'Rác 1' }, { subject: 'Rác 2' }]));
    await openInbox();
    await page.getByRole('navigation', { name: 'Thư mục' }).getByRole('link', { name: 'Thùng rác' }).click();
    await row('Rác 2').waitFor();
    await page.getByRole('button', { name: 'Dọn sạch Thùng rác' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('sẽ bị xóa vĩnh viễn');
    await screenshot('list-empty-trash-confirm.png');
    await dialog.getByRole('button', { name: 'Quay lại' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await owner.imap((imap) => count(imap, 'Trash'))).toBe(2);

    await page.getByRole('button', { name: 'Dọn sạch Thùng rác' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Dọn sạch' }).click();
    await page.getByText('Thư mục này chưa có thư nào.').waitFor();
    await expect.poll(() => owner.imap((imap) => count(imap, 'Trash'))).toBe(0);
  });

  it('works from the keyboard: j/k, Enter, s, e, #, u and ? for the list of keys', async () => {
    await openInbox();
    const second = await rows().nth(1).getAttribute('data-uid');
    const third = await rows().nth(2).getAttribute('data-uid');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${baseUrl}/thu/INBOX/${second}`);
    await page.keyboard.press('j');
    await expect.poll(() => page.url()).toBe(`${baseUrl}/thu/INBOX/${third}`);
    await page.keyboard.press('k');
    await expect.poll(() => page.url()).toBe(`${baseUrl}/thu/INBOX/${second}`);
    await page.keyboard.press('s');
    await expect.poll(() => page.locator(`.message-row[data-uid="${second}"] .flag`).count()).toBe(1);
    await expect
      .poll(() => owner.imap((imap) => count(imap, 'INBOX', { flagged: true, uid: second })))
      .toBe(1);

    // e archives the open message and goes back to the list (nothing else opened, so nothing else
    // marked read), the row that took its place under the cursor: Enter opens that one.
    await page.keyboard.press('e');
    await expect.poll(() => page.url()).toBe(`${baseUrl}/thu/INBOX`);
    await expect.poll(() => owner.imap((imap) => count(imap, 'Archive'))).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${baseUrl}/thu/INBOX/${third}`);
    // # deletes it, and the reader goes back to the list again.
    await page.keyboard.press('#');
    await expect.poll(() => owner.imap((imap) => count(imap, 'Trash'))).toBe(1);
    await expect.poll(() => page.url()).toBe(`${baseUrl}/thu/INBOX`);
    await page.keyboard.press('u');
    await expect.poll(() => page.url()).toBe(`${baseUrl}/thu/INBOX`);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Phím tắt' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Lưu trữ');
    await page.keyboard.press('Escape');
    expect(await help.count()).toBe(0);
  });

  it('takes screenshots of the list with a selection, desktop and phone', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1440, height: 900 }],
      ['phone', { width: 360, height: 740 }],
    ] as const) {
      await openInbox(viewport);
      await rows().nth(0).getByRole('checkbox').click();
      await rows()
        .nth(2)
        .getByRole('checkbox')
        .click({ modifiers: ['Shift'] });
      await page.getByText('Đã chọn 3 thư').waitFor();
      await page.waitForTimeout(300);
      await screenshot(`list-selection-${name}.png`);
      const box = await page.locator('.message-toolbar').boundingBox();
      expect(box!.width).toBeLessThanOrEqual(viewport.width);
    }
  });
});
