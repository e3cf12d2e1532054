// Screenshots of the reader (docs/screenshots/reader-*.png) from a running proxy, on a mailbox of
// its own filled with four messages of the hostile corpus:
//   npx tsx scripts/screenshots-reader.ts http://127.0.0.1:8097 [docs/screenshots]
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/support/browser';
import { startHostileRemote } from '../e2e/support/hostile-remote';
import { freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { deliverViaLmtp } from './seed/lmtp-delivery';
import { envelopeSenderOf, readMailFixture } from './seed/mail-fixtures';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = process.argv[3] ?? 'docs/screenshots';
const corpus = new URL('../e2e/fixtures/hostile/', import.meta.url).pathname;
const files = ['21-tracking-pixels.eml', '30-plain-text-hostile.eml', '33-attachments-svg-html-pdf.eml'];

const owner = freshMailbox('anh-chup');
const remote = await startHostileRemote();
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: ['--headless', '--no-sandbox', '--disable-gpu', remote.resolverRule],
});
try {
  await deliverViaLmtp(
    files.map((f) => {
      const raw = readMailFixture(f, corpus);
      return { from: envelopeSenderOf(raw), to: [owner.email], raw };
    }),
  );
  for (const [name, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 360, height: 740 }],
  ] as const) {
    const context = await browser.newContext({
      viewport,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      ignoreHTTPSErrors: true,
    });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByLabel('Địa chỉ thư điện tử').fill(owner.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('navigation', { name: 'Thư mục' }).waitFor({ state: 'attached' });
    const open = async (uid: number) => {
      await page.goto(`${base}/thu/INBOX/${uid}`);
      await page.locator('.reader-subject').waitFor();
      await page.waitForTimeout(700);
    };
    await open(1);
    await page.screenshot({ path: `${out}/reader-remote-blocked-${name}.png` });
    await page.getByRole('button', { name: 'Hiển thị hình ảnh từ bên ngoài' }).click();
    await page.waitForTimeout(1000);
    if (name === 'desktop') await page.screenshot({ path: `${out}/reader-remote-shown-${name}.png` });
    await open(2);
    await page.getByRole('button', { name: 'Hiện trích dẫn' }).click();
    await page.screenshot({ path: `${out}/reader-plain-text-${name}.png` });
    await open(3);
    await page.screenshot({ path: `${out}/reader-attachments-${name}.png` });
    await page.getByRole('button', { name: 'Xem trước Ảnh hội nghị.png' }).click();
    await page.getByRole('dialog').getByRole('img').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/reader-image-preview-${name}.png` });
    await context.close();
  }
} finally {
  await browser.close();
  await remote.close();
  owner.remove();
}
