import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../auth/login-throttle-store';
import { ApiError } from '../errors';
import { openStore } from '../store/open-store';
import { mayEnrolSecondFactor, throttledAttempt } from './second-factor-session';

describe('mayEnrolSecondFactor', () => {
  it.each([
    { enrolled: false, verified: false, may: true },
    { enrolled: false, verified: true, may: true },
    { enrolled: true, verified: true, may: true },
    // A factor in force is replaced only by someone who has just passed it.
    { enrolled: true, verified: false, may: false },
  ])('enrolled $enrolled, passed in this session $verified → $may', ({ enrolled, verified, may }) => {
    expect(mayEnrolSecondFactor(enrolled, verified)).toBe(may);
  });
});

describe('throttledAttempt', () => {
  const email = 'quantri.sttt@binhphuoc.gov.vn';
  const ip = '10.0.0.7';
  const throttle = async () =>
    createLoginThrottle(await openStore({ dataDir: ':memory:' }), undefined, () => 1_000_000);
  const refusal = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      return err as ApiError;
    }
    return null;
  };

  it('refuses the sixth code after five wrong ones, with the wait in minutes', async () => {
    const t = await throttle();
    for (let i = 0; i < 5; i++) expect(await throttledAttempt(t, email, ip, () => 'invalid')).toBe('invalid');
    const err = await refusal(() => throttledAttempt(t, email, ip, () => 'ok'));
    expect(err).toBeInstanceOf(ApiError);
    expect(err?.code).toBe('too_many_attempts');
    expect(err?.details).toMatchObject({ retryAfterSeconds: 900, minutes: 15 });
  });

  it('a right code (or the recovery codes of a confirmation) clears the count', async () => {
    const t = await throttle();
    for (let i = 0; i < 4; i++) await throttledAttempt(t, email, ip, () => 'invalid');
    expect(await throttledAttempt(t, email, ip, () => ['abcde-fghjk'])).toEqual(['abcde-fghjk']);
    for (let i = 0; i < 4; i++) await throttledAttempt(t, email, ip, () => 'invalid');
    expect(await throttledAttempt(t, email, ip, () => 'ok')).toBe('ok');
  });

  it('asking without a factor enrolled is not counted as a guess', async () => {
    const t = await throttle();
    for (let i = 0; i < 10; i++) await throttledAttempt(t, email, ip, () => 'not_enrolled');
    expect(await throttledAttempt(t, email, ip, () => 'ok')).toBe('ok');
  });

  it('counts under its own key: wrong codes do not block the log-in itself', async () => {
    const t = await throttle();
    for (let i = 0; i < 5; i++) await throttledAttempt(t, email, ip, () => 'invalid');
    expect(await t.check(email, ip)).toEqual({ allowed: true });
  });
});
