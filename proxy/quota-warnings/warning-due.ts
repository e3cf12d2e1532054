import { isHigherLevel, type QuotaLevel } from '../policy/quota-level';

export interface PastWarning {
  level: QuotaLevel;
  sentAt: Date;
}

/**
 * Đ7.2c, as the province's issue words it: a warning when an account crosses a level, at most once
 * per level per repeat period. A warning of the same or a higher level within the period covers
 * this one (after "critical", a mailbox cleaned down to "notice" is not told again); a higher level
 * than any recent warning is always news. PURE: the clock is a parameter.
 */
export function warningDue(
  level: QuotaLevel,
  pastWarnings: readonly PastWarning[],
  now: Date,
  repeatAfterMs: number,
): boolean {
  if (level === 'ok') return false;
  return !pastWarnings.some(
    (w) =>
      // A warning dated in the future (the clock was set back) still counts as recent.
      now.getTime() - w.sentAt.getTime() < repeatAfterMs && !isHigherLevel(level, w.level),
  );
}
