import type { Db } from '../store/database';

export type AccountState = 'active' | 'suspended' | 'revoked';

export interface AccountRecord {
  email: string;
  state: AccountState;
  stateReason: string | null;
  stateChangedAt: Date | null;
  passwordChangedAt: Date;
  /** Set by an admin reset (R-6.3c): the next session may only change the password. */
  mustChangePassword: boolean;
  /** R-5.3b: the account may read but not send; the reason is shown to the user. */
  sendingLockedReason: string | null;
}

interface AccountRow {
  email: string;
  state: AccountState;
  state_reason: string | null;
  state_changed_at: number | null;
  password_changed_at: number;
  must_change_password: number;
  sending_locked_reason: string | null;
}

const fromRow = (r: AccountRow): AccountRecord => ({
  email: r.email,
  state: r.state,
  stateReason: r.state_reason,
  stateChangedAt: r.state_changed_at === null ? null : new Date(r.state_changed_at),
  passwordChangedAt: new Date(r.password_changed_at),
  mustChangePassword: r.must_change_password === 1,
  sendingLockedReason: r.sending_locked_reason,
});

/**
 * The policy store's view of an account: what the regulation needs and the provider does not keep
 * (password age, the first-login flag, suspended/revoked). Addresses are stored lower-case.
 */
export function createAccountStore(db: Db, now: () => Date = () => new Date()) {
  const byEmail = db.prepare('SELECT * FROM accounts WHERE email = ?');
  const insert = db.prepare(
    `INSERT INTO accounts (email, password_changed_at, created_at) VALUES (?, ?, ?) ON CONFLICT(email) DO NOTHING`,
  );
  const passwordChanged = db.prepare(
    'UPDATE accounts SET password_changed_at = ?, must_change_password = ? WHERE email = ?',
  );
  const stateChanged = db.prepare(
    'UPDATE accounts SET state = ?, state_reason = ?, state_changed_at = ? WHERE email = ?',
  );
  const sendingLock = db.prepare('UPDATE accounts SET sending_locked_reason = ? WHERE email = ?');
  const historyOf = db.prepare('SELECT hash FROM password_history WHERE email = ? ORDER BY id DESC LIMIT ?');
  const addHistory = db.prepare('INSERT INTO password_history (email, hash, created_at) VALUES (?, ?, ?)');
  const pruneHistory = db.prepare(
    `DELETE FROM password_history WHERE email = ? AND id NOT IN
       (SELECT id FROM password_history WHERE email = ? ORDER BY id DESC LIMIT ?)`,
  );

  const key = (email: string) => email.toLowerCase();

  function get(email: string): AccountRecord | undefined {
    const row = byEmail.get(key(email)) as AccountRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /**
   * The record, created at first sight. The provider does not say when a password was last set,
   * so an account first seen today counts its password age from today.
   */
  function ensure(email: string): AccountRecord {
    const at = now().getTime();
    insert.run(key(email), at, at);
    return get(email) as AccountRecord;
  }

  return {
    get,
    ensure,

    /** A change by the user: the clock restarts, the first-login flag goes. */
    recordPasswordChange(email: string): void {
      ensure(email);
      passwordChanged.run(now().getTime(), 0, key(email));
    },

    /** An admin reset: a temporary password that must be replaced at the first log-in. */
    recordPasswordReset(email: string): void {
      ensure(email);
      passwordChanged.run(now().getTime(), 1, key(email));
    },

    setState(email: string, state: AccountState, reason: string | null): void {
      ensure(email);
      stateChanged.run(state, reason, now().getTime(), key(email));
    },

    setSendingLock(email: string, reason: string | null): void {
      ensure(email);
      sendingLock.run(reason, key(email));
    },

    /** Slow hashes of the latest passwords, newest first. */
    passwordHistory(email: string, limit: number): string[] {
      return historyOf.all(key(email), limit).map((r) => (r as { hash: string }).hash);
    },

    /** Adds hashes (oldest first) and keeps only the newest `keep`. */
    rememberPasswords(email: string, hashes: string[], keep: number): void {
      db.transaction(() => {
        for (const hash of hashes) addHistory.run(key(email), hash, now().getTime());
        pruneHistory.run(key(email), key(email), keep);
      })();
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;
