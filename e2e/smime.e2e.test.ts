import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { signedMail, tamperedMail } from '../proxy/test-support/smime-sign';
import { type CrlServer, makeCrl, makeLeaf, readTestRoot, serveCrl } from '../proxy/test-support/test-pki';
import { launchBrowser } from './support/browser';
import { logIn } from './support/console';
import { screenshot } from './support/console-e2e';

/**
 * Đ14.2h as a reader sees it: a message signed under the root the proxy trusts opens with a calm
 * green line naming the signer; the same message with one date changed after signing opens with a
 * red warning. `E2E_SCREENSHOT_DIR=docs/screenshots` keeps the pictures.
 */
const baseUrl = inject('baseUrl');
const FROM = 'vanthu.sttt@binhphuoc.gov.vn';
const TEXT = [
  'Kính gửi các phòng, đơn vị trực thuộc,',
  '',
  'Sở Thông tin và Truyền thông đề nghị các đơn vị gửi báo cáo kết quả chuyển đổi số năm 2026',
  'trước ngày 15/12/2026 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.',
  '',
  'Trân trọng.',
  'Văn thư Sở Thông tin và Truyền thông',
  '',
].join('\n');

let owner: FreshMailbox;
let crls: CrlServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const root = await readTestRoot(inject('smimeCaDir'));
  crls = await serveCrl();
  const signer = await makeLeaf(root, {
    name: 'Trần Văn Thư',
    organisation: 'Sở Thông tin và Truyền thông tỉnh Bình Phước',
    emails: [FROM],
    crlUrls: [crls.url()],
  });
  crls.setCrl(await makeCrl(root));
  const mail = (subject: string) =>
    signedMail({ signer, from: `Văn thư Sở TT&TT <${FROM}>`, subject, text: TEXT });
  const valid = mail('Đề nghị báo cáo kết quả chuyển đổi số năm 2026');
  const altered = tamperedMail(mail('Đề nghị báo cáo (bản bị sửa)'), {
    text: TEXT,
    replacement: TEXT.replace('15/12/2026', '25/12/2026'),
  });
  owner = freshMailbox('docthu-smime-e2e');
  await owner.imap(async (imap) => {
    await imap.append('INBOX', valid, []);
    await imap.append('INBOX', altered, []);
  });
  browser = await launchBrowser();
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 800 },
  });
  page = await context.newPage();
  await logIn(page, baseUrl, owner.email, owner.password);
});

afterAll(async () => {
  await browser?.close();
  await crls?.close();
  owner?.remove();
});

async function open(uid: number, subject: RegExp) {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/thu/INBOX/${uid}`);
  await page.getByRole('heading', { level: 2, name: subject }).waitFor({ timeout: 20_000 });
  return page.getByRole('region', { name: 'Chi tiết chữ ký số' });
}

describe('S/MIME signatures in the reader', () => {
  it('shows a valid signature calmly, with the signer and issuer in the details', async () => {
    const line = await open(1, /chuyển đổi số năm 2026/);
    await expect.poll(() => line.textContent()).toContain('Chữ ký số hợp lệ của Trần Văn Thư.');
    expect(await line.getAttribute('class')).toContain('signature-ok');
    await line.getByRole('button', { name: 'Chi tiết chữ ký' }).click();
    const details = await line.textContent();
    expect(details).toContain('Sở Thông tin và Truyền thông tỉnh Bình Phước');
    expect(details).toContain('Root CA E2E');
    expect(details).toContain('Không bị thay đổi sau khi ký');
    expect(details).toContain('Chưa bị thu hồi (đã kiểm tra qua CRL)');
    expect(details).toMatch(/Thời điểm ký\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // The signed text is the body; the signature file is not offered as an attachment.
    expect(await page.locator('.reader').textContent()).toContain('trước ngày 15/12/2026');
    expect(await page.locator('.reader').textContent()).not.toContain('smime.p7s');
    await screenshot(page, 'smime-valid.png');
  });

  it('warns that a tampered message was changed after signing', async () => {
    const line = await open(2, /bản bị sửa/);
    await expect
      .poll(() => line.textContent())
      .toContain('Cảnh báo: nội dung thư đã bị thay đổi sau khi ký. Không tin vào nội dung này.');
    expect(await line.getAttribute('class')).toContain('signature-danger');
    await line.getByRole('button', { name: 'Chi tiết chữ ký' }).click();
    expect(await line.textContent()).toContain('Đã bị thay đổi sau khi ký');
    await screenshot(page, 'smime-altered.png');
  });
});
