import {
  DEFAULT_LIFECYCLE_POLICY,
  type LifecycleAccount,
  type LifecycleEvent,
  type LifecyclePolicy,
} from '../../../common/policy/account-lifecycle';
import type { HolidayCalendar } from '../../../common/policy/working-days';
import type { AccountRecord } from '../../accounts/account-store';

/**
 * The policy's view of a stored account. Inactivity (Đ6.2a) counts from creation, or from the
 * last reactivation (Đ6.3): a mailbox just restored is not suspended again the next night for
 * the months it spent suspended.
 */
export function lifecycleAccountOf(record: AccountRecord): LifecycleAccount {
  const reactivatedAt =
    record.state === 'active' && record.stateChangedAt && record.stateChangedAt > record.createdAt
      ? record.stateChangedAt
      : record.createdAt;
  return {
    email: record.email,
    kind: record.kind,
    state: record.state,
    sendingLocked: record.sendingLockedReason !== null,
    activeSince: reactivatedAt,
    lastLoginAt: record.lastLoginAt,
    lastSentAt: record.lastSentAt,
    inactivityExemption: record.inactivityExemption,
    departure: record.departure,
    exportedAt: record.exportedAt,
    restoreRequest: record.restoreRequestedAt ? { receivedAt: record.restoreRequestedAt } : null,
  };
}

/** The regulation's periods with the province's configured holidays (Đ6.3b working days). */
export function lifecyclePolicyOf(config: { holidays: HolidayCalendar }): LifecyclePolicy {
  return { ...DEFAULT_LIFECYCLE_POLICY, holidays: config.holidays };
}

/** An event as the console's answers carry it (no instant; absent options as null). */
export const eventView = (e: LifecycleEvent) => ({
  kind: e.kind,
  rule: e.rule,
  dueOn: e.dueOn,
  automatic: e.automatic,
  blockedBy: e.blockedBy ?? null,
  deadlineOn: e.deadlineOn ?? null,
});
