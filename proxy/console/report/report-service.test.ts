import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../accounts/account-store';
import type { ProviderAccount } from '../../password/drivers/password-driver';
import type { MailboxQuota } from '../../quota-warnings/doveadm-quota';
import { blankAccountRecord } from '../accounts/account-record';
import { type ReportInputs, type StateChange, statePeriods } from './report-accounts';
import { periodById } from './report-periods';
import { buildReport } from './report-service';

const at = (local: string) => new Date(`${local}+07:00`);
const GB = 1024 ** 3;
const D = '@binhphuoc.gov.vn';

const stored = (local: string, over: Partial<AccountRecord> = {}): AccountRecord => ({
  ...blankAccountRecord(`${local}${D}`, at('2025-01-01T08:00')),
  kind: 'personal',
  quotaBytes: 2 * GB,
  firstLoginAt: at('2025-01-02T08:00'),
  lastLoginAt: at('2026-03-02T08:00'),
  ...over,
});

const H1_2026 = periodById('2026-06')!;
const NOW = at('2026-06-25T09:00');
const UNITS = new Map([
  ['sttt', 'Sở Thông tin và Truyền thông'],
  ['bgp', 'Huyện Bù Gia Mập'],
]);

function inputs(over: Partial<ReportInputs> = {}): ReportInputs & { usageKnown: boolean } {
  const history = new Map<string, StateChange[]>([
    // Suspended in March, restored in April: suspended during the period, in use at its end.
    [
      `khaintm.sttt${D}`,
      [
        { state: 'suspended', at: at('2026-03-01T02:00') },
        { state: 'active', at: at('2026-04-01T09:00') },
      ],
    ],
    [`muoid.sttt${D}`, [{ state: 'revoked', at: at('2026-04-02T00:00') }]],
    [`cuongl.sttt${D}`, [{ state: 'revoked', at: at('2025-10-01T00:00') }]],
    [`ducdd.bgp${D}`, [{ state: 'suspended', at: at('2026-05-10T00:00') }]],
  ]);
  const usage = new Map<string, MailboxQuota>([
    [`thanhtv.sttt${D}`, { email: `thanhtv.sttt${D}`, usedBytes: 1.9 * GB, limitBytes: 2 * GB }],
  ]);
  const base: ReportInputs = {
    stored: [
      stored('thanhtv.sttt', { unitCode: 'sttt' }),
      stored('haltt.sttt', { createdAt: at('2026-01-15T10:00'), firstLoginAt: null, lastLoginAt: null }),
      stored('khaintm.sttt', { unitCode: 'sttt' }),
      stored('muoid.sttt', { state: 'revoked' }),
      stored('cuongl.sttt', { state: 'revoked' }),
      stored('ducdd.bgp', { state: 'suspended' }),
      stored('stttt', { kind: 'personal' }),
      // After the period: left out.
      stored('lamt.sttt', { createdAt: at('2026-06-21T08:00') }),
      // Another domain: not ours to report.
      stored('someone.sttt', { email: 'someone.sttt@gmail.com' }),
    ],
    history,
    provider: [
      { email: `thanhtv.sttt${D}`, name: 'Trần Văn Thanh', unit: null },
      { email: `sangdh.bgp${D}`, name: 'Đỗ Hữu Sang', unit: null },
      { email: `nobody${D}`, name: null, unit: null },
    ] satisfies ProviderAccount[],
    usage,
    unitMailboxes: new Map([[`stttt${D}`, 'sttt']]),
    mailDomain: 'binhphuoc.gov.vn',
    ...over,
  };
  return { ...base, usageKnown: base.usage !== null };
}

describe('the six-monthly report from the store, its state history, the provider and doveadm', () => {
  const { report, kinds } = buildReport(inputs(), UNITS, H1_2026, null, NOW);
  const unit = (code: string) => report.units.find((u) => u.code === code)!;

  it('names units officially and counts each one for 20/12/2025–19/6/2026', () => {
    expect(report.period).toMatchObject({
      id: '2026-06',
      firstDay: '2025-12-20',
      lastDay: '2026-06-19',
      dueBefore: '2026-06-20',
      current: false,
    });
    expect(unit('sttt')).toMatchObject({
      name: 'Sở Thông tin và Truyền thông',
      // thanhtv, haltt, khaintm, stttt (muoid revoked in April, cuongl long before, lamt after)
      inUse: 4,
      personalInUse: 3,
      unitMailboxesInUse: 1,
      created: 1,
      suspended: 1,
      suspendedAtEnd: 0,
      revoked: 1,
      neverLoggedIn: 1,
      nearQuota: 1,
    });
    expect(unit('sttt').addressesInUse).toEqual([
      `haltt.sttt${D}`,
      `khaintm.sttt${D}`,
      `stttt${D}`,
      `thanhtv.sttt${D}`,
    ]);
    expect(kinds.get(`stttt${D}`)).toBe('unit');
  });

  it('counts a suspension that still lasts, and the provider accounts the store never saw', () => {
    expect(unit('bgp')).toMatchObject({
      name: 'Huyện Bù Gia Mập',
      inUse: 1, // sangdh, only at the provider
      suspended: 1,
      suspendedAtEnd: 1,
      neverLoggedIn: 1,
    });
    expect(unit('bgp').addressesInUse).toEqual([`sangdh.bgp${D}`]);
    const unassigned = report.units.at(-1)!;
    expect(unassigned).toMatchObject({ code: '', name: '', inUse: 1, addressesInUse: [`nobody${D}`] });
    expect(report.units.flatMap((u) => u.addressesInUse)).not.toContain('someone.sttt@gmail.com');
    expect(report.total).toMatchObject({ inUse: 6, created: 1, suspended: 2, revoked: 1, neverLoggedIn: 3 });
  });

  it('says "unknown" rather than 0 over 90 % when doveadm could not be asked', () => {
    const { report } = buildReport(inputs({ usage: null }), UNITS, H1_2026, null, NOW);
    expect(report.usageKnown).toBe(false);
    expect(report.total.nearQuota).toBeNull();
    expect(report.units.every((u) => u.nearQuota === null)).toBe(true);
  });

  it('gives a unit manager only their units, totals included', () => {
    const { report } = buildReport(inputs(), UNITS, H1_2026, new Set(['bgp']), NOW);
    expect(report.units.map((u) => u.code)).toEqual(['bgp']);
    expect(report.total.inUse).toBe(1);
  });

  it('offers the current period and the three before it, defaulting to the last closed one', () => {
    expect(report.periods.map((p) => p.id)).toEqual(['2026-12', '2026-06', '2025-12', '2025-06']);
    expect(report.periods[0]!.current).toBe(true);
    expect(report.defaultPeriod).toBe('2026-06');
  });
});

describe('statePeriods: suspensions and revocation from account_state_history', () => {
  const record = { state: 'active' as const, stateChangedAt: null, createdAt: at('2025-01-01T00:00') };
  it('closes a suspension at the next change and forgets a revocation undone', () => {
    expect(
      statePeriods(record, [
        { state: 'suspended', at: at('2026-01-01T00:00') },
        { state: 'suspended', at: at('2026-01-05T00:00') },
        { state: 'revoked', at: at('2026-02-01T00:00') },
        { state: 'active', at: at('2026-03-01T00:00') },
      ]),
    ).toEqual({
      suspensions: [{ from: at('2026-01-01T00:00'), until: at('2026-02-01T00:00') }],
      revokedAt: null,
    });
  });
  it('takes stateChangedAt for a state set before history was kept', () => {
    expect(
      statePeriods(
        { state: 'suspended', stateChangedAt: at('2026-02-02T00:00'), createdAt: record.createdAt },
        [],
      ),
    ).toEqual({ suspensions: [{ from: at('2026-02-02T00:00'), until: null }], revokedAt: null });
  });
});
