import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { envelopeSenderOf, readMailFixture } from '../scripts/seed/mail-fixtures';
import { launchBrowser } from './support/browser';
import { logIn } from './support/console';

/**
 * What a user sees of mail that loses or disguises things rather than runs them
 * (e2e/fixtures/hostile-parts, file NN is UID NN): every body part in order with a forwarded
 * message nested, attachment names that show their real extension, replies that can be sent.
 */
const baseUrl = inject('baseUrl');
const FIXTURES = new URL('./fixtures/hostile-parts/', import.meta.url).pathname;
const FILES = [
  '01-text-then-html.eml',
  '02-text-beside-inline-html.eml',
  '03-forwarded.eml',
  '04-spoofed-names.eml',
  '05-hostile-headers.eml',
  '06-text-html-forwarded.eml',
];
/** `E2E_SCREENSHOT_DIR=docs/screenshots` refreshes the pictures; a normal run writes nothing. */
const shotDir = process.env.E2E_SCREENSHOT_DIR;

let owner: FreshMailbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  owner = freshMailbox('docthu-phan-e2e');
  const results = await deliverViaLmtp(
    FILES.map((file) => {
      const raw = readMailFixture(file, FIXTURES);
      return { from: envelopeSenderOf(raw), to: [owner.email], raw };
    }),
  );
  expect(results.every((r) => r.accepted.length === 1)).toBe(true);
  browser = await launchBrowser();
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  await logIn(page, baseUrl, owner.email, owner.password);
});

afterAll(async () => {
  await browser?.close();
  owner?.remove();
});

async function openMessage(uid: number) {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/thu/INBOX/${uid}`);
  await page
    .getByRole('heading', { level: 2, name: new RegExp(`PARTS-${String(uid).padStart(2, '0')}`) })
    .waitFor({ timeout: 20_000 });
  return page.getByRole('article', { name: 'Nội dung thư' });
}

describe('hostile mail: parts and names as the reader shows them', () => {
  it('shows the letter’s text, then its HTML, then the forwarded message with its own headers', async () => {
    const reader = await openMessage(6);
    const own = reader.getByText('Văn phòng gửi anh bảng tổng hợp', { exact: false });
    await own.waitFor();
    const frames = reader.locator('iframe.message-frame');
    await expect.poll(() => frames.count()).toBe(2);
    const table = page.frameLocator('iframe.message-frame >> nth=0').getByText('Sở Nội vụ');
    await table.waitFor();
    const forwarded = reader.locator('details.forwarded-message');
    expect(await forwarded.getAttribute('open')).not.toBeNull();
    await expect.poll(() => forwarded.locator('summary').textContent()).toContain('Dự toán ngân sách 2027');
    expect(await forwarded.locator('dl').textContent()).toContain('stc@stc.hostile.test');
    await page.frameLocator('iframe.message-frame >> nth=1').getByText('dự toán ngân sách 2027').waitFor();
    // Order on the page: own text above the table, the table above the forwarded message.
    const [ownBox, frameBox, fwdBox] = await Promise.all([
      own.boundingBox(),
      frames.first().boundingBox(),
      forwarded.boundingBox(),
    ]);
    expect(ownBox!.y).toBeLessThan(frameBox!.y);
    expect(frameBox!.y).toBeLessThan(fwdBox!.y);
    const download = page.waitForEvent('download');
    await forwarded.getByRole('link', { name: 'Tải thư chuyển tiếp (.eml)' }).click();
    expect((await download).suggestedFilename()).toBe('Dự toán ngân sách 2027.eml');
    if (shotDir) {
      await page.setViewportSize({ width: 1280, height: 1180 });
      await page.evaluate(() => document.querySelector('.reader')?.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(shotDir, 'reader-forwarded-and-parts.png') });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows the text beside an inline HTML file and beside a forwarded message', async () => {
    const two = await openMessage(2);
    await two.getByText('Phần lời của thư', { exact: false }).waitFor();
    const three = await openMessage(3);
    await three.getByText('Anh xem thư của Sở Tài chính', { exact: false }).waitFor();
    await three.locator('details.forwarded-message').waitFor();
  });

  it('shows spoofed attachment names neutralised, with the type of the real extension', async () => {
    const reader = await openMessage(4);
    const bar = reader.getByRole('region', { name: '4 tệp đính kèm' });
    await bar.waitFor();
    const first = bar.getByRole('listitem').first();
    expect(await first.locator('.attachment-name').textContent()).toBe('Hóa đơn tháng 11fdp.exe');
    expect(await first.locator('.attachment-type').textContent()).toBe('EXE');
    const names = await bar.locator('.attachment-name').allTextContents();
    for (const name of names)
      expect(name).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]|\s{2,}/);
    expect(names).toContain('Biên bản.docx.js');
    const download = page.waitForEvent('download');
    await first.getByRole('link', { name: /^Tải về / }).click();
    expect((await download).suggestedFilename()).toBe('Hóa đơn tháng 11fdp.exe');
    if (shotDir) await bar.screenshot({ path: path.join(shotDir, 'attachment-bidi-name.png') });
  });

  it('lets the user reply to a sender whose name and subject carry control characters, and save it', async () => {
    const reader = await openMessage(5);
    await reader.getByRole('button', { name: 'Trả lời', exact: true }).click();
    const win = page.getByRole('dialog', { name: /^Soạn thư:/ });
    const subject = win.getByRole('textbox', { name: 'Tiêu đề' });
    await expect.poll(() => subject.inputValue()).toBe('Re: [PARTS-05] Chủ đề X-Injected: 1');
    expect(await win.getByRole('list', { name: 'Đến' }).getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Kẻ giả Bcc: ai@evil.test'),
    ]);
    // The reply goes to an outside address: saved as a draft rather than sent from a test.
    await win.getByRole('button', { name: 'Đóng và lưu nháp' }).click();
    await win.waitFor({ state: 'detached' });
    await expect
      .poll(
        () =>
          owner.imap(async (imap) => {
            const s = await imap.status('Drafts', { messages: true });
            return s ? s.messages : 0;
          }),
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
  });
});
