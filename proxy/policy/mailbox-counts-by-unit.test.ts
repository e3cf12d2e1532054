import { describe, expect, it } from 'vitest';
import { type ReportAccount, unitReport } from './mailbox-counts-by-unit';
import { reportPeriod } from './report-period';

const at = (local: string) => new Date(`${local}+07:00`);
const GB = 1024 ** 3;

const account = (address: string, unit: string, over: Partial<ReportAccount> = {}): ReportAccount => ({
  address: `${address}@binhphuoc.gov.vn`,
  unit,
  kind: 'personal',
  createdAt: at('2024-03-01T08:00'),
  revokedAt: null,
  suspensions: [],
  firstLoginAt: at('2024-03-02T08:00'),
  usedBytes: 1 * GB,
  quotaBytes: 2 * GB,
  ...over,
});

const ACCOUNTS: ReportAccount[] = [
  account('thanhtv.sttt', 'sttt'),
  account('haltt.sttt', 'sttt', { createdAt: at('2026-01-15T10:00'), firstLoginAt: null }),
  account('stttt', 'sttt', { kind: 'unit', createdAt: at('2023-01-01T08:00'), usedBytes: 1.9 * GB }),
  account('ducdd.sttt', 'sttt', { suspensions: [{ from: at('2026-03-01T02:00'), until: null }] }),
  account('khaintm.sttt', 'sttt', {
    suspensions: [{ from: at('2026-02-01T02:00'), until: at('2026-02-10T09:00') }],
  }),
  account('muoid.sttt', 'sttt', { revokedAt: at('2026-04-02T00:00') }),
  account('cuongl.sttt', 'sttt', { revokedAt: at('2025-10-01T00:00') }),
  account('lamt.sttt', 'sttt', { createdAt: at('2026-06-20T00:00'), firstLoginAt: null }),
  account('sangdh.bgp', 'bgp', { createdAt: at('2025-12-20T00:00'), firstLoginAt: at('2025-12-21T08:00') }),
  account('gianglv.bgp', 'bgp', { createdAt: at('2025-12-19T23:59'), firstLoginAt: at('2025-12-19T23:59') }),
  account('tpdx', 'tpdx', { kind: 'unit', quotaBytes: 0, usedBytes: 5 * GB }),
  account('phuongtt.tpdx', 'tpdx', {
    createdAt: at('2026-05-01T08:00'),
    firstLoginAt: at('2026-06-25T08:00'),
  }),
];

describe('Đ12.10: "thống kê danh sách cá nhân, đơn vị đang sử dụng hộp thư công vụ" per unit', () => {
  const report = unitReport(ACCOUNTS, reportPeriod(at('2026-06-19T10:00')));

  it('counts the Sở TT&TT for 2026-H1', () => {
    expect(report.units.find((u) => u.unit === 'sttt')).toEqual({
      unit: 'sttt',
      inUse: 4, // thanhtv, haltt, khaintm (restored on 10/2), stttt
      personalInUse: 3,
      unitMailboxesInUse: 1,
      created: 1, // haltt; lamt on 20/6 belongs to the next period
      suspended: 2, // ducdd and khaintm
      suspendedAtEnd: 1, // ducdd
      revoked: 1, // muoid; cuongl was revoked in 2025
      neverLoggedIn: 1, // haltt
      nearQuota: 1, // stttt at 95 %
      addressesInUse: [
        'haltt.sttt@binhphuoc.gov.vn',
        'khaintm.sttt@binhphuoc.gov.vn',
        'stttt@binhphuoc.gov.vn',
        'thanhtv.sttt@binhphuoc.gov.vn',
      ],
    });
  });

  it('includes the first day of the period and excludes the day it ends', () => {
    expect(report.units.find((u) => u.unit === 'bgp')).toMatchObject({ inUse: 2, created: 1 });
  });

  it('counts a first log-in after the period as none, and a mailbox without quota as not full', () => {
    expect(report.units.find((u) => u.unit === 'tpdx')).toMatchObject({
      inUse: 2,
      unitMailboxesInUse: 1,
      created: 1,
      neverLoggedIn: 1,
      nearQuota: 0,
    });
  });

  it('adds the units up, sorted by unit', () => {
    expect(report.units.map((u) => u.unit)).toEqual(['bgp', 'sttt', 'tpdx']);
    expect(report.total).toEqual({
      inUse: 8,
      personalInUse: 6,
      unitMailboxesInUse: 2,
      created: 3,
      suspended: 2,
      suspendedAtEnd: 1,
      revoked: 1,
      neverLoggedIn: 2,
      nearQuota: 1,
    });
  });

  it('gives the next period its own figures from the same records', () => {
    const h2 = unitReport(ACCOUNTS, reportPeriod(at('2026-07-01T10:00')));
    expect(h2.units.find((u) => u.unit === 'sttt')).toMatchObject({
      inUse: 5, // lamt joins; muoid is gone
      created: 1,
      suspended: 0, // ducdd's suspension began in H1
      suspendedAtEnd: 1,
      revoked: 0,
      neverLoggedIn: 2, // haltt and lamt
    });
  });

  it('counts a suspension lifted exactly at the end as lifted', () => {
    const p = reportPeriod(at('2026-03-01T00:00'));
    const a = account('x.sttt', 'sttt', { suspensions: [{ from: at('2026-05-01T00:00'), until: p.endsAt }] });
    expect(unitReport([a], p).total).toMatchObject({ inUse: 1, suspended: 1, suspendedAtEnd: 0 });
  });

  it.each([
    [0.9, 1],
    [0.8999, 0],
  ])('counts %d of the quota as near it: %i', (share, n) => {
    const a = account('x.sttt', 'sttt', { usedBytes: share * 2 * GB });
    expect(unitReport([a], reportPeriod(at('2026-03-01T00:00'))).total.nearQuota).toBe(n);
    expect(
      unitReport([a], reportPeriod(at('2026-03-01T00:00')), { nearQuotaRatio: 0.8 }).total.nearQuota,
    ).toBe(1);
  });
});
