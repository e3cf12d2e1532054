import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { signedPdfMessage, signedPdfNames } from '../proxy/test-support/signed-pdfs';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { launchBrowser } from './support/browser';
import { logIn } from './support/console';
import { screenshot } from './support/console-e2e';

/**
 * Đ14.2h as a user sees it: a message with a validly signed PDF and one altered after signing,
 * delivered to the real Dovecot; the reader's chips say which is which before either is opened.
 */
const baseUrl = inject('baseUrl');
const pdfDir = inject('signedPdfDir');

let owner: FreshMailbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  owner = freshMailbox('docthu-kyso-e2e');
  const pdf = (name: string) => readFileSync(path.join(pdfDir, `${name}.pdf`));
  const raw = await signedPdfMessage(
    { valid: pdf('valid'), altered: pdf('altered'), appended: pdf('appended') },
    owner.email,
    'Quyết định và công văn có ký số',
  );
  const results = await deliverViaLmtp([{ from: 'vanthu.vpubnd@binhphuoc.gov.vn', to: [owner.email], raw }]);
  expect(results[0]!.accepted).toHaveLength(1);
  browser = await launchBrowser();
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 800 },
  });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  owner?.remove();
});

describe('signed PDF attachments in the reader', () => {
  it('shows a valid chip in green and an altered one in red, with the details on a click', async () => {
    await logIn(page, baseUrl, owner.email, owner.password);
    await page.getByText('Quyết định và công văn có ký số').first().click();

    const chip = (name: string) => page.locator('li.attachment', { hasText: name });
    const valid = chip(signedPdfNames.valid).locator('details.pdf-sig');
    const altered = chip(signedPdfNames.altered).locator('details.pdf-sig');
    const appended = chip(signedPdfNames.appended).locator('details.pdf-sig');
    await valid.waitFor({ timeout: 30_000 });
    await altered.waitFor({ timeout: 30_000 });
    await appended.waitFor({ timeout: 30_000 });

    expect(await valid.getAttribute('data-outcome')).toBe('valid');
    expect(await valid.getAttribute('class')).toContain('pdf-sig-ok');
    expect(await valid.locator('summary').textContent()).toBe('Chữ ký số hợp lệ');
    expect(await altered.getAttribute('data-outcome')).toBe('content_altered');
    expect(await altered.getAttribute('class')).toContain('pdf-sig-danger');
    expect(await altered.locator('summary').textContent()).toBe('Nội dung đã bị sửa');
    expect(await appended.getAttribute('data-outcome')).toBe('changed_after_signing');
    expect(await appended.locator('summary').textContent()).toBe('Bị sửa sau khi ký');
    // Every chip's badge at once, then the details of the valid one.
    await altered.scrollIntoViewIfNeeded();
    await screenshot(page, 'signed-pdf-chips.png');

    await valid.locator('summary').click();
    const details = valid.locator('.pdf-sig-details');
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('Nguyễn Văn Thành');
    expect(text).toContain('Toàn bộ văn bản');
    expect(text).toContain('Đã kiểm tra (OCSP)');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    await screenshot(page, 'signed-pdf-details.png');
  });
});
