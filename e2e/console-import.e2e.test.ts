import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUnitStore } from '../proxy/console/units/unit-store';
import { openStore } from '../proxy/store/open-store';
import { launchBrowser } from './support/browser';
import { createConsoleAdmin, enrolInConsole, logIn } from './support/console';
import { tearDownConsole } from './support/console-e2e';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const admin = { email: 'nhapdse2e.sttt@binhphuoc.gov.vn', password: 'NhapDs#E2e2026' };
// A unit of this run's own: its addresses meet nobody else's.
const code = `nk${randomUUID().replace(/\D/g, '').slice(0, 6)}`;
const unitName = `Phòng Nhập thử ${code}`;
const created: string[] = [];
let browser: Browser;

beforeAll(async () => {
  createConsoleAdmin(dataDir, admin);
  const store = await openStore({ dataDir });
  await createUnitStore(store.db).create({
    code,
    name: unitName,
    parentCode: null,
    level: 'department',
    mailbox: null,
    website: null,
  });
  await store.close();
  browser = await launchBrowser();
});
afterAll(() => tearDownConsole(browser, [admin.email, ...created]));

async function staffListXlsx(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['DANH SÁCH CÁN BỘ ĐỀ NGHỊ CẤP HỘP THƯ']);
  ws.addRow(['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ']);
  ws.addRow([1, 'Nguyễn Văn An', code, 'Chuyên viên']);
  ws.addRow([2, 'Nguyễn Văn An', unitName, 'Văn thư']);
  ws.addRow([3, 'Thanh', code, '']);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('bulk import of a unit’s list in the console', () => {
  it('previews an XLSX, creates the kept rows, and hands over an XLSX of addresses and temporary passwords', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'e2e-import-'));
    const list = path.join(dir, 'danh-sach.xlsx');
    await staffListXlsx(list);
    const page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    await logIn(page, baseUrl, admin.email, admin.password);
    await enrolInConsole(page);
    await page.getByRole('link', { name: 'Nhập danh sách' }).click();
    await page.getByLabel('Tệp danh sách').setInputFiles(list);
    await page.getByRole('button', { name: 'Xem trước' }).click();

    await page.getByText('3 dòng: 1 hợp lệ, 1 cần xem lại, 1 không tạo được.').waitFor();
    const local = (line: number) => page.getByRole('textbox', { name: `Tên hộp thư cho dòng ${line}` });
    expect(await local(3).inputValue()).toBe(`annv.${code}`);
    expect(await local(4).inputValue()).toBe(`annv2.${code}`);
    expect(await page.locator('tr[data-line="5"]').textContent()).toContain(
      'Họ và tên phải có ít nhất hai tiếng (họ và tên).',
    );

    await page.getByRole('button', { name: 'Tạo 2 tài khoản' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Kết quả: đã tạo 2, lỗi 0').waitFor();
    const shown = await page.locator('.import-password').allTextContents();
    created.push(`annv.${code}@binhphuoc.gov.vn`, `annv2.${code}@binhphuoc.gov.vn`);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải tệp bàn giao (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ban-giao-hop-thu.xlsx');
    const saved = path.join(dir, 'ban-giao.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as never);
    const sheet = wb.worksheets[0]!;
    const rows = [2, 3].map((r) => [3, 4, 5].map((c) => sheet.getRow(r).getCell(c).text));
    expect(rows).toEqual([
      [unitName, `annv.${code}@binhphuoc.gov.vn`, shown[0]],
      [unitName, `annv2.${code}@binhphuoc.gov.vn`, shown[1]],
    ]);

    // The handed-over password opens the mailbox, which asks for a new one first.
    const res = await fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl, 'x-csrf-token': 'login' },
      body: JSON.stringify({ email: `annv2.${code}@binhphuoc.gov.vn`, password: rows[1]![2] }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { password: { changeRequired: string } }).password.changeRequired).toBe(
      'first_login',
    );
    await page.close();
  });
});
