import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/database';
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

interface SessionRow {
  id_hash: string;
  email: string;
  secret_box: Buffer;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  second_factor_at: number | null;
}

const hashId = (id: string) => createHash('sha256').update(id).digest('hex');
const b64url = (b: Buffer) => b.toString('base64url');

/**
 * Sessions persist in the store so that a proxy restart does not log everybody out. The cookie
 * carries `<id>.<key>`: the id finds the row, the key opens the sealed password.
 */
export function createSessionStore(db: Db, times: SessionTimes, now: () => number = Date.now) {
  const insert = db.prepare(
    `INSERT INTO sessions (id_hash, email, secret_box, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES (@id_hash, @email, @secret_box, @csrf_token, @created_at, @last_seen_at, @expires_at, @ip, @user_agent)`,
  );
  const byId = db.prepare('SELECT * FROM sessions WHERE id_hash = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  const countLive = db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE expires_at > ?');
  const updateBox = db.prepare('UPDATE sessions SET secret_box = ? WHERE id_hash = ?');
  const removeOthers = db.prepare('DELETE FROM sessions WHERE email = ? AND id_hash != ?');
  const removeAll = db.prepare('DELETE FROM sessions WHERE email = ?');
  const secondFactor = db.prepare('UPDATE sessions SET second_factor_at = ? WHERE id_hash = ?');

  const touchEveryMs = Math.min(60_000, Math.floor(times.idleMs / 10));

  function expiryFor(createdAt: number, at: number): number {
    return Math.min(at + times.idleMs, createdAt + times.maxMs);
  }

  return {
    create(email: string, password: string, meta: { ip?: string; userAgent?: string } = {}) {
      const id = b64url(randomBytes(32));
      const key = newKey();
      const at = now();
      const csrfToken = b64url(randomBytes(24));
      const expiresAt = expiryFor(at, at);
      insert.run({
        id_hash: hashId(id),
        email,
        secret_box: seal(password, key),
        csrf_token: csrfToken,
        created_at: at,
        last_seen_at: at,
        expires_at: expiresAt,
        ip: meta.ip ?? null,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      return { cookie: `${id}.${b64url(key)}`, csrfToken, expiresAt };
    },

    /** Finds the session behind a cookie and slides its idle expiry; null when gone or forged. */
    resolve(cookie: string | undefined): ActiveSession | null {
      if (!cookie) return null;
      const [id, keyText] = cookie.split('.');
      if (!id || !keyText) return null;
      const idHash = hashId(id);
      const row = byId.get(idHash) as SessionRow | undefined;
      if (!row) return null;
      const at = now();
      if (row.expires_at <= at) {
        remove.run(idHash);
        return null;
      }
      const password = open(row.secret_box, Buffer.from(keyText, 'base64url'));
      if (password === null) return null;
      // The sliding expiry is written at most every `touchEveryMs`, not on every request: a busy tab
      // costs no SQLite write per click, and the idle timeout is at most that much shorter.
      if (at - row.last_seen_at < touchEveryMs) {
        return {
          idHash,
          email: row.email,
          password,
          csrfToken: row.csrf_token,
          expiresAt: row.expires_at,
          secondFactorAt: row.second_factor_at,
        };
      }
      const expiresAt = expiryFor(row.created_at, at);
      touch.run(at, expiresAt, idHash);
      return {
        idHash,
        email: row.email,
        password,
        csrfToken: row.csrf_token,
        expiresAt,
        secondFactorAt: row.second_factor_at,
      };
    },

    /** The console's second factor was passed in this session (and only this one). */
    markSecondFactor(idHash: string): void {
      secondFactor.run(now(), idHash);
    },

    destroy(idHash: string) {
      remove.run(idHash);
    },

    /** After a password change: the session keeps working with the new password. */
    reseal(cookie: string, password: string): void {
      const [id, keyText] = cookie.split('.');
      if (!id || !keyText) return;
      updateBox.run(seal(password, Buffer.from(keyText, 'base64url')), hashId(id));
    },

    /** Other devices are logged out when the password changes (they hold the old one). */
    destroyOthers(email: string, keepIdHash: string): number {
      return removeOthers.run(email, keepIdHash).changes;
    },

    /** Sessions not yet expired, for the operators' metrics. */
    countActive(): number {
      return (countLive.get(now()) as { n: number }).n;
    },

    /** Suspension, revocation or an admin reset ends every session of the account. */
    destroyAllFor(email: string): number {
      return removeAll.run(email).changes;
    },

    purgeExpired(): number {
      return purge.run(now()).changes;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
