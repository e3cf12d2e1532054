import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryListing } from '../../common/contract';
import { refreshDirectory } from '../console/directory/refresh-directory';
import { consoleUser } from '../test-support/console-admin';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

describe('the console’s directory (Đ5.1, Đ12.5)', () => {
  let proxy: ProxyHarness;
  let admin: Awaited<ReturnType<typeof consoleUser>>;
  let manager: Awaited<ReturnType<typeof consoleUser>>;
  const tag = randomBytes(3).toString('hex');
  const dept = `kt${tag}`;
  const division = `p${tag}`;
  const people: Record<string, FreshMailbox> = {};
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    proxy = await startProxy();
    const { units, accounts } = proxy.ctx;
    await units.create({
      code: dept,
      name: `Sở Kiểm thử ${tag}`,
      parentCode: null,
      level: 'department',
      mailbox: null,
      website: null,
    });
    await units.create({
      code: division,
      name: `Phòng Dữ liệu, Số hóa ${tag}`,
      parentCode: dept,
      level: 'division',
      mailbox: null,
      website: null,
    });
    const profiles = {
      thanh: { fullName: 'Trần Văn Thanh', title: 'Phó Giám đốc', unitCode: dept },
      office: { fullName: `Sở Kiểm thử ${tag}`, kind: 'unit' as const, unitCode: dept },
      lan: { fullName: 'Nguyễn Thị "Út" Lan', title: 'Chuyên viên', unitCode: division },
      hoa: { fullName: 'Lê Thị Hoa', title: 'Kế toán', unitCode: dept },
    };
    for (const [key, profile] of Object.entries(profiles)) {
      const m = freshMailbox(`danhba${key}`);
      cleanup.push(m.remove);
      people[key] = m;
      await accounts.setProfile(m.email, profile);
    }
    await accounts.setState(people.hoa!.email, 'suspended', 'Phát tán thư rác');
    admin = await consoleUser(proxy);
    manager = await consoleUser(proxy, { role: 'unit_manager', unitCode: division, prefix: 'quanlydv' });
    cleanup.push(admin.remove, manager.remove);
  });
  afterAll(async () => {
    await proxy.close();
    for (const c of cleanup) c();
  });

  it('lists a unit’s active addresses with its sub-units, unit mailbox first, and omits a suspended one', async () => {
    const res = await admin.client.get(`/api/console/directory?unit=${dept}`);
    expect(res.statusCode).toBe(200);
    const listing = res.json() as DirectoryListing;
    expect(listing.groups.map((g) => [g.unitName, g.entries.map((e) => e.fullName ?? e.email)])).toEqual([
      [`Sở Kiểm thử ${tag}`, [`Sở Kiểm thử ${tag}`, 'Trần Văn Thanh']],
      // The unit manager's own mailbox has no name yet: after the named people.
      [`Phòng Dữ liệu, Số hóa ${tag}`, ['Nguyễn Thị "Út" Lan', manager.email]],
    ]);
    expect(listing.groups[0]!.entries[1]).toMatchObject({
      email: people.thanh!.email,
      title: 'Phó Giám đốc',
    });
    expect(JSON.stringify(listing)).not.toContain(people.hoa!.email);
    expect(listing.units.map((u) => u.code)).toEqual(expect.arrayContaining([dept, division]));
  });

  it('finds people typed without tones', async () => {
    const listing = (
      await admin.client.get(`/api/console/directory?q=${encodeURIComponent(`pho giam doc ${tag}`)}`)
    ).json();
    expect(listing.total).toBe(1);
    expect(listing.groups[0].entries[0].email).toBe(people.thanh!.email);
  });

  it('shows a unit manager only their unit, and no other unit even when asked', async () => {
    const listing = (await manager.client.get('/api/console/directory')).json() as DirectoryListing;
    expect(listing.groups.map((g) => g.unitCode)).toEqual([division]);
    expect(listing.units.map((u) => u.code)).toEqual([division]);
    const other = await manager.client.get(`/api/console/directory?unit=${dept}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('unit_not_found');
    const csv = await manager.client.get('/api/console/directory/export.csv');
    expect(csv.body).toContain('Nguyễn Thị ""Út"" Lan');
    expect(csv.body).not.toContain('Trần Văn Thanh');
  });

  it('downloads the unit’s list as CSV, XLSX and an HTML table, in Vietnamese', async () => {
    const csv = await admin.client.get(`/api/console/directory/export.csv?unit=${dept}`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename=danh-ba-${dept}.csv`);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('STT,Họ và tên,Chức vụ,Đơn vị,Địa chỉ thư');
    expect(lines[2]).toBe(`2,Trần Văn Thanh,Phó Giám đốc,Sở Kiểm thử ${tag},${people.thanh!.email}`);
    expect(lines[3]).toBe(
      `3,"Nguyễn Thị ""Út"" Lan",Chuyên viên,"Phòng Dữ liệu, Số hóa ${tag}",${people.lan!.email}`,
    );

    const xlsx = await admin.client.get(`/api/console/directory/export.xlsx?unit=${dept}`);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toContain(`danh-ba-${dept}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`Sở Kiểm thử ${tag}`);
    expect(ws.getCell('B5').value).toBe('Trần Văn Thanh');

    const html = await admin.client.get(`/api/console/directory/export.html?unit=${division}`);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toMatch(/^attachment;/);
    expect(html.body).toContain('<html lang="vi">');
    expect(html.body).toContain('<td>Nguyễn Thị &quot;Út&quot; Lan</td>');
    expect(html.body).not.toContain('<script');
  });

  it('gives compose the console’s full name and the unit’s official name, not the suspended address', async () => {
    await refreshDirectory(proxy.ctx);
    const found = (await admin.client.get(`/api/contacts?q=${encodeURIComponent('tran van thanh')}`)).json();
    expect(found.contacts).toContainEqual({
      address: people.thanh!.email,
      name: 'Trần Văn Thanh',
      unit: `Sở Kiểm thử ${tag}`,
      source: 'directory',
    });
    const suspended = (
      await admin.client.get(`/api/contacts?q=${encodeURIComponent(people.hoa!.email)}`)
    ).json();
    expect(suspended.contacts).toEqual([]);
  });

  it('refuses an ordinary user', async () => {
    const user = freshMailbox('nguoidung');
    cleanup.push(user.remove);
    const client = await logIn(proxy, user.email, user.password);
    expect((await client.get('/api/console/directory/export.csv')).statusCode).toBe(403);
  });
});
