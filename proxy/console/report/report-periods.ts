/**
 * The periods the console offers, named by the month they end: '2026-06' is [20/12/2025,
 * 20/6/2026), '2026-12' is [20/6/2026, 20/12/2026) (policy/report-period.ts). PURE.
 */
import type { ReportPeriodInfo } from '../../../common/contract';
import { addDays, startOfVietnamDay, vietnamDateOf } from '../../../common/policy/vietnam-date';
import {
  lastClosedReportPeriod,
  previousReportPeriod,
  type ReportPeriod,
  reportPeriod,
} from '../../policy/report-period';

/** How many closed periods the picker offers besides the current one (two years). */
const PAST_PERIODS = 3;

export const periodId = (p: ReportPeriod): string => p.to.slice(0, 7);

/** The period ending in `id`'s month, or null for an id of another shape. */
export function periodById(id: string): ReportPeriod | null {
  const match = /^(\d{4})-(06|12)$/.exec(id);
  if (!match) return null;
  // Any day well inside the period names it.
  return reportPeriod(startOfVietnamDay(`${match[1]}-${match[2]}-01`));
}

export function periodInfo(p: ReportPeriod, now: Date): ReportPeriodInfo {
  return {
    id: periodId(p),
    firstDay: p.from,
    lastDay: addDays(p.to, -1),
    dueBefore: p.to,
    consolidateBefore: p.consolidateBefore,
    current: p.label === reportPeriod(now).label,
  };
}

/** The current period first, then the closed ones, newest first. */
export function periodChoices(now: Date): ReportPeriod[] {
  const choices = [reportPeriod(now)];
  for (let i = 0; i < PAST_PERIODS; i++) choices.push(previousReportPeriod(choices.at(-1) as ReportPeriod));
  return choices;
}

/**
 * The period the report opens on. Between the end of a period and the Sở's consolidation
 * deadline (Đ14.2đ: "trước ngày 30/6 và 30/12") the report still being written is the one just
 * closed; once that deadline has passed nobody is preparing it any more, so the current one.
 */
export function defaultPeriod(now: Date): ReportPeriod {
  const closed = lastClosedReportPeriod(now);
  return vietnamDateOf(now) < closed.consolidateBefore ? closed : reportPeriod(now);
}

/** A period that has not begun cannot be reported on. */
export const periodStarted = (p: ReportPeriod, now: Date): boolean => p.startsAt.getTime() <= now.getTime();
