// "Chuyển thư từ máy chủ cũ" in Chromium: `npx tsx scripts/screenshots-migration.ts [staticDir] [out]`.
// Needs the mail stack and the old server (scripts/oldserver) running. Starts its own proxy on a
// free port with a fresh data dir and a mailbox of its own, copies the old server's small mailbox
// into it through the dialog, and saves the connection check and the final report.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../e2e/support/browser';
import { logIn, openAccountMenu } from '../e2e/support/console';
import { removeMailUser, upsertMailUser } from './mailstack/mail-users';
import { resolveMailDomain } from './mailstack/paths';
import { mailStackProxyEnv } from './mailstack/proxy-env';
import { OLD_SERVER, SMALL_FOLDERS } from './oldserver/old-mailbox';
import { seedOldMailbox } from './oldserver/seed-old-server';

const staticDir = process.argv[2] ?? 'dist/client';
const out = process.argv[3] ?? 'docs/screenshots';
const owner = { email: `chupmanhinh.chuyenthu@${resolveMailDomain()}`, password: 'Lua#Hong2026' };

const port = await new Promise<number>((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address() as { port: number };
    srv.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'bp-shot-migration-'));
await seedOldMailbox(OLD_SERVER.users.small, SMALL_FOLDERS);
upsertMailUser({ ...owner, quotaBytes: 2 * 1024 ** 3, suspendReason: null });

const proxy: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'proxy/main.ts'], {
  env: {
    ...process.env,
    ...mailStackProxyEnv(),
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: base,
    STATIC_DIR: staticDir,
    LOG_LEVEL: 'warn',
  },
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
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await logIn(page, base, owner.email, owner.password);
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Chuyển thư từ máy chủ cũ' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Máy chủ IMAP cũ').fill(OLD_SERVER.host);
  await dialog.getByLabel('Cổng').fill(String(OLD_SERVER.imapsPort));
  await dialog.getByLabel('Chấp nhận chứng chỉ tự ký').check();
  await dialog.getByLabel('Tên đăng nhập cũ').fill(OLD_SERVER.users.small);
  await dialog.getByLabel('Mật khẩu cũ').fill(OLD_SERVER.password);
  await dialog.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
  await dialog.getByText(/^Kết nối được/).waitFor();
  await page.screenshot({ path: `${out}/migration-check.png` });
  console.log(`${out}/migration-check.png`);
  await dialog.getByRole('button', { name: 'Bắt đầu chuyển' }).click();
  await dialog.getByText('Đã xong').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/migration-progress.png` });
  console.log(`${out}/migration-progress.png`);
} finally {
  await browser.close();
  proxy.kill('SIGTERM');
  removeMailUser(owner.email);
}
