/**
 * What the daily lifecycle job must do to an account, and what it will do later (Đ5.3b, Đ6.2,
 * Đ6.3). PURE: the account is a plain record, the clock and the holidays are parameters; the job
 * and its dry run, and the console's "what happens next", all call the same functions.
 *
 * Periods in months follow Bộ luật Dân sự 2015, Điều 147–148 (vietnam-date.ts): the day of the
 * event is not counted, a month ends on the corresponding day (or the month's last day), and the
 * action falls on the day after the period — never a day early.
 */
import {
  addDays,
  dayNumber,
  firstDayAfterMonths,
  fromDayNumber,
  startOfVietnamDay,
  type VietnamDate,
  vietnamDateOf,
} from './vietnam-date';
import { DEFAULT_HOLIDAY_CALENDAR } from './vietnam-holidays';
import { addWorkingDays, type HolidayCalendar } from './working-days';

/**
 * Đ5.3b distinguishes two groups:
 * - 'staff': "lãnh đạo cấp phòng, ban trở xuống" — everyone up to the head (or deputy head) of a
 *   division, at provincial, district or commune level;
 * - 'head': "lãnh đạo các sở, ban, ngành; Ủy ban nhân dân các huyện, thị xã, thành phố trở lên" —
 *   directors and deputy directors of provincial departments and agencies, chairs and vice-chairs
 *   of district People's Committees, and the provincial leadership above them.
 */
export type DepartureLevel = 'staff' | 'head';
/** "nghỉ hưu, nghỉ việc hoặc chuyển công tác ra ngoài tỉnh". */
export type DepartureReason = 'retired' | 'resigned' | 'transferred_out';

export interface LifecycleAccount {
  email: string;
  kind: 'personal' | 'unit';
  state: 'active' | 'suspended' | 'revoked';
  sendingLocked: boolean;
  /** When the mailbox was created or last reactivated (Đ6.3): inactivity counts from here at the earliest. */
  activeSince: Date;
  lastLoginAt: Date | null;
  lastSentAt: Date | null;
  /** Mail delivered into the mailbox; counts as activity only with policy.deliveriesCountAsActivity. */
  lastReceivedAt?: Date | null;
  /** Đ6.2a "mà không thông báo lý do": a reason given keeps the mailbox open, until `until` if set. */
  inactivityExemption?: { reason: string; until: Date | null } | null;
  /** Đ5.3b: the official date (in Viet Nam) the person retires, leaves or moves out of the province. */
  departure?: { on: VietnamDate; level: DepartureLevel; reason: DepartureReason } | null;
  /** The last export of the mailbox's mail (an archive handed to the unit before revocation). */
  exportedAt?: Date | null;
  /** Đ6.3a: a request to restore a suspended mailbox, as received by the Sở. */
  restoreRequest?: { receivedAt: Date } | null;
}

export interface LifecyclePolicy {
  /** Đ5.3b: months after the official date; 0 = "khóa ngay", at once. */
  departure: Record<DepartureLevel, { lockSendingAfterMonths: number; revokeAfterMonths: number }>;
  /** Đ6.2a: "Không phát sinh giao dịch gửi, nhận trong khoảng thời gian 06 tháng". */
  inactivityMonths: number;
  /**
   * Whether mail merely arriving counts as "nhận". Off by default: province-wide circulars reach
   * every mailbox, so an abandoned mailbox would never count as inactive; "giao dịch nhận" is read
   * as the holder taking delivery — logging in to read.
   */
  deliveriesCountAsActivity: boolean;
  /** The export falls due this many days before revocation, so that little mail arrives after it. */
  exportLeadDays: number;
  /** Đ6.3b: "Sau 01 ngày làm việc kể từ khi tiếp nhận yêu cầu". */
  restoreWithinWorkingDays: number;
  holidays: HolidayCalendar;
}

export const DEFAULT_LIFECYCLE_POLICY: LifecyclePolicy = {
  departure: {
    staff: { lockSendingAfterMonths: 0, revokeAfterMonths: 6 },
    head: { lockSendingAfterMonths: 1, revokeAfterMonths: 12 },
  },
  inactivityMonths: 6,
  deliveriesCountAsActivity: false,
  exportLeadDays: 14,
  restoreWithinWorkingDays: 1,
  holidays: DEFAULT_HOLIDAY_CALENDAR,
};

export type LifecycleActionKind =
  | 'lock_sending'
  | 'export'
  | 'revoke'
  | 'suspend_inactive'
  | 'review_restore';

export interface LifecycleEvent {
  kind: LifecycleActionKind;
  rule: 'Đ5.3b' | 'Đ6.2a' | 'Đ6.3b';
  /** The date in Viet Nam from which the action is due, and 00:00 of it. */
  dueOn: VietnamDate;
  dueAt: Date;
  /** false: a person must act (verify a restore request); the job only lists it. */
  automatic: boolean;
  /** The action must wait for another one first (no revocation before the export). */
  blockedBy?: LifecycleActionKind;
  /** review_restore: the last day of the Đ6.3b time limit. */
  deadlineOn?: VietnamDate;
}

const ORDER: LifecycleActionKind[] = [
  'review_restore',
  'lock_sending',
  'suspend_inactive',
  'export',
  'revoke',
];

function event(
  kind: LifecycleActionKind,
  rule: LifecycleEvent['rule'],
  dueOn: VietnamDate,
  extra: Partial<LifecycleEvent> = {},
): LifecycleEvent {
  return { kind, rule, dueOn, dueAt: startOfVietnamDay(dueOn), automatic: true, ...extra };
}

const latest = (dates: (Date | null | undefined)[]): Date =>
  new Date(Math.max(...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));

/**
 * The calendar a departure sets (Đ5.3b) before anything of it is done: the day sending is locked
 * (staff at once, heads after a month), the day the mailbox is exported (a few days before
 * revocation, never before the departure) and the day it is revoked. The console's form previews it.
 */
export function departureCalendar(
  departure: { on: VietnamDate; level: DepartureLevel },
  policy: Pick<LifecyclePolicy, 'departure' | 'exportLeadDays'> = DEFAULT_LIFECYCLE_POLICY,
): { lockSendingOn: VietnamDate; exportOn: VietnamDate; revokeOn: VietnamDate } {
  const rules = policy.departure[departure.level];
  // Đ5.3b: staff "khóa ngay", heads "khóa … sau 01 tháng".
  const lockSendingOn =
    rules.lockSendingAfterMonths === 0
      ? departure.on
      : firstDayAfterMonths(departure.on, rules.lockSendingAfterMonths);
  const revokeOn = firstDayAfterMonths(departure.on, rules.revokeAfterMonths);
  const leadOn = addDays(revokeOn, -policy.exportLeadDays);
  const exportOn = fromDayNumber(Math.max(dayNumber(leadOn), dayNumber(departure.on)));
  return { lockSendingOn, exportOn, revokeOn };
}

function departureEvents(
  account: LifecycleAccount,
  departure: NonNullable<LifecycleAccount['departure']>,
  policy: LifecyclePolicy,
): LifecycleEvent[] {
  const calendar = departureCalendar(departure, policy);
  const events: LifecycleEvent[] = [];
  if (!account.sendingLocked) events.push(event('lock_sending', 'Đ5.3b', calendar.lockSendingOn));
  const exportStart = startOfVietnamDay(calendar.exportOn);
  // An export taken long before revocation misses the mail that arrived since: only one from the
  // export's own due date on counts.
  const exported = account.exportedAt != null && account.exportedAt.getTime() >= exportStart.getTime();
  if (!exported) events.push(event('export', 'Đ5.3b', calendar.exportOn));
  events.push(event('revoke', 'Đ5.3b', calendar.revokeOn, exported ? {} : { blockedBy: 'export' }));
  return events;
}

function inactivityEvent(account: LifecycleAccount, policy: LifecyclePolicy): LifecycleEvent | null {
  const exemption = account.inactivityExemption;
  if (exemption && exemption.until === null) return null;
  const lastActivity = latest([
    account.activeSince,
    account.lastLoginAt,
    account.lastSentAt,
    policy.deliveriesCountAsActivity ? account.lastReceivedAt : null,
  ]);
  // The reason given explains the silence until `until`; the six months start again from there.
  const from = exemption ? latest([lastActivity, exemption.until]) : lastActivity;
  return event(
    'suspend_inactive',
    'Đ6.2a',
    firstDayAfterMonths(vietnamDateOf(from), policy.inactivityMonths),
  );
}

/** Every action still to come for the account, due or not, in the order they fall due. */
export function lifecycleSchedule(
  account: LifecycleAccount,
  policy: LifecyclePolicy = DEFAULT_LIFECYCLE_POLICY,
): LifecycleEvent[] {
  if (account.state === 'revoked') return [];
  const events: LifecycleEvent[] = [];
  if (account.state === 'suspended' && account.restoreRequest) {
    const receivedOn = vietnamDateOf(account.restoreRequest.receivedAt);
    events.push({
      kind: 'review_restore',
      rule: 'Đ6.3b',
      dueOn: receivedOn,
      dueAt: account.restoreRequest.receivedAt,
      automatic: false,
      deadlineOn: addWorkingDays(receivedOn, policy.restoreWithinWorkingDays, policy.holidays),
    });
  }
  const departure = account.kind === 'personal' ? account.departure : null;
  if (departure) {
    // A departure sets its own calendar; the inactivity rule would only revoke sooner by another name.
    events.push(...departureEvents(account, departure, policy));
  } else if (account.state === 'active') {
    const inactive = inactivityEvent(account, policy);
    if (inactive) events.push(inactive);
  }
  return events.sort(
    (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind),
  );
}

/** What the daily job does today (and what its dry run lists): the actions due at `now`. */
export function lifecycleActions(
  account: LifecycleAccount,
  now: Date,
  policy: LifecyclePolicy = DEFAULT_LIFECYCLE_POLICY,
): LifecycleEvent[] {
  return lifecycleSchedule(account, policy).filter((e) => e.dueAt.getTime() <= now.getTime());
}

/** What will happen later, and when: for the console to show before it happens. */
export function nextLifecycleEvents(
  account: LifecycleAccount,
  now: Date,
  policy: LifecyclePolicy = DEFAULT_LIFECYCLE_POLICY,
): LifecycleEvent[] {
  return lifecycleSchedule(account, policy).filter((e) => e.dueAt.getTime() > now.getTime());
}

/** Đ6.2: why a mailbox may be suspended, with the article that allows it. */
export const suspensionReasons = {
  inactive: 'Đ6.2a',
  compromised: 'Đ6.2b', // "bị chiếm dụng, lộ lọt mật khẩu"
  virus: 'Đ6.2b', // "bị virus chiếm dụng"
  spam_or_malware: 'Đ6.2b', // "phát tán thư rác, mã độc được cơ quan chức năng an toàn thông tin cảnh báo"
  prohibited_use: 'Đ6.2c', // the uses Đ3.2 forbids
} as const;
export type SuspensionReason = keyof typeof suspensionReasons;

export type SuspensionCode = 'suspension_reason_unknown' | 'suspension_note_required';

/**
 * Đ6.2b, Đ6.2c: an admin's suspension must name one of the regulation's grounds, and — for anything
 * but inactivity, which the job records itself — what was found (the warning, the complaint):
 * the holder will ask, and Đ6.3 restores only after the Sở has verified.
 */
export function checkSuspension(input: { reason: string; note?: string | null }): SuspensionCode[] {
  if (!Object.hasOwn(suspensionReasons, input.reason)) return ['suspension_reason_unknown'];
  if (input.reason !== 'inactive' && !input.note?.trim()) return ['suspension_note_required'];
  return [];
}
