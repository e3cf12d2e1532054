import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleReport, ReportUnitRow } from '../../common/contract';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { resolveMailDomain } from '../../scripts/mailstack/paths';
import { defaultPeriod, periodId } from '../console/report/report-periods';
import { consoleUser } from '../test-support/console-admin';
import { appendMessages, type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

const letters = () => [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

describe('GET /api/console/report (Đ12.10)', () => {
  let proxy: ProxyHarness;
  let admin: Awaited<ReturnType<typeof consoleUser>>;
  const unit = `bc${letters()}`;
  const other = `bc${letters()}`;
  const mailboxes: FreshMailbox[] = [];
  let providerOnly: string;
  let current: string;

  beforeAll(async () => {
    proxy = await startProxy();
    await proxy.ctx.units.create({
      code: unit,
      name: 'Phòng Thử nghiệm Báo cáo Đắk Ơ',
      parentCode: null,
      level: 'department',
      mailbox: null,
      website: null,
    });
    await proxy.ctx.units.create({
      code: other,
      name: 'Xã Khác',
      parentCode: null,
      level: 'commune',
      mailbox: null,
      website: null,
    });
    admin = await consoleUser(proxy, { role: 'admin' });

    // Created this period and suspended (Đ6.2b, Đ6.2c).
    const suspended = freshMailbox('baocao');
    await proxy.ctx.accounts.setProfile(suspended.email, { unitCode: unit });
    await proxy.ctx.accounts.setState(suspended.email, 'suspended', 'spam');
    // In use, never logged in, and over 90 % of a small quota.
    const full = freshMailbox('baocao');
    upsertMailUser({
      email: full.email,
      password: full.password,
      quotaBytes: 100 * 1024,
      suspendReason: null,
    });
    await full.imap((c) =>
      appendMessages(c, 'INBOX', [{ subject: 'Tài liệu', body: 'x'.repeat(95 * 1024) }]),
    );
    await proxy.ctx.accounts.setProfile(full.email, { unitCode: unit });
    // Another unit's mailbox, for the manager's scope.
    const elsewhere = freshMailbox('baocao');
    await proxy.ctx.accounts.setProfile(elsewhere.email, { unitCode: other });
    mailboxes.push(suspended, full, elsewhere);
    // Only at the provider: its unit read from the address (Đ4: name.unit).
    providerOnly = `nv${letters()}.${unit}@${resolveMailDomain()}`;
    upsertMailUser({
      email: providerOnly,
      password: 'Lua#Hong2026',
      quotaBytes: 2 * 1024 ** 3,
      suspendReason: null,
    });

    const first = (await admin.client.get('/api/console/report')).json() as ConsoleReport;
    current = first.periods.find((p) => p.current)!.id;
  });

  afterAll(async () => {
    removeMailUser(providerOnly);
    for (const m of mailboxes) m.remove();
    admin?.remove();
    await proxy?.close();
  });

  const rowOf = (r: ConsoleReport, code: string) => r.units.find((u) => u.code === code) as ReportUnitRow;

  it('counts a created and suspended account, the never-logged-in, the near-full, in its unit', async () => {
    const res = await admin.client.get(`/api/console/report?period=${current}`);
    expect(res.statusCode).toBe(200);
    const report = res.json() as ConsoleReport;
    expect(report.period).toMatchObject({ id: current, current: true });
    expect(report.usageKnown).toBe(true);
    expect(rowOf(report, unit)).toMatchObject({
      name: 'Phòng Thử nghiệm Báo cáo Đắk Ơ',
      inUse: 2,
      created: 2,
      suspended: 1,
      suspendedAtEnd: 1,
      revoked: 0,
      neverLoggedIn: 2,
      nearQuota: 1,
    });
    expect(rowOf(report, unit).addressesInUse).toEqual([mailboxes[1]!.email, providerOnly].sort());
  });

  it('opens on the period still being reported (report-periods.ts) and refuses one that has not begun', async () => {
    const report = (await admin.client.get('/api/console/report')).json() as ConsoleReport;
    expect(report.period.id).toBe(report.defaultPeriod);
    expect(report.defaultPeriod).toBe(periodId(defaultPeriod(new Date())));
    expect((await admin.client.get('/api/console/report?period=2099-06')).statusCode).toBe(400);
    expect((await admin.client.get('/api/console/report?period=2026-07')).statusCode).toBe(400);
  });

  it('downloads the XLSX with the unit counted, and records the export', async () => {
    const res = await admin.client.get(`/api/console/report.xlsx?period=${current}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename=.*filename\*=UTF-8''B%C3%A1o%20c%C3%A1o/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Báo cáo')!;
    let found: unknown[] | undefined;
    ws.eachRow((row) => {
      if (row.getCell(3).value === unit) found = (row.values as unknown[]).slice(2);
    });
    expect(found).toEqual(['Phòng Thử nghiệm Báo cáo Đắk Ơ', unit, 2, 2, 1, 0, 2, 1]);
    const exports = (await proxy.ctx.audit.forAccount(admin.email)).filter(
      (e) => e.action === 'report_export',
    );
    expect(exports[0]).toMatchObject({ actor: admin.email, outcome: 'ok' });
  });

  it('downloads the PDF', async () => {
    const res = await admin.client.get(`/api/console/report.pdf?period=${current}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment;.*\.pdf/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives a unit manager only their unit, in the page and in the documents', async () => {
    const manager = await consoleUser(proxy, { role: 'unit_manager', unitCode: unit });
    try {
      const report = (
        await manager.client.get(`/api/console/report?period=${current}`)
      ).json() as ConsoleReport;
      expect(report.units.map((u) => u.code)).toEqual([unit]);
      expect(report.total.inUse).toBe(rowOf(report, unit).inUse);
      const xlsx = await manager.client.get(`/api/console/report.xlsx?period=${current}`);
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const codes: unknown[] = [];
      wb.getWorksheet('Báo cáo')!.eachRow((row, n) => {
        if (n > 6) codes.push(row.getCell(3).value);
      });
      expect(codes).toContain(unit);
      expect(codes).not.toContain(other);
    } finally {
      manager.remove();
    }
  });

  it('is closed to an ordinary user', async () => {
    const user = freshMailbox('baocao');
    try {
      const client = await logIn(proxy, user.email, user.password);
      expect((await client.get('/api/console/report.pdf')).statusCode).toBe(403);
    } finally {
      user.remove();
    }
  });
});
