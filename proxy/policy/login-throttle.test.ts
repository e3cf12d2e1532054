import { describe, expect, it } from 'vitest';
import { combineDecisions, throttleDecision } from './login-throttle';

const rule = { maxFailures: 5, windowMs: 15 * 60_000 };
const min = 60_000;

describe('login throttle: 5 failures in 15 minutes', () => {
  it('allows the first four failures and blocks at the fifth', () => {
    const now = 100 * min;
    expect(
      throttleDecision(
        [1, 2, 3, 4].map((i) => now - i * min),
        now,
        rule,
      ),
    ).toEqual({ allowed: true });
    expect(
      throttleDecision(
        [1, 2, 3, 4, 5].map((i) => now - i * min),
        now,
        rule,
      ),
    ).toEqual({
      allowed: false,
      retryAfterSeconds: 10 * 60, // the oldest (5 min ago) leaves the window in 10 minutes
    });
  });

  it('forgets failures older than the window', () => {
    const now = 100 * min;
    expect(
      throttleDecision(
        [16, 17, 18, 19, 20].map((i) => now - i * min),
        now,
        rule,
      ),
    ).toEqual({ allowed: true });
  });

  it('takes the stricter of two decisions', () => {
    expect(
      combineDecisions(
        { allowed: true },
        { allowed: false, retryAfterSeconds: 30 },
        { allowed: false, retryAfterSeconds: 90 },
      ),
    ).toEqual({ allowed: false, retryAfterSeconds: 90 });
    expect(combineDecisions({ allowed: true }, { allowed: true })).toEqual({ allowed: true });
  });
});
