// Takes the screenshots in docs/screenshots/ from a running proxy: `npx tsx scripts/screenshots.ts URL`.
import { launchBrowser } from '../e2e/support/browser';
import { readDemoAccounts } from './seed/demo-accounts';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = process.argv[3] ?? 'docs/screenshots';
const thanh = readDemoAccounts().find((a) => a.email.startsWith('thanhtv.'))!;
const browser = await launchBrowser();
try {
  for (const [name, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 360, height: 740 }],
  ] as const) {
    const page = await browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await page.goto(base);
    await page.getByLabel('Địa chỉ thư điện tử').waitFor();
    if (name === 'desktop') await page.screenshot({ path: `${out}/login.png` });
    await page.getByLabel('Địa chỉ thư điện tử').fill(thanh.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(thanh.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.message-row').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/inbox-${name}.png` });
    await page
      .locator('.message-row', { hasText: 'Bản tin Chuyển đổi số' })
      .first()
      .getByRole('button')
      .click();
    await page.locator('iframe.message-frame').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/reader-${name}.png` });
    await page.close();
  }
} finally {
  await browser.close();
}
