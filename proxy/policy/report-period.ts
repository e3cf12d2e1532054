/**
 * The report period and its deadlines. Đ12.10: units list the people and units using official
 * mail "định kỳ 06 tháng"; Đ14.1c: units report "trước ngày 20/6 và 20/12 hằng năm"; Đ14.2đ: the
 * Sở consolidates "trước ngày 30/6 và 30/12". PURE: the clock is a parameter.
 *
 * Periods run from 20/12 to 20/6 and from 20/6 to 20/12, in Vietnamese dates, the start INCLUDED
 * and the end EXCLUDED: [20/12/2025, 20/6/2026) is "2026-H1". A report due "before 20/6" can only
 * speak of days before 20/6, so 20/6 itself opens the next period; every day belongs to exactly
 * one period.
 */

import { startOfVietnamDay, type VietnamDate, vietnamDateOf } from '../../common/policy/vietnam-date';

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
