/** Đ13.3: users change their password every month. PURE: the clock is a parameter. */

export interface PasswordAgePolicy {
  /** From this day of the password's life a banner counts the days left. */
  remindFromDay: number;
  /** From this day the next log-in must change the password before anything else. */
  maxAgeDays: number;
  /** Days after maxAgeDays during which the user may still postpone (0: none). */
  graceDays: number;
}

export const DEFAULT_PASSWORD_AGE_POLICY: PasswordAgePolicy = {
  remindFromDay: 25,
  maxAgeDays: 30,
  graceDays: 0,
};

export type PasswordAgeState =
  | { state: 'ok'; ageDays: number }
  | { state: 'remind'; ageDays: number; daysLeft: number }
  | { state: 'grace'; ageDays: number; graceDaysLeft: number }
  | { state: 'expired'; ageDays: number };

const DAY_MS = 86_400_000;

/** Whole days since the change: a password changed at 17:00 is one day old at 17:00 the next day. */
export function passwordAgeDays(changedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - changedAt.getTime()) / DAY_MS));
}

export function passwordAgeState(
  changedAt: Date,
  now: Date,
  policy: PasswordAgePolicy = DEFAULT_PASSWORD_AGE_POLICY,
): PasswordAgeState {
  const ageDays = passwordAgeDays(changedAt, now);
  if (ageDays < policy.remindFromDay && ageDays < policy.maxAgeDays) return { state: 'ok', ageDays };
  if (ageDays < policy.maxAgeDays) return { state: 'remind', ageDays, daysLeft: policy.maxAgeDays - ageDays };
  if (ageDays < policy.maxAgeDays + policy.graceDays) {
    return { state: 'grace', ageDays, graceDaysLeft: policy.maxAgeDays + policy.graceDays - ageDays };
  }
  return { state: 'expired', ageDays };
}

export type PasswordChangeReason = 'first_login' | 'expired';

/**
 * Whether the session may do anything but change the password: after an admin reset (Đ6.3c) or
 * once the password is older than the maximum age and its grace (Đ13.3).
 */
export function passwordChangeRequirement(
  account: { mustChangePassword: boolean; passwordChangedAt: Date },
  now: Date,
  policy: PasswordAgePolicy = DEFAULT_PASSWORD_AGE_POLICY,
): PasswordChangeReason | null {
  if (account.mustChangePassword) return 'first_login';
  return passwordAgeState(account.passwordChangedAt, now, policy).state === 'expired' ? 'expired' : null;
}
