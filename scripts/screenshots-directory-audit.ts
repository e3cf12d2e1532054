// Screenshots of the console's directory, its HTML export and the audit log viewer, from a running
// proxy: `npx tsx scripts/screenshots-directory-audit.ts URL DATA_DIR [OUT]`. The directory's
// people live only in that proxy's store (no mailbox is made for them); the admin is a fresh
// mailbox of its own, removed at the end.

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../e2e/support/browser';
import { createConsoleAdmin } from '../e2e/support/console';
import { adminInConsole, openSection } from '../e2e/support/console-e2e';
import { createAccountStore } from '../proxy/accounts/account-store';
import { type AuditAction, createAuditLog } from '../proxy/audit/audit-log';
import { openSqlite } from '../proxy/store/open-store';
import { removeMailUser } from './mailstack/mail-users';

const [base = 'http://127.0.0.1:8097', dataDir, out = 'docs/screenshots'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: screenshots-directory-audit.ts URL DATA_DIR [OUT]');
const D = '@binhphuoc.gov.vn';
const admin = { email: `quantri-${randomBytes(3).toString('hex')}${D}`, password: 'Lua#Hong2026' };
createConsoleAdmin(dataDir, admin);

const store = openSqlite(dataDir);
const accounts = createAccountStore(store.db);
const people: [string, string, string | null, string, 'personal' | 'unit'][] = [
  ['sttt', 'Sở Thông tin và Truyền thông', null, 'sttt', 'unit'],
  ['thanhtv.sttt', 'Trần Văn Thanh', 'Phó Giám đốc', 'sttt', 'personal'],
  ['hanhntm.sttt', 'Nguyễn Thị Mỹ Hạnh', 'Chánh Văn phòng', 'sttt', 'personal'],
  ['hotro', 'Hỗ trợ thư điện tử công vụ', null, 'sttt', 'unit'],
  ['binhlq.sttt', 'Lê Quang Bình', 'Giám đốc', 'sttt', 'personal'],
  ['ttcnttt', 'Trung tâm Công nghệ thông tin và Truyền thông', null, 'ttcnttt', 'unit'],
  ['dungnv.ttcnttt', 'Nguyễn Văn Dũng', 'Giám đốc Trung tâm', 'ttcnttt', 'personal'],
  ['phuongdtt.ttcnttt', 'Đặng Thị Thu Phương', 'Kỹ sư hệ thống', 'ttcnttt', 'personal'],
  ['khoapv.ttcnttt', 'Phạm Văn Khoa', 'Kỹ thuật viên', 'ttcnttt', 'personal'],
  ['anhlt.pbcvt', 'Lê Tuấn Anh', 'Trưởng phòng', 'pbcvt', 'personal'],
  ['ngocvtb.pbcvt', 'Võ Thị Bích Ngọc', 'Chuyên viên', 'pbcvt', 'personal'],
  ['hungtq.pcntt', 'Trịnh Quốc Hùng', 'Phó Trưởng phòng', 'pcntt', 'personal'],
  ['maidtt.pcntt', 'Đỗ Thị Tuyết Mai', 'Chuyên viên', 'pcntt', 'personal'],
  ['tamnv.pcntt', 'Ngô Văn Tâm', 'Chuyên viên', 'pcntt', 'personal'],
];
for (const [local, fullName, title, unitCode, kind] of people)
  await accounts.setProfile(`${local}${D}`, { fullName, title, unitCode, kind });
// Suspended for spam: not in the directory.
await accounts.setProfile(`tuanlm.pcntt${D}`, { fullName: 'Lý Minh Tuấn', unitCode: 'pcntt' });
await accounts.setState(`tuanlm.pcntt${D}`, 'suspended', 'Phát tán thư rác');

let clock = new Date('2026-11-24T01:12:09Z');
const audit = createAuditLog(store.db, () => clock);
const boss = `hanhntm.sttt${D}`;
const entries: [number, string, string, AuditAction, string, Record<string, string | number | boolean>?][] = [
  [0, boss, `tamnv.pcntt${D}`, 'account_create', 'ok', { unit: 'pcntt', request: '125/STTTT-VP' }],
  [7, boss, `tamnv.pcntt${D}`, 'password_reset', 'ok', { mustChange: true }],
  [95, `tamnv.pcntt${D}`, `tamnv.pcntt${D}`, 'login', 'invalid_credentials'],
  [96, `tamnv.pcntt${D}`, `tamnv.pcntt${D}`, 'login', 'ok'],
  [97, `tamnv.pcntt${D}`, `tamnv.pcntt${D}`, 'password_change', 'ok'],
  [1440, boss, `tuanlm.pcntt${D}`, 'account_state', 'ok', { state: 'suspended', reason: 'Phát tán thư rác' }],
  [1500, boss, `khoapv.ttcnttt${D}`, 'departure', 'ok', { on: '2026-11-30', level: 'staff' }],
  [1501, 'lifecycle-job', `khoapv.ttcnttt${D}`, 'sending_lock', 'ok', { reason: 'Đã nghỉ việc 30/11/2026' }],
  [2900, `ngocvtb.pbcvt${D}`, `ngocvtb.pbcvt${D}`, 'send', 'sending_locked'],
  [3000, boss, `maidtt.pcntt${D}`, 'inactivity_exemption', 'ok', { reason: 'Nghỉ thai sản' }],
  [4300, `hungtq.pcntt${D}`, `hungtq.pcntt${D}`, 'login', 'too_many_attempts'],
  [4310, boss, `hungtq.pcntt${D}`, 'second_factor_reset', 'ok'],
  [5700, boss, `anhlt.pbcvt${D}`, 'role_change', 'ok', { role: 'unit_manager', unit: 'pbcvt' }],
];
for (const [minutes, actor, email, action, outcome, details] of entries) {
  clock = new Date(Date.parse('2026-11-24T01:12:09Z') + minutes * 60_000);
  await audit.record({
    actor,
    email,
    action,
    outcome,
    ip: actor === 'lifecycle-job' ? null : '10.20.1.15',
    details,
  });
}
await store.close();

const browser = await launchBrowser();
try {
  const page = await adminInConsole(browser, base, admin);
  await openSection(page, 'Danh bạ');

  await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).selectOption('sttt');
  await page.getByRole('rowheader', { name: 'Trung tâm Công nghệ thông tin và Truyền thông' }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/console-directory.png` });

  const html = await page.context().request.get(`${base}/api/console/directory/export.html?unit=sttt`);
  const file = `/tmp/danh-ba-sttt-${process.pid}.html`;
  writeFileSync(file, await html.body());
  const exported = await browser.newPage({ viewport: { width: 1200, height: 760 } });
  await exported.goto(`file://${file}`);
  await exported.screenshot({ path: `${out}/directory-export-html.png` });
  await exported.close();

  await page.goto(`${base}/quan-tri/nhat-ky`);
  await page.getByRole('heading', { name: 'Nhật ký' }).waitFor();
  await page.getByRole('searchbox', { name: 'Tài khoản' }).fill('pcntt');
  await page.getByLabel('Từ ngày').fill('24/11/2026');
  await page.getByLabel('Đến ngày').fill('29/11/2026');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await page.getByText('1–', { exact: false }).first().waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/console-audit.png` });
} finally {
  await browser.close();
  removeMailUser(admin.email);
}
