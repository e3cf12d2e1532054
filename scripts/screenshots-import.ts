// The import screen in Chromium: `npx tsx scripts/screenshots-import.ts [staticDir] [out]`.
// Starts its own proxy on a free port with a fresh data dir, an admin mailbox of its own (TOTP
// enrolled in the browser), uploads a unit's list with clashes and bad rows, and saves the preview.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../e2e/support/browser';
import { createConsoleAdmin } from '../e2e/support/console';
import { adminInConsole, openSection } from '../e2e/support/console-e2e';
import { createUnitStore } from '../proxy/console/units/unit-store';
import { openStore } from '../proxy/store/open-store';
import { removeMailUser } from './mailstack/mail-users';
import { mailStackProxyEnv } from './mailstack/proxy-env';

const staticDir = process.argv[2] ?? 'dist/client';
const out = process.argv[3] ?? 'docs/screenshots';
const admin = { email: 'chupmanhinh.sttt@binhphuoc.gov.vn', password: 'Lua#Hong2026' };

const port = await new Promise<number>((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address() as { port: number };
    srv.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'bp-shot-import-'));
const env = { ...process.env, ...mailStackProxyEnv(), DATA_DIR: dataDir };

// The units the list names; the store's own seed may already have them.
const store = await openStore({ dataDir });
const units = createUnitStore(store.db);
for (const [code, name, level] of [
  ['ubnd', 'Ủy ban nhân dân tỉnh Bình Phước', 'province'],
  ['sttt', 'Sở Thông tin và Truyền thông', 'department'],
  ['snv', 'Sở Nội vụ', 'department'],
] as const) {
  if (!(await units.get(code)))
    await units.create({
      code,
      name,
      parentCode: level === 'province' ? null : 'ubnd',
      level,
      mailbox: null,
      website: null,
    });
}
await store.close();

createConsoleAdmin(dataDir, admin);

const list = path.join(dataDir, 'danh-sach-sttt.csv');
writeFileSync(
  list,
  `\ufeff${[
    'SỞ THÔNG TIN VÀ TRUYỀN THÔNG;;;',
    'DANH SÁCH ĐỀ NGHỊ CẤP HỘP THƯ CÔNG VỤ;;;',
    ';;;',
    'STT;Họ và tên;Đơn vị;Chức vụ;Ghi chú',
    '1;Nguyễn Văn An;sttt;Chuyên viên;Tuyển dụng từ 01/12/2026',
    '2;Nguyễn Văn An;Sở Thông tin và Truyền thông;Văn thư',
    '3;Trần Văn Thanh;;Phó trưởng phòng',
    `4;${'Lê Thị Thu Hà'.normalize('NFD')};sttt;Chuyên viên`,
    '5;Tôn Nữ Thị Hằng;snv;Trưởng phòng',
    '6;Thanh;sttt;',
    '7;Đặng Hữu Phước 2;sttt;',
    '8;Võ Thị Mỹ Duyên;Sở Y tế;Kế toán',
  ].join('\r\n')}\r\n`,
);

const proxy: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'proxy/main.ts'], {
  env: { ...env, PORT: String(port), PUBLIC_URL: base, STATIC_DIR: staticDir, LOG_LEVEL: 'warn' },
  stdio: 'inherit',
});
const created: string[] = [];
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
  await openSection(page, 'Nhập danh sách');

  await page.getByLabel('Tệp danh sách').setInputFiles(list);
  await page.getByLabel('Đơn vị mặc định').selectOption('sttt');
  await page.getByRole('button', { name: 'Xem trước' }).click();
  await page.locator('tr[data-line="5"]').waitFor();
  const local = page.getByRole('textbox', { name: 'Tên hộp thư cho dòng 6' });
  await local.fill('annguyen.sttt');
  await page
    .getByRole('textbox', { name: 'Lý do không dùng địa chỉ đề xuất' })
    .fill('Trùng tên, đơn vị đề nghị');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/console-import-preview.png`, fullPage: true });
  console.log(`${out}/console-import-preview.png`);

  // The result: real mailboxes at the stack, removed again below.
  await page.getByRole('button', { name: /^Tạo \d+ tài khoản$/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByText(/^Kết quả: đã tạo/).waitFor({ timeout: 60_000 });
  for (const text of await page.locator('.import-result-address').allTextContents()) {
    if (text) created.push(text);
  }
  await page.screenshot({ path: `${out}/console-import-result.png`, fullPage: true });
  console.log(`${out}/console-import-result.png`);
} finally {
  await browser.close();
  proxy.kill('SIGTERM');
  for (const email of [admin.email, ...created]) removeMailUser(email);
}
