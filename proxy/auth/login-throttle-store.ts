import {
  combineDecisions,
  DEFAULT_THROTTLE_POLICY,
  type ThrottleDecision,
  type ThrottlePolicy,
  throttleDecision,
} from '../policy/login-throttle';
import type { Db } from '../store/database';

/** An attempt in flight: its row under the account's key, and the address to charge if it fails. */
export interface LoginAttempt {
  id: number;
  ip: string;
}

const accountKey = (email: string, ip: string) => `acct:${email}|ip:${ip}`;
const ipKey = (ip: string) => `ip:${ip}`;

/** Failed log-ins kept in the policy store, so a proxy restart does not reset an attack's count. */
export function createLoginThrottle(
  db: Db,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
  now: () => number = Date.now,
) {
  const longest = Math.max(policy.perAccountAndIp.windowMs, policy.perIp.windowMs);
  const select = db.prepare('SELECT at FROM login_failures WHERE key = ? AND at > ?');
  const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
  const clear = db.prepare('DELETE FROM login_failures WHERE key = ?');
  const purge = db.prepare('DELETE FROM login_failures WHERE at <= ?');
  const remove = db.prepare('DELETE FROM login_failures WHERE rowid = ?');
  const times = (key: string, since: number) => select.all(key, since).map((r) => (r as { at: number }).at);

  return {
    check(email: string, ip: string): ThrottleDecision {
      const at = now();
      return combineDecisions(
        throttleDecision(times(accountKey(email, ip), at - longest), at, policy.perAccountAndIp),
        throttleDecision(times(ipKey(ip), at - longest), at, policy.perIp),
      );
    },
    /**
     * Counts an attempt against the account before the provider answers, so that a burst of
     * parallel guesses at one account is throttled too; `forget` takes it back when it was not a
     * wrong password. The address is charged only by `recordFailure`: a whole office behind one
     * NAT address logging in at nine o'clock is many attempts in flight, not many failures.
     */
    recordAttempt(email: string, ip: string): LoginAttempt {
      return { id: Number(insert.run(accountKey(email, ip), now()).lastInsertRowid), ip };
    },
    /** The provider said the password was wrong: the attempt stays and the address is charged. */
    recordFailure(attempt: LoginAttempt): void {
      insert.run(ipKey(attempt.ip), now());
    },
    forget(attempt: LoginAttempt): void {
      remove.run(attempt.id);
    },
    /** A correct password clears that account's count from that address (not the address's). */
    recordSuccess(email: string, ip: string): void {
      clear.run(accountKey(email, ip));
    },
    purgeOld(): number {
      return purge.run(now() - longest).changes;
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
