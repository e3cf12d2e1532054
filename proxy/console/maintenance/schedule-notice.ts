import type { MaintenanceNotice, MaintenanceNoticeStatus, PublicNotice } from '../../../common/contract';
import { vietnamDateOf, vietnameseDay } from '../../../common/policy/vietnam-date';
import { type HolidayCalendar, maintenanceNoticeAllowed } from '../../../common/policy/working-days';
import { ApiError } from '../../errors';
import type { StoredNotice } from './notice-store';

/** dd/MM/yyyy of a Vietnamese calendar date, as the refusal shows the earliest day. */

/**
 * The first day an outage announced at `now` may start (00:00 in Viet Nam). The policy gives it
 * with every refusal; a start at `now` itself is always refused, so this asks for that one.
 */
export function earliestMaintenanceStart(now: Date, holidays: HolidayCalendar) {
  const decision = maintenanceNoticeAllowed(now, now, holidays);
  if (decision.ok) throw new Error('a start at the notice itself cannot be allowed');
  return { earliestStart: decision.earliestStart, earliestStartOn: decision.earliestStartOn };
}

/** Đ8.1c: throws the refusal an admin sees, or returns nothing when the outage may be announced. */
export function checkMaintenanceNotice(
  now: Date,
  startsAt: Date,
  endsAt: Date,
  holidays: HolidayCalendar,
): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw new ApiError('maintenance_end_before_start');
  const decision = maintenanceNoticeAllowed(now, startsAt, holidays);
  if (decision.ok) return;
  const earliest = vietnameseDay(decision.earliestStartOn);
  if (decision.code === 'holidays_unknown') {
    throw new ApiError('holidays_unknown', { year: vietnamDateOf(startsAt).slice(0, 4) });
  }
  throw new ApiError(decision.code, { earliest, earliestStartOn: decision.earliestStartOn });
}

export function noticeStatus(n: StoredNotice, now: Date): MaintenanceNoticeStatus {
  if (n.cancelledAt) return 'cancelled';
  if (n.endsAt.getTime() <= now.getTime()) return 'past';
  return n.startsAt.getTime() <= now.getTime() ? 'current' : 'upcoming';
}

export const publicNotice = (n: StoredNotice): PublicNotice => ({
  id: n.id,
  startsAt: n.startsAt.toISOString(),
  endsAt: n.endsAt.toISOString(),
  message: n.message,
});

export const consoleNotice = (n: StoredNotice, now: Date): MaintenanceNotice => ({
  ...publicNotice(n),
  status: noticeStatus(n, now),
  createdBy: n.createdBy,
  createdAt: n.createdAt.toISOString(),
  cancelledAt: n.cancelledAt?.toISOString() ?? null,
  cancelledBy: n.cancelledBy,
});
