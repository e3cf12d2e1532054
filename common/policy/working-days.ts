/**
 * Working days ("ngày làm việc") for the deadlines of QĐ 1956: planned outages announced at least
 * 3 working days ahead (Đ8.1c), the provider's 1 working day (Đ8.2c), a restore handled
 * within 1 working day (Đ6.3b). PURE: holidays are configuration passed in (see
 * vietnam-holidays.ts for the default list).
 *
 * Dates are Vietnamese calendar dates ('YYYY-MM-DD', vietnam-date.ts), never UTC days; instants
 * (`now`, an outage's start) are turned into dates in UTC+7 first. A working day is Monday to
 * Friday, except the days off of the holiday list, plus the weekend days the government declares
 * worked in exchange for a bridged day (ngày làm bù, e.g. Saturday 22/8/2026).
 *
 * Counting follows Bộ luật Dân sự 2015, Điều 147: the day something happens is not counted, the
 * period starts on the next day.
 */
import {
  addDays,
  dayNumber,
  fromDayNumber,
  startOfVietnamDay,
  type VietnamDate,
  vietnamDateOf,
  weekdayOf,
} from './vietnam-date';

export interface HolidayPeriod {
  /** First and last day off, inclusive; weekend days inside the range are harmless. */
  from: VietnamDate;
  to: VietnamDate;
  name: string;
  /** Not yet announced by the Ministry of Home Affairs: an estimate to replace. */
  provisional?: boolean;
  source?: string;
}

export interface MakeUpDay {
  /** A Saturday or Sunday worked in exchange for a bridged day off. */
  on: VietnamDate;
  name: string;
  source?: string;
}

export interface HolidayList {
  /** The years the list is complete for; outside them working days cannot be trusted. */
  years: number[];
  periods: HolidayPeriod[];
  makeUpDays: MakeUpDay[];
}

export interface HolidayCalendar {
  daysOff: ReadonlySet<VietnamDate>;
  makeUpDays: ReadonlySet<VietnamDate>;
  /** 'all' for a calendar that claims to be complete everywhere (tests, a deliberately empty list). */
  knownYears: ReadonlySet<number> | 'all';
}

export function holidayCalendar(list: HolidayList): HolidayCalendar {
  const daysOff = new Set<VietnamDate>();
  for (const p of list.periods) {
    const last = dayNumber(p.to);
    for (let n = dayNumber(p.from); n <= last; n++) daysOff.add(fromDayNumber(n));
  }
  return {
    daysOff,
    makeUpDays: new Set(list.makeUpDays.map((d) => d.on)),
    knownYears: new Set(list.years),
  };
}

/** Only weekends off: for tests and for deployments that keep no holiday list. */
export const WEEKENDS_ONLY: HolidayCalendar = {
  daysOff: new Set(),
  makeUpDays: new Set(),
  knownYears: 'all',
};

export function isWorkingDay(date: VietnamDate, holidays: HolidayCalendar): boolean {
  if (holidays.makeUpDays.has(date)) return true;
  const wd = weekdayOf(date);
  if (wd === 0 || wd === 6) return false;
  return !holidays.daysOff.has(date);
}

/** Whether the holiday list covers the year of `date`. */
export function holidaysKnownFor(date: VietnamDate, holidays: HolidayCalendar): boolean {
  return holidays.knownYears === 'all' || holidays.knownYears.has(Number(date.slice(0, 4)));
}

/**
 * The n-th working day after `date` (before it for a negative n); `date` itself is not counted
 * and need not be a working day. n = 0 gives `date` back.
 */
export function addWorkingDays(date: VietnamDate, n: number, holidays: HolidayCalendar): VietnamDate {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = dayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), holidays)) left--;
  }
  return fromDayNumber(day);
}

/**
 * Working days in (a, b]: after a, up to and including b — so that
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when b is before a.
 */
export function workingDaysBetween(a: VietnamDate, b: VietnamDate, holidays: HolidayCalendar): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  if (to < from) return -workingDaysBetween(b, a, holidays);
  let count = 0;
  for (let n = from + 1; n <= to; n++) if (isWorkingDay(fromDayNumber(n), holidays)) count++;
  return count;
}

export type MaintenanceNoticeCode =
  | 'maintenance_start_in_past'
  | 'maintenance_notice_too_short'
  | 'holidays_unknown';

export type MaintenanceNoticeDecision =
  | { ok: true; workingDaysOfNotice: number }
  | {
      ok: false;
      code: MaintenanceNoticeCode;
      /** Whole working days between the notice and the start. */
      workingDaysOfNotice: number;
      /** 00:00 in Viet Nam on the first day an outage announced now may start. */
      earliestStart: Date;
      earliestStartOn: VietnamDate;
    };

/**
 * Đ8.1c: users are told "tối thiểu trước 03 ngày làm việc" before a planned outage. Read as: the
 * day of the notice does not count (BLDS Điều 147), then `minWorkingDays` whole working days
 * must pass before the day the outage starts. Announced on Monday 9/2/2026, the outage may start
 * on Friday 13/2 at the earliest (Tue, Wed, Thu in between); announced on Wednesday 11/2, the
 * three working days are 12/2, 13/2 and — Tết being 14–22/2 — 23/2, so not before 24/2.
 * Use minWorkingDays = 1 for the provider's notice to the Sở (Đ8.2c).
 *
 * Refuses with 'holidays_unknown' when the holiday list does not cover the dates involved: an
 * outage in a year nobody entered the holidays of cannot be shown to respect the rule.
 */
export function maintenanceNoticeAllowed(
  now: Date,
  startsAt: Date,
  holidays: HolidayCalendar,
  minWorkingDays = 3,
): MaintenanceNoticeDecision {
  const noticeOn = vietnamDateOf(now);
  const startOn = vietnamDateOf(startsAt);
  const earliestStartOn = addDays(addWorkingDays(noticeOn, minWorkingDays, holidays), 1);
  const refuse = (code: MaintenanceNoticeCode, workingDaysOfNotice: number): MaintenanceNoticeDecision => ({
    ok: false,
    code,
    workingDaysOfNotice,
    earliestStart: startOfVietnamDay(earliestStartOn),
    earliestStartOn,
  });
  if (startsAt.getTime() <= now.getTime()) return refuse('maintenance_start_in_past', 0);
  const workingDaysOfNotice = Math.max(0, workingDaysBetween(noticeOn, addDays(startOn, -1), holidays));
  // The decision depends on the holidays up to the day before the start or the earliest start,
  // whichever comes first: an outage far in the future needs no holidays of its own year.
  const lastDayNeeded = fromDayNumber(Math.min(dayNumber(startOn), dayNumber(earliestStartOn)) - 1);
  if (!holidaysKnownFor(noticeOn, holidays) || !holidaysKnownFor(lastDayNeeded, holidays)) {
    return refuse('holidays_unknown', workingDaysOfNotice);
  }
  if (workingDaysOfNotice < minWorkingDays)
    return refuse('maintenance_notice_too_short', workingDaysOfNotice);
  return { ok: true, workingDaysOfNotice };
}
