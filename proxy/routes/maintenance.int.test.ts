import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  MaintenanceEarliest,
  MaintenanceNotice,
  MaintenanceNoticeList,
  PublicNotices,
} from '../../common/contract';
import { addDays, startOfVietnamDay, vietnamDateOf } from '../../common/policy/vietnam-date';
import { addWorkingDays } from '../../common/policy/working-days';
import { consoleUser } from '../test-support/console-admin';
import { type ProxyHarness, startProxy } from '../test-support/proxy-harness';

const HOUR = 3_600_000;
const ddmmyyyy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
/** 08:00 in Viet Nam on that date. */
const at8 = (date: string) => new Date(startOfVietnamDay(date).getTime() + 8 * HOUR);

describe('Đ8.1c maintenance notices', { timeout: 60_000 }, () => {
  let proxy: ProxyHarness;
  let admin: Awaited<ReturnType<typeof consoleUser>>;
  const publicNotices = async () =>
    (
      (
        await proxy.app.inject({ method: 'GET', url: '/api/notices', headers: { host: '127.0.0.1:8080' } })
      ).json() as PublicNotices
    ).notices;

  beforeAll(async () => {
    proxy = await startProxy();
    admin = await consoleUser(proxy);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await proxy?.close();
    admin?.remove();
  });

  it('refuses an outage 2 working days ahead and names the earliest day, as the form shows it', async () => {
    const calendar = proxy.ctx.config.holidays;
    const today = vietnamDateOf(new Date());
    const earliestOn = addDays(addWorkingDays(today, 3, calendar), 1);

    const earliest = (
      await admin.client.get('/api/console/maintenance/earliest')
    ).json() as MaintenanceEarliest;
    expect(earliest.earliestStartOn).toBe(earliestOn);
    expect(earliest.earliestStart).toBe(startOfVietnamDay(earliestOn).toISOString());

    const twoDays = at8(addDays(addWorkingDays(today, 2, calendar), 1));
    const res = await admin.client.post('/api/console/maintenance', {
      startsAt: twoDays.toISOString(),
      endsAt: new Date(twoDays.getTime() + 2 * HOUR).toISOString(),
      message: 'Nâng cấp máy chủ thư',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'maintenance_notice_too_short',
      details: { earliest: ddmmyyyy(earliestOn) },
    });
    expect(res.json().error.message).toContain(ddmmyyyy(earliestOn));
    expect(await publicNotices()).toEqual([]);
  });

  it('counts Tết out: announced Wednesday 11/2/2026, an outage on Monday 23/2 is refused, earliest 24/02/2026', async () => {
    // Only Date is faked: the route reads the clock, the session and TOTP already passed.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-11T10:00:00+07:00'));
    const refused = await admin.client.post('/api/console/maintenance', {
      startsAt: '2026-02-23T08:00:00+07:00',
      endsAt: '2026-02-23T10:00:00+07:00',
      message: 'Bảo trì sau Tết',
    });
    expect(refused.json().error).toMatchObject({
      code: 'maintenance_notice_too_short',
      details: { earliest: '24/02/2026' },
    });
    const earliest = (
      await admin.client.get('/api/console/maintenance/earliest')
    ).json() as MaintenanceEarliest;
    expect(earliest.earliestStartOn).toBe('2026-02-24');
    const accepted = await admin.client.post('/api/console/maintenance', {
      startsAt: '2026-02-24T00:00:00+07:00',
      endsAt: '2026-02-24T02:00:00+07:00',
      message: 'Bảo trì sau Tết',
    });
    expect(accepted.statusCode).toBe(200);
    const cancel = await admin.client.post(`/api/console/maintenance/${accepted.json().id}/cancel`, {});
    expect(cancel.statusCode).toBe(200);
  });

  it('refuses an end before the start and a year without a holiday list', async () => {
    const start = at8(addWorkingDays(vietnamDateOf(new Date()), 10, proxy.ctx.config.holidays));
    const backwards = await admin.client.post('/api/console/maintenance', {
      startsAt: start.toISOString(),
      endsAt: start.toISOString(),
      message: 'x',
    });
    expect(backwards.json().error.code).toBe('maintenance_end_before_start');
    // Announced in a year the holiday list does not cover (the built-in list is 2026–2027).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-12-22T09:00:00+07:00'));
    const unknownYear = await admin.client.post('/api/console/maintenance', {
      startsAt: '2026-01-12T08:00:00+07:00',
      endsAt: '2026-01-12T10:00:00+07:00',
      message: 'x',
    });
    expect(unknownYear.json().error.code).toBe('holidays_unknown');
  });

  it('accepts one 5 working days ahead, shows it to everyone without a session, and cancels it', async () => {
    const startOn = addWorkingDays(vietnamDateOf(new Date()), 5, proxy.ctx.config.holidays);
    const startsAt = at8(startOn);
    const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
    const res = await admin.client.post('/api/console/maintenance', {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      message: 'Nâng cấp phần mềm máy chủ thư; thư đến vẫn được nhận sau khi hệ thống hoạt động trở lại.',
    });
    expect(res.statusCode).toBe(200);
    const notice = res.json() as MaintenanceNotice;
    expect(notice).toMatchObject({
      status: 'upcoming',
      createdBy: admin.email,
      startsAt: startsAt.toISOString(),
    });

    // No cookie at all: the log-in page shows it.
    expect(await publicNotices()).toEqual([
      {
        id: notice.id,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        message: 'Nâng cấp phần mềm máy chủ thư; thư đến vẫn được nhận sau khi hệ thống hoạt động trở lại.',
      },
    ]);

    const cancelled = await admin.client.post(`/api/console/maintenance/${notice.id}/cancel`, {});
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledBy: admin.email });
    expect(await publicNotices()).toEqual([]);
    const again = await admin.client.post(`/api/console/maintenance/${notice.id}/cancel`, {});
    expect(again.json().error.code).toBe('notice_not_found');

    const list = (await admin.client.get('/api/console/maintenance')).json() as MaintenanceNoticeList;
    expect(list.notices.find((n) => n.id === notice.id)?.status).toBe('cancelled');
    const audit = (await proxy.ctx.audit.forAccount(admin.email)).filter(
      (e) => e.action === 'maintenance_notice',
    );
    expect(audit.map((e) => [e.outcome, e.details?.op])).toEqual(
      expect.arrayContaining([
        ['ok', 'create'],
        ['ok', 'cancel'],
        ['maintenance_notice_too_short', 'create'],
      ]),
    );
  });

  it('is for admins only: a unit manager cannot schedule', async () => {
    const manager = await consoleUser(proxy, { role: 'unit_manager', unitCode: 'sttt', prefix: 'qlbaotri' });
    try {
      const res = await manager.client.get('/api/console/maintenance');
      expect(res.statusCode).toBe(403);
    } finally {
      manager.remove();
    }
  });
});
