import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readMailUsers, removeMailUser } from '../scripts/mailstack/mail-users';
import { openSection, screenshot, setUpConsole, tearDownConsole } from './support/console-e2e';

/**
 * The Sở's records in Chromium against the real proxy and mail stack: a unit's list imported with
 * a preview (Đ4 proposals, a clash at the provider, namesakes in the file, a bad row), two
 * created; the directory of that unit with its three downloads (Đ12.5); the audit log of what
 * the admin did (Đ7.1); the six-monthly report with its chart and documents (Đ12.10).
 */
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const domain = 'binhphuoc.gov.vn';
const admin = { email: `hosoe2e.sttt@${domain}`, password: 'QuanTri#E2e2026' };
/** Already at the provider: Nguyễn Văn Hoàng of skhdt must get the next number. */
const taken = { email: `hoangnv.skhdt@${domain}`, password: 'DaCo#Hop2026' };
const tuan = `tuanlm.skhdt@${domain}`;
const hoang = `hoangnv2.skhdt@${domain}`;
const unitName = 'Sở Kế hoạch và Đầu tư';
let browser: Browser;
let page: Page;
let workDir: string;

beforeAll(async () => {
  for (const email of [tuan, hoang]) removeMailUser(email);
  workDir = mkdtempSync(path.join(tmpdir(), 'bp-e2e-import-'));
  ({ browser, page } = await setUpConsole({ baseUrl, dataDir, admin, users: [taken] }));
});
afterAll(async () => {
  await tearDownConsole(browser, [admin.email, taken.email, tuan, hoang]);
  rmSync(workDir, { recursive: true, force: true });
});

/** A link's target fetched with the admin's cookies, as the browser's download would. */
async function fetchLink(name: string | RegExp) {
  const href = await page.getByRole('link', { name }).getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(new URL(href!, baseUrl).toString());
  return {
    status: response.status(),
    type: response.headers()['content-type'] ?? '',
    disposition: response.headers()['content-disposition'] ?? '',
    body: await response.body(),
  };
}

describe('import, directory, audit and report', () => {
  it('previews a unit’s list with proposals and clashes, creates the two kept rows and shows their passwords', async () => {
    const list = path.join(workDir, 'danh-sach-skhdt.csv');
    writeFileSync(
      list,
      [
        'Họ và tên,Đơn vị,Chức vụ',
        'Lê Minh Tuấn,skhdt,Chuyên viên Phòng Đầu tư',
        'Nguyễn Văn Hoàng,skhdt,Phó Trưởng phòng Tổng hợp',
        'Lê Minh Tuấn,skhdt,Chuyên viên Phòng Đầu tư',
        'Trần Thị Bé,khongco,Văn thư',
        '',
      ].join('\r\n'),
    );
    await openSection(page, 'Nhập danh sách');
    await page.getByLabel('Tệp danh sách').setInputFiles(list);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^4 dòng: / })
      .waitFor();
    const row = (line: number) => page.locator(`tr[data-line="${line}"]`);
    const local = (line: number) => page.getByRole('textbox', { name: `Tên hộp thư cho dòng ${line}` });
    // Đ4 proposals: the provider's hoangnv.skhdt and the file's first Tuấn push the others to 2.
    expect(await local(2).inputValue()).toBe('tuanlm.skhdt');
    expect(await local(3).inputValue()).toBe('hoangnv2.skhdt');
    expect(await local(4).inputValue()).toBe('tuanlm2.skhdt');
    await row(4).getByText('Trùng họ tên và đơn vị với dòng 2 trong tệp').waitFor();
    await row(5).getByText('Lỗi', { exact: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Tạo tài khoản cho dòng 5' }).isDisabled()).toBe(true);
    // A preview creates nothing at the provider.
    const atProvider = () => readMailUsers().map((u) => u.user);
    expect(atProvider()).not.toContain(tuan);
    await screenshot(page, 'console-import-preview.png', true);

    await page.getByRole('checkbox', { name: 'Tạo tài khoản cho dòng 4' }).uncheck();
    await page.getByRole('button', { name: 'Tạo 2 tài khoản' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Tạo 2 tài khoản?' });
    await confirm.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('heading', { name: 'Kết quả: đã tạo 2, lỗi 0' }).waitFor({ timeout: 30_000 });
    const results = await page
      .locator('.console-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')));
    expect(results.map(([line, name, address, , outcome]) => [line, name, address, outcome])).toEqual([
      ['2', 'Lê Minh Tuấn', tuan, 'Đã tạo'],
      ['3', 'Nguyễn Văn Hoàng', hoang, 'Đã tạo'],
    ]);
    for (const r of results) expect(r[3]!.length).toBeGreaterThanOrEqual(8);
    expect(atProvider()).toEqual(expect.arrayContaining([tuan, hoang]));
    expect(atProvider()).not.toContain(`tuanlm2.skhdt@${domain}`);
    await page.getByRole('button', { name: 'Tải tệp bàn giao (XLSX)' }).waitFor();
  });

  it('lists the unit in the directory and its CSV, XLSX and HTML downloads answer', async () => {
    await openSection(page, 'Danh bạ');
    await page
      .getByRole('combobox', { name: 'Đơn vị', exact: true })
      .selectOption({ label: `\u00a0\u00a0\u00a0${unitName}` });
    const unitGroup = page.locator('tbody').filter({ has: page.getByRole('rowheader', { name: unitName }) });
    await unitGroup.getByRole('link', { name: tuan }).waitFor();
    const people = await unitGroup
      .locator('tr:not(.directory-unit)')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].slice(1).map((c) => c.textContent ?? '')),
      );
    expect(people).toContainEqual(['Lê Minh Tuấn', 'Chuyên viên Phòng Đầu tư', tuan]);
    expect(people).toContainEqual(['Nguyễn Văn Hoàng', 'Phó Trưởng phòng Tổng hợp', hoang]);
    await screenshot(page, 'console-directory.png');

    const csv = await fetchLink(`Tải danh bạ ${unitName} dạng CSV`);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/^attachment/);
    expect(csv.body.toString('utf8')).toContain(tuan);
    expect(csv.body.toString('utf8')).toContain('Nguyễn Văn Hoàng');
    const xlsx = await fetchLink(`Tải danh bạ ${unitName} dạng Excel (XLSX)`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    const html = await fetchLink(`Tải danh bạ ${unitName} dạng Bảng HTML để đăng web`);
    expect(html.status).toBe(200);
    expect(html.type).toMatch(/^text\/html/);
    expect(html.body.toString('utf8')).toContain('Lê Minh Tuấn');
  });

  it('shows the admin’s actions on an account in the audit log, with the admin as actor', async () => {
    await openSection(page, 'Nhật ký');
    const rows = page.locator('.audit-table tbody tr');
    const table = () =>
      rows.evaluateAll((trs) =>
        trs.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')),
      );
    await page.getByRole('searchbox', { name: 'Tài khoản' }).fill('tuanlm.skhdt');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    // Only that account: its creation, by the admin, from the import.
    await expect
      .poll(async () => (await table()).map((r) => r.slice(1, 5)))
      .toEqual([[admin.email, tuan, 'Tạo tài khoản', 'Thành công']]);
    const [created] = await table();
    expect(created![0]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
    expect(created![6]).toContain('Đơn vị: skhdt');

    // The import's own line names both addresses, again with the admin as actor.
    await page.getByRole('searchbox', { name: 'Tài khoản' }).fill('');
    await page
      .getByRole('combobox', { name: 'Hành động', exact: true })
      .selectOption({ label: 'Nhập danh sách tài khoản' });
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(async () => (await table()).map((r) => r[3])).toEqual(['Nhập danh sách tài khoản']);
    const [imported] = await table();
    expect(imported!.slice(1, 5)).toEqual([
      admin.email,
      admin.email,
      'Nhập danh sách tài khoản',
      'Thành công',
    ]);
    expect(imported![6]).toContain(`Địa chỉ: ${tuan}, ${hoang}`);
    await screenshot(page, 'console-audit.png');
    const csv = await fetchLink('Tải CSV');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.body.toString('utf8')).toContain(hoang);
  });

  it('shows the six-monthly report with the unit’s new accounts, a chart, and XLSX/PDF documents', async () => {
    await openSection(page, 'Báo cáo 6 tháng');
    const period = page.getByRole('combobox', { name: /^Kỳ báo cáo/ });
    const current = await period.locator('option', { hasText: '(đang diễn ra)' }).getAttribute('value');
    await period.selectOption(current!);
    await page.getByText('Kỳ này chưa kết thúc: số liệu là những gì đã xảy ra đến nay.').waitFor();
    const unitRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: `${unitName} (skhdt)` }) });
    await unitRow.waitFor();
    const [inUse, created, , , never] = (await unitRow.getByRole('cell').allTextContents()).map(Number);
    expect(created).toBeGreaterThanOrEqual(2);
    expect(inUse).toBeGreaterThanOrEqual(created!);
    expect(never).toBeGreaterThanOrEqual(2);
    const chart = page.getByRole('img', { name: /^Biểu đồ cột của \d+ đơn vị/ });
    await chart.waitFor();
    expect(await chart.getByText(unitName).count()).toBeGreaterThan(0);
    await screenshot(page, 'console-report.png', true);

    const xlsx = await fetchLink('Tải XLSX');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.disposition).toMatch(/^attachment/);
    const pdf = await fetchLink('Tải PDF');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
