/**
 * The counts of the six-monthly report (Đ12.10): per unit, the mailboxes in use, created,
 * suspended, revoked, never logged into and near their quota in one report period
 * (report-period.ts), with the addresses in use. PURE: plain account records in, counts and
 * lists out.
 */

import { DEFAULT_QUOTA_THRESHOLDS } from './quota-level';
import type { ReportPeriod } from './report-period';

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
  /** In use and at or above the quota ratio (90 % by default, the warning level of Đ7.2c). */
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
