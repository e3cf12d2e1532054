import { describe, expect, it } from 'vitest';
import { passwordAgeState, passwordChangeRequirement } from './password-age';

const changedAt = new Date('2026-11-01T09:00:00+07:00');
const day = (n: number, hour = 9) => new Date(changedAt.getTime() + n * 86_400_000 + (hour - 9) * 3_600_000);

describe('Đ13.3: monthly password change (remind from day 25, change at day 30)', () => {
  it.each([
    [0, { state: 'ok', ageDays: 0 }],
    [24, { state: 'ok', ageDays: 24 }],
    [25, { state: 'remind', ageDays: 25, daysLeft: 5 }],
    [29, { state: 'remind', ageDays: 29, daysLeft: 1 }],
    [30, { state: 'expired', ageDays: 30 }],
    [31, { state: 'expired', ageDays: 31 }],
  ])('day %i → %j', (n, expected) => {
    expect(passwordAgeState(changedAt, day(n))).toEqual(expected);
  });

  it('counts whole days: one hour before day 30 is still day 29', () => {
    expect(passwordAgeState(changedAt, day(30, 8)).state).toBe('remind');
  });

  it('gives the configured grace period after day 30', () => {
    const policy = { remindFromDay: 25, maxAgeDays: 30, graceDays: 3 };
    expect(passwordAgeState(changedAt, day(30), policy)).toEqual({
      state: 'grace',
      ageDays: 30,
      graceDaysLeft: 3,
    });
    expect(passwordAgeState(changedAt, day(32), policy)).toEqual({
      state: 'grace',
      ageDays: 32,
      graceDaysLeft: 1,
    });
    expect(passwordAgeState(changedAt, day(33), policy).state).toBe('expired');
  });

  it('never reports a negative age for a clock that runs behind', () => {
    expect(passwordAgeState(changedAt, day(-1))).toEqual({ state: 'ok', ageDays: 0 });
  });
});

describe('Đ6.3c and Đ13.3: when the session may only change the password', () => {
  it.each([
    ['a fresh password', false, 0, null],
    ['day 29', false, 29, null],
    ['day 30', false, 30, 'expired'],
    ['an admin reset today', true, 0, 'first_login'],
    ['an admin reset, then 40 days without logging in', true, 40, 'first_login'],
  ] as const)('%s → %s', (_label, mustChangePassword, days, expected) => {
    expect(passwordChangeRequirement({ mustChangePassword, passwordChangedAt: changedAt }, day(days))).toBe(
      expected,
    );
  });

  it('lets the grace period postpone the forced change', () => {
    const policy = { remindFromDay: 25, maxAgeDays: 30, graceDays: 2 };
    const account = { mustChangePassword: false, passwordChangedAt: changedAt };
    expect(passwordChangeRequirement(account, day(31), policy)).toBeNull();
    expect(passwordChangeRequirement(account, day(32), policy)).toBe('expired');
  });
});
