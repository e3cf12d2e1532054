/**
 * The six-monthly report of. Đ12.10: "Định kỳ 06 tháng các đơn vị phải thống kê danh sách
 * cá nhân, đơn vị đang sử dụng hộp thư công vụ"; Đ14.1c: units report "trước ngày 20/6 và 20/12
 * hằng năm"; Đ14.2đ: the Sở consolidates "trước ngày 30/6 và 30/12". PURE: plain account records
 * in, counts and lists out.
 *
 * Periods run from 20/12 to 20/6 and from 20/6 to 20/12, in Vietnamese dates, the start INCLUDED
 * and the end EXCLUDED: [20/12/2025, 20/6/2026) is "2026-H1". A report due "before 20/6" can only
 * speak of days before 20/6, so 20/6 itself opens the next period; every day belongs to exactly
 * one period.
 */

import { startOfVietnamDay, type VietnamDate, vietnamDateOf } from '../../common/policy/vietnam-date';
import { DEFAULT_QUOTA_THRESHOLDS } from './quota-level';

export interface ReportPeriod {
  /** '2026-H1' ends 20/6/2026, '2026-H2' ends 20/12/2026. */
  label: string;
  /** First day, included. */
  from: VietnamDate;
  /** Day after the last, excluded; also the date units report before (Đ14.1c). */
  to: VietnamDate;
  startsAt: Date;
  endsAt: Date;
  /** Đ14.2đ: the Sở's consolidated report to the Provincial People's Committee, before this date. */
  consolidateBefore: VietnamDate;
}

function period(year: number, half: 1 | 2): ReportPeriod {
  const from = half === 1 ? `${year - 1}-12-20` : `${year}-06-20`;
  const to = half === 1 ? `${year}-06-20` : `${year}-12-20`;
  return {
    label: `${year}-H${half}`,
    from,
    to,
    startsAt: startOfVietnamDay(from),
    endsAt: startOfVietnamDay(to),
    consolidateBefore: half === 1 ? `${year}-06-30` : `${year}-12-30`,
  };
}

/** The period `now` falls in: the one whose report is being prepared. */
export function reportPeriod(now: Date): ReportPeriod {
  const today = vietnamDateOf(now);
  const year = Number(today.slice(0, 4));
  const monthDay = today.slice(5);
  if (monthDay >= '12-20') return period(year + 1, 1);
  if (monthDay >= '06-20') return period(year, 2);
  return period(year, 1);
}

export function previousReportPeriod(p: ReportPeriod): ReportPeriod {
  const [year, half] = [Number(p.label.slice(0, 4)), p.label.endsWith('H1') ? 1 : 2];
  return half === 1 ? period(year - 1, 2) : period(year, 1);
}

/** The last period that has ended before `now`: what the Sở consolidates between 20/6 and 30/6. */
export function lastClosedReportPeriod(now: Date): ReportPeriod {
  return previousReportPeriod(reportPeriod(now));
}

/** One mailbox as the report needs it; the console builds these from the store and the audit log. */
export interface ReportAccount {
  address: string;
  /** The unit's short name (the part after the dot of a personal address, or the unit mailbox's own). */
  unit: string;
  kind: 'personal' | 'unit';
  createdAt: Date;
  revokedAt: Date | null;
  /** Every suspension, with `until` null while it lasts. */
  suspensions: { from: Date; until: Date | null }[];
  firstLoginAt: Date | null;
  usedBytes: number;
  quotaBytes: number;
}

export interface ReportCounts {
  /** Existing, not revoked and not suspended when the period ends. */
  inUse: number;
  personalInUse: number;
  unitMailboxesInUse: number;
  /** Created during the period. */
  created: number;
  /** Suspended at least once during the period. */
  suspended: number;
  /** Still suspended when the period ends. */
  suspendedAtEnd: number;
  /** Revoked during the period. */
  revoked: number;
  /** In use but never logged into before the period's end. */
  neverLoggedIn: number;
  /** In use and at or above the quota ratio (90 % by default, the warning level of R-7.2c). */
  nearQuota: number;
}

export interface UnitReport extends ReportCounts {
  unit: string;
  /** Đ12.10's list: the addresses in use, personal and unit mailboxes, sorted. */
  addressesInUse: string[];
}

export interface SixMonthlyReport {
  period: ReportPeriod;
  units: UnitReport[];
  total: ReportCounts;
}

const emptyCounts = (): ReportCounts => ({
  inUse: 0,
  personalInUse: 0,
  unitMailboxesInUse: 0,
  created: 0,
  suspended: 0,
  suspendedAtEnd: 0,
  revoked: 0,
  neverLoggedIn: 0,
  nearQuota: 0,
});

/**
 * Counts per unit for a period. The quota figure is today's (no history of usage is kept); a
 * report drawn before the period ends counts what has happened so far. Accounts created after
 * the period are left out; a unit whose every mailbox was revoked before it does not appear.
 */
export function unitReport(
  accounts: readonly ReportAccount[],
  p: ReportPeriod,
  options: { nearQuotaRatio?: number } = {},
): SixMonthlyReport {
  const ratio = options.nearQuotaRatio ?? DEFAULT_QUOTA_THRESHOLDS.warning;
  const start = p.startsAt.getTime();
  const end = p.endsAt.getTime();
  const within = (d: Date | null) => d !== null && d.getTime() >= start && d.getTime() < end;
  const byUnit = new Map<string, UnitReport>();
  const total = emptyCounts();

  for (const a of accounts) {
    if (a.createdAt.getTime() >= end) continue;
    const revokedBefore = a.revokedAt !== null && a.revokedAt.getTime() < start;
    if (revokedBefore) continue;
    const revokedByEnd = a.revokedAt !== null && a.revokedAt.getTime() < end;
    const suspendedAtEnd =
      !revokedByEnd &&
      a.suspensions.some((s) => s.from.getTime() < end && (s.until === null || s.until.getTime() > end));
    const inUse = !revokedByEnd && !suspendedAtEnd;

    const row: ReportCounts = emptyCounts();
    row.created = within(a.createdAt) ? 1 : 0;
    row.revoked = within(a.revokedAt) ? 1 : 0;
    row.suspended = a.suspensions.some((s) => within(s.from)) ? 1 : 0;
    row.suspendedAtEnd = suspendedAtEnd ? 1 : 0;
    if (inUse) {
      row.inUse = 1;
      row.personalInUse = a.kind === 'personal' ? 1 : 0;
      row.unitMailboxesInUse = a.kind === 'unit' ? 1 : 0;
      row.neverLoggedIn = a.firstLoginAt === null || a.firstLoginAt.getTime() >= end ? 1 : 0;
      row.nearQuota = a.quotaBytes > 0 && a.usedBytes / a.quotaBytes >= ratio ? 1 : 0;
    }

    let unit = byUnit.get(a.unit);
    if (!unit) {
      unit = { unit: a.unit, ...emptyCounts(), addressesInUse: [] };
      byUnit.set(a.unit, unit);
    }
    for (const key of Object.keys(row) as (keyof ReportCounts)[]) {
      unit[key] += row[key];
      total[key] += row[key];
    }
    if (inUse) unit.addressesInUse.push(a.address);
  }

  const units = [...byUnit.values()].sort((x, y) => (x.unit < y.unit ? -1 : x.unit > y.unit ? 1 : 0));
  for (const u of units) u.addressesInUse.sort();
  return { period: p, units, total };
}
