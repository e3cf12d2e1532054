import { createHash, randomBytes } from 'node:crypto';
import type { StoreDb } from '../store/open-store';
import { newKey, open, seal } from './secret-box';

export interface SessionTimes {
  idleMs: number;
  maxMs: number;
}

export interface ActiveSession {
  idHash: string;
  email: string;
  password: string;
  csrfToken: string;
  expiresAt: number;
  /** When this session passed the console's second factor; null if it never did. */
  secondFactorAt: number | null;
}

const hashId = (id: string) => createHash('sha256').update(id).digest('hex');
const b64url = (b: Buffer) => b.toString('base64url');

/**
 * Sessions persist in the store so that a proxy restart does not log everybody out, and so that
 * any instance sharing the store serves the next request. The cookie carries `<id>.<key>`: the id
 * finds the row, the key opens the sealed password.
 */
export function createSessionStore(db: StoreDb, times: SessionTimes, now: () => number = Date.now) {
  const touchEveryMs = Math.min(60_000, Math.floor(times.idleMs / 10));

  function expiryFor(createdAt: number, at: number): number {
    return Math.min(at + times.idleMs, createdAt + times.maxMs);
  }

  const remove = (idHash: string) => db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();

  return {
    async create(email: string, password: string, meta: { ip?: string; userAgent?: string } = {}) {
      const id = b64url(randomBytes(32));
      const key = newKey();
      const at = now();
      const csrfToken = b64url(randomBytes(24));
      const expiresAt = expiryFor(at, at);
      await db
        .insertInto('sessions')
        .values({
          id_hash: hashId(id),
          email,
          secret_box: seal(password, key),
          csrf_token: csrfToken,
          created_at: at,
          last_seen_at: at,
          expires_at: expiresAt,
          ip: meta.ip ?? null,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
          second_factor_at: null,
        })
        .execute();
      return { cookie: `${id}.${b64url(key)}`, csrfToken, expiresAt };
    },

    /** Finds the session behind a cookie and slides its idle expiry; null when gone or forged. */
    async resolve(cookie: string | undefined): Promise<ActiveSession | null> {
      if (!cookie) return null;
      const [id, keyText] = cookie.split('.');
      if (!id || !keyText) return null;
      const idHash = hashId(id);
      const row = await db
        .selectFrom('sessions')
        .select([
          'email',
          'secret_box',
          'csrf_token',
          'created_at',
          'last_seen_at',
          'expires_at',
          'second_factor_at',
        ])
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return null;
      const at = now();
      if (row.expires_at <= at) {
        await remove(idHash);
        return null;
      }
      const password = open(row.secret_box, Buffer.from(keyText, 'base64url'));
      if (password === null) return null;
      const session = {
        idHash,
        email: row.email,
        password,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
        secondFactorAt: row.second_factor_at,
      };
      // The sliding expiry is written at most every `touchEveryMs`, not on every request: a busy tab
      // costs no store write per click, and the idle timeout is at most that much shorter.
      if (at - row.last_seen_at < touchEveryMs) return session;
      const expiresAt = expiryFor(row.created_at, at);
      await db
        .updateTable('sessions')
        .set({ last_seen_at: at, expires_at: expiresAt })
        .where('id_hash', '=', idHash)
        .execute();
      return { ...session, expiresAt };
    },

    /** The console's second factor was passed in this session (and only this one). */
    async markSecondFactor(idHash: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ second_factor_at: now() })
        .where('id_hash', '=', idHash)
        .execute();
    },

    async destroy(idHash: string): Promise<void> {
      await remove(idHash);
    },

    /** After a password change: the session keeps working with the new password. */
    async reseal(cookie: string, password: string): Promise<void> {
      const [id, keyText] = cookie.split('.');
      if (!id || !keyText) return;
      await db
        .updateTable('sessions')
        .set({ secret_box: seal(password, Buffer.from(keyText, 'base64url')) })
        .where('id_hash', '=', hashId(id))
        .execute();
    },

    /** Other devices are logged out when the password changes (they hold the old one). */
    async destroyOthers(email: string, keepIdHash: string): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where('email', '=', email)
        .where('id_hash', '!=', keepIdHash)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Sessions not yet expired, for the operators' metrics. */
    async countActive(): Promise<number> {
      const row = await db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('expires_at', '>', now())
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Suspension, revocation or an admin reset ends every session of the account. */
    async destroyAllFor(email: string): Promise<number> {
      const result = await db.deleteFrom('sessions').where('email', '=', email).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async purgeExpired(): Promise<number> {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
