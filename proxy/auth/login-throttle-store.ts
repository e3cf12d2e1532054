import { sql, type Transaction } from 'kysely';
import {
  combineDecisions,
  DEFAULT_THROTTLE_POLICY,
  type ThrottleDecision,
  type ThrottlePolicy,
  throttleDecision,
} from '../policy/login-throttle';
import type { StoreDb, StoreEngine } from '../store/open-store';
import type { StoreSchema } from '../store/schema';

/**
 * An attempt in flight: its row under the account's key (the time is unique under that key, so it
 * names the row on both engines), and the address to charge if it fails.
 */
export interface LoginAttempt {
  key: string;
  at: number;
  ip: string;
}

/** The gate of one attempt: refused with the wait, or let through with the attempt counted. */
export type AttemptGate =
  | { allowed: true; attempt: LoginAttempt }
  | { allowed: false; retryAfterSeconds: number };

const accountKey = (email: string, ip: string) => `acct:${email}|ip:${ip}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Failed log-ins kept in the policy store, so a proxy restart does not reset an attack's count and
 * every instance sharing the store counts the same failures.
 */
export function createLoginThrottle(
  store: { db: StoreDb; engine: StoreEngine },
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
  now: () => number = Date.now,
) {
  const { db } = store;
  const longest = Math.max(policy.perAccountAndIp.windowMs, policy.perIp.windowMs);

  const times = async (q: StoreDb | Transaction<StoreSchema>, key: string, since: number) =>
    (
      await q
        .selectFrom('login_failures')
        .select('at')
        .where('key', '=', key)
        .where('at', '>', since)
        .execute()
    ).map((r) => r.at);

  async function decide(q: StoreDb | Transaction<StoreSchema>, email: string, ip: string, at: number) {
    return combineDecisions(
      throttleDecision(await times(q, accountKey(email, ip), at - longest), at, policy.perAccountAndIp),
      throttleDecision(await times(q, ipKey(ip), at - longest), at, policy.perIp),
    );
  }

  /**
   * Reads the counts and, when allowed, adds the attempt in one transaction that no other attempt
   * at the same account interleaves with: otherwise a burst of parallel guesses would all read
   * the count before any of them is added. SQLite runs one transaction at a time anyway; on
   * PostgreSQL (several connections, several instances) a transaction-scoped advisory lock on the
   * account's key serialises them — the one query here that has no portable form.
   */
  function gate(email: string, ip: string, force: boolean): Promise<AttemptGate> {
    const key = accountKey(email, ip);
    return db.transaction().execute(async (trx) => {
      if (store.engine === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
      const clock = now();
      const decision = force ? ({ allowed: true } as const) : await decide(trx, email, ip, clock);
      if (!decision.allowed) return decision;
      // Under the lock no other attempt at this key is added, so the first free millisecond from
      // now on names this row alone; `forget` deletes exactly it.
      const latest = await trx
        .selectFrom('login_failures')
        .select((eb) => eb.fn.max('at').as('at'))
        .where('key', '=', key)
        .where('at', '>=', clock)
        .executeTakeFirst();
      const at = latest?.at == null ? clock : Math.max(clock, Number(latest.at) + 1);
      await trx.insertInto('login_failures').values({ key, at }).execute();
      return { allowed: true, attempt: { key, at, ip } };
    });
  }

  return {
    async check(email: string, ip: string): Promise<ThrottleDecision> {
      return decide(db, email, ip, now());
    },
    /**
     * Counts an attempt against the account before the provider answers, so that a burst of
     * parallel guesses at one account is throttled too; `forget` takes it back when it was not a
     * wrong password. The address is charged only by `recordFailure`: a whole office behind one
     * NAT address logging in at nine o'clock is many attempts in flight, not many failures.
     */
    checkAndRecordAttempt(email: string, ip: string): Promise<AttemptGate> {
      return gate(email, ip, false);
    },
    /** `checkAndRecordAttempt` without the check, for a caller that has checked already. */
    async recordAttempt(email: string, ip: string): Promise<LoginAttempt> {
      const counted = await gate(email, ip, true);
      if (!counted.allowed) throw new Error('unreachable: a forced attempt is always counted');
      return counted.attempt;
    },
    /** The provider said the password was wrong: the attempt stays and the address is charged. */
    async recordFailure(attempt: LoginAttempt): Promise<void> {
      await db
        .insertInto('login_failures')
        .values({ key: ipKey(attempt.ip), at: now() })
        .execute();
    },
    async forget(attempt: LoginAttempt): Promise<void> {
      await db
        .deleteFrom('login_failures')
        .where('key', '=', attempt.key)
        .where('at', '=', attempt.at)
        .execute();
    },
    /** A correct password clears that account's count from that address (not the address's). */
    async recordSuccess(email: string, ip: string): Promise<void> {
      await db.deleteFrom('login_failures').where('key', '=', accountKey(email, ip)).execute();
    },
    async purgeOld(): Promise<number> {
      const result = await db
        .deleteFrom('login_failures')
        .where('at', '<=', now() - longest)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
