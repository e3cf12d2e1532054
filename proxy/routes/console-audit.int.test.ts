import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../common/contract';
import { consoleUser } from '../test-support/console-admin';
import { type ProxyHarness, startProxy } from '../test-support/proxy-harness';

describe('the audit log viewer (Đ7.1)', () => {
  let proxy: ProxyHarness;
  let admin: Awaited<ReturnType<typeof consoleUser>>;
  let manager: Awaited<ReturnType<typeof consoleUser>>;
  const tag = randomBytes(3).toString('hex');
  const mine = `a${tag}`;
  const other = `b${tag}`;
  const lan = `lannt.${mine}@binhphuoc.gov.vn`;
  const minh = `minhlv.${other}@binhphuoc.gov.vn`;

  beforeAll(async () => {
    proxy = await startProxy();
    const { units, accounts, store } = proxy.ctx;
    for (const code of [mine, other])
      await units.create({
        code,
        name: `Đơn vị ${code}`,
        parentCode: null,
        level: 'department',
        mailbox: null,
        website: null,
      });
    await accounts.setProfile(lan, { fullName: 'Nguyễn Thị Lan', unitCode: mine });
    await accounts.setProfile(minh, { fullName: 'Lê Văn Minh', unitCode: other });
    admin = await consoleUser(proxy);
    manager = await consoleUser(proxy, { role: 'unit_manager', unitCode: mine, prefix: 'quanlynk' });
    // Entries of past days, at known instants (the log is append-only; inserting is what record does).
    const insert = (
      at: number,
      actor: string,
      email: string,
      action: string,
      outcome: string,
      ip: string,
      details: string | null,
    ) =>
      store.db.insertInto('audit_log').values({ at, actor, email, action, outcome, ip, details }).execute();
    const at = (iso: string) => Date.parse(iso);
    await insert(
      at('2026-10-14T16:59:00Z'),
      admin.email,
      lan,
      'account_create',
      'ok',
      '10.1.1.1',
      '{"unit":"x"}',
    );
    await insert(at('2026-10-14T17:00:00Z'), lan, lan, 'login', 'invalid_credentials', '10.1.1.2', null);
    await insert(at('2026-10-15T02:00:00Z'), admin.email, minh, 'password_reset', 'ok', '10.1.1.1', null);
    await insert(at('2026-10-16T02:00:00Z'), admin.email, lan, 'password_reset', 'ok', '10.1.1.1', null);
  });
  afterAll(async () => {
    await proxy.close();
    admin.remove();
    manager.remove();
  });

  const page = async (client: typeof admin.client, query: string) => {
    const res = await client.get(`/api/console/audit?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as AuditPage;
  };
  const rows = (p: AuditPage) => p.entries.map((e) => `${e.action}:${e.email}`);

  it('filters by action and by part of the account, newest first, with the retention', async () => {
    const resets = await page(admin.client, `action=password_reset&account=${tag}`);
    expect(rows(resets)).toEqual([`password_reset:${lan}`, `password_reset:${minh}`]);
    expect(resets).toMatchObject({ total: 2, retentionMonths: 6 });
    expect(resets.entries[0]!.at).toBe('2026-10-16T02:00:00.000Z');
    const lanOnly = await page(admin.client, `account=${encodeURIComponent(`LANNT.${mine}`)}`);
    expect(rows(lanOnly)).toEqual([`password_reset:${lan}`, `login:${lan}`, `account_create:${lan}`]);
    expect(lanOnly.entries[2]!.details).toEqual({ unit: 'x' });
  });

  it('takes the date range as days in Viet Nam', async () => {
    // 17:00 UTC on 14/10 is 00:00 on 15/10 in Viet Nam.
    const day = await page(admin.client, `account=${tag}&from=2026-10-15&to=2026-10-15`);
    expect(rows(day)).toEqual([`password_reset:${minh}`, `login:${lan}`]);
    const refused = await page(admin.client, `account=${tag}&outcome=refused`);
    expect(refused.entries.map((e) => e.outcome)).toEqual(['invalid_credentials']);
  });

  it('pages with a total', async () => {
    const first = await page(admin.client, `account=${tag}&limit=3`);
    const second = await page(admin.client, `account=${tag}&limit=3&offset=3`);
    expect(first.total).toBe(4);
    expect(first.entries).toHaveLength(3);
    expect(rows(second)).toEqual([`account_create:${lan}`]);
  });

  it('shows a unit manager only entries about accounts of their unit', async () => {
    const all = await page(manager.client, `account=${tag}`);
    expect(rows(all)).toEqual([`password_reset:${lan}`, `login:${lan}`, `account_create:${lan}`]);
    expect((await page(manager.client, `account=${encodeURIComponent(minh)}`)).total).toBe(0);
    const csv = await manager.client.get(`/api/console/audit/export.csv?account=${tag}`);
    expect(csv.body).not.toContain(minh);
  });

  it('exports the filtered entries as CSV in Vietnamese, times in Viet Nam', async () => {
    const res = await admin.client.get(
      `/api/console/audit/export.csv?account=${tag}&from=2026-10-15&to=2026-10-16`,
    );
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename=nhat-ky-tu-2026-10-15-den-2026-10-16.csv',
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Thời gian,Người thực hiện,Tài khoản,Hành động,Kết quả,Địa chỉ IP,Chi tiết');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`16/10/2026 09:00:00,${admin.email},${lan},Đặt lại mật khẩu,Thành công,10.1.1.1,`);
    expect(lines[3]).toMatch(new RegExp(`^15/10/2026 00:00:00,${lan},${lan},Đăng nhập,Bị từ chối: `));
    // Who took a copy of many people's entries is itself in the log.
    const taken = (await proxy.ctx.audit.forAccount('*')).find((e) => e.actor === admin.email);
    expect(taken).toMatchObject({ action: 'report_export', details: { report: 'audit_csv', account: tag } });
  });

  it('refuses a bad filter with 400', async () => {
    const res = await admin.client.get('/api/console/audit?action=drop_table');
    expect(res.statusCode).toBe(400);
  });
});
