import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { openTestStore, STORE_ENGINES } from '../test-support/test-store';
import { createLoginThrottle } from './login-throttle-store';

describe.each(STORE_ENGINES)('login throttle store (%s)', (engine) => {
  const policy = {
    perAccountAndIp: { maxFailures: 3, windowMs: 15 * 60_000 },
    perIp: { maxFailures: 5, windowMs: 15 * 60_000 },
  };
  const email = 'thanhtv.sttt@binhphuoc.gov.vn';
  const ip = '203.0.113.7';
  let store: Store;
  let now: number;
  beforeEach(async () => {
    store = await openTestStore(engine);
    now = 1_000_000;
  });
  afterEach(async () => {
    await store.close();
  });
  const throttle = () => createLoginThrottle(store, policy, () => now);

  it('blocks an account at that address after the failures, not the same account elsewhere', async () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      const gate = await t.checkAndRecordAttempt(email, ip);
      expect(gate.allowed).toBe(true);
      if (gate.allowed) await t.recordFailure(gate.attempt);
    }
    expect(await t.checkAndRecordAttempt(email, ip)).toEqual({ allowed: false, retryAfterSeconds: 900 });
    expect(await t.check(email, ip)).toEqual({ allowed: false, retryAfterSeconds: 900 });
    expect(await t.check(email, '198.51.100.1')).toEqual({ allowed: true });
    now += 15 * 60_000;
    expect(await t.check(email, ip)).toEqual({ allowed: true });
  });

  it('charges the address only with failures, never with attempts in flight or forgotten', async () => {
    const t = throttle();
    const inFlight = [];
    for (let i = 0; i < 10; i++) {
      const gate = await t.checkAndRecordAttempt(`canbo${i}@binhphuoc.gov.vn`, ip);
      if (!gate.allowed) throw new Error('an office logging in is not an attack');
      inFlight.push(gate.attempt);
    }
    for (const attempt of inFlight) await t.forget(attempt);
    expect(await t.check('someone@binhphuoc.gov.vn', ip)).toEqual({ allowed: true });
    for (const attempt of inFlight.slice(0, 5)) await t.recordFailure(attempt);
    expect((await t.check('someone@binhphuoc.gov.vn', ip)).allowed).toBe(false);
  });

  it('forgets exactly the one attempt, even among attempts of the same millisecond', async () => {
    const t = throttle();
    const first = await t.recordAttempt(email, ip);
    const second = await t.recordAttempt(email, ip);
    await t.recordAttempt(email, ip);
    await t.forget(first);
    await t.forget(second);
    const rows = await store.db.selectFrom('login_failures').select('key').execute();
    expect(rows).toHaveLength(1);
  });

  it('counts parallel attempts at one account before any is answered', async () => {
    const t = throttle();
    const gates = await Promise.all(Array.from({ length: 6 }, () => t.checkAndRecordAttempt(email, ip)));
    expect(gates.filter((g) => g.allowed)).toHaveLength(3);
  });

  it('a correct password clears the account at that address, not the address', async () => {
    const t = throttle();
    for (let i = 0; i < 2; i++) await t.recordFailure(await t.recordAttempt(email, ip));
    await t.recordSuccess(email, ip);
    const rows = await store.db.selectFrom('login_failures').select('key').orderBy('key').execute();
    expect(rows.map((r) => r.key)).toEqual([`ip:${ip}`, `ip:${ip}`]);
  });

  it('purges what has left the longest window', async () => {
    const t = throttle();
    await t.recordFailure(await t.recordAttempt(email, ip));
    now += 15 * 60_000 - 1;
    expect(await t.purgeOld()).toBe(0);
    now += 1;
    expect(await t.purgeOld()).toBe(2);
  });
});
