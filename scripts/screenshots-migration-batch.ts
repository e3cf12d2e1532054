// "Chuyển thư cho cả đơn vị" in Chromium: `npx tsx scripts/screenshots-migration-batch.ts [staticDir] [out]`.
// Needs the mail stack and the old server (scripts/oldserver) running. Starts its own proxy on a
// free port with a fresh data dir, an admin of its own (TOTP enrolled in the browser) and two new
// mailboxes of a unit, uploads a CSV of two old accounts, and saves the batch's finished progress.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../e2e/support/browser';
import { createConsoleAdmin } from '../e2e/support/console';
import { adminInConsole, openSection } from '../e2e/support/console-e2e';
import { createAccountStore } from '../proxy/accounts/account-store';
import { createUnitStore } from '../proxy/console/units/unit-store';
import { openStore } from '../proxy/store/open-store';
import { removeMailUser, upsertMailUser } from './mailstack/mail-users';
import { resolveMailDomain } from './mailstack/paths';
import { mailStackProxyEnv } from './mailstack/proxy-env';
import { OLD_SERVER, SMALL_FOLDERS } from './oldserver/old-mailbox';
import { seedOldMailbox } from './oldserver/seed-old-server';

const staticDir = process.argv[2] ?? 'dist/client';
const out = process.argv[3] ?? 'docs/screenshots';
const domain = resolveMailDomain();
const admin = { email: `chupmanhinh.quantri@${domain}`, password: 'Lua#Hong2026' };
const boxes = [`chupmanhinh.an.sttt@${domain}`, `chupmanhinh.binh.sttt@${domain}`];

const port = await new Promise<number>((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address() as { port: number };
    srv.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'bp-shot-migration-batch-'));
const env = { ...process.env, ...mailStackProxyEnv(), DATA_DIR: dataDir };

await seedOldMailbox(OLD_SERVER.users.small, SMALL_FOLDERS);
await seedOldMailbox(OLD_SERVER.users.second, [
  { path: 'INBOX', count: 40 },
  { path: 'Đã gửi', count: 20 },
]);

const store = await openStore({ dataDir });
const units = createUnitStore(store.db);
if (!(await units.get('sttt')))
  await units.create({
    code: 'sttt',
    name: 'Sở Thông tin và Truyền thông',
    parentCode: null,
    level: 'department',
    mailbox: null,
    website: null,
  });
const accounts = createAccountStore(store.db);
for (const email of boxes) {
  upsertMailUser({ email, password: 'Lua#Hong2026', quotaBytes: 2 * 1024 ** 3, suspendReason: null });
  await accounts.setProfile(email, { unitCode: 'sttt' });
}
await store.close();
createConsoleAdmin(dataDir, admin);

const csv = path.join(dataDir, 'chuyen-thu-sttt.csv');
writeFileSync(
  csv,
  `\ufeff${[
    'Tài khoản cũ;Mật khẩu cũ;Hộp thư mới',
    `${OLD_SERVER.users.small};${OLD_SERVER.password};${boxes[0]}`,
    `${OLD_SERVER.users.second};${OLD_SERVER.password};${boxes[1]}`,
  ].join('\r\n')}\r\n`,
);

const proxy: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'proxy/main.ts'], {
  env: { ...env, PORT: String(port), PUBLIC_URL: base, STATIC_DIR: staticDir, LOG_LEVEL: 'warn' },
  stdio: 'inherit',
});
const browser = await launchBrowser();
try {
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/api/config`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 100) throw new Error('proxy did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const page = await adminInConsole(browser, base, admin);
  await openSection(page, 'Chuyển thư cho cả đơn vị');
  await page.getByRole('option', { name: /Sở Thông tin và Truyền thông/ }).waitFor({ state: 'attached' });
  await page.getByLabel('Đơn vị').selectOption('sttt');
  await page.getByLabel('Máy chủ IMAP cũ').fill(OLD_SERVER.host);
  await page.getByLabel('Cổng').fill(String(OLD_SERVER.imapsPort));
  await page.getByLabel('Chấp nhận chứng chỉ tự ký').check();
  await page.getByLabel('Tệp CSV').setInputFiles(csv);
  await page.getByRole('button', { name: 'Kiểm tra và bắt đầu chuyển' }).click();
  await page.getByText('2/2 hộp thư đã xong, 0 dừng vì lỗi.').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Xem kết quả' }).nth(1).click();
  await page.locator('.batch-report .migration-folders').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/console-migration-batch.png`, fullPage: true });
  console.log(`${out}/console-migration-batch.png`);
} finally {
  await browser.close();
  proxy.kill('SIGTERM');
  for (const email of [admin.email, ...boxes]) removeMailUser(email);
}
