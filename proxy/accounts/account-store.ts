import type { DepartureLevel, DepartureReason } from '../../common/policy/account-lifecycle';
import type { Db } from '../store/database';

export type AccountState = 'active' | 'suspended' | 'revoked';
/** Console roles (issue 6): the Sở's admins, a unit's read-only manager, everybody else. */
export type Role = 'user' | 'unit_manager' | 'admin';

export interface AccountRecord {
  email: string;
  state: AccountState;
  stateReason: string | null;
  stateChangedAt: Date | null;
  passwordChangedAt: Date;
  /** Set by an admin reset (Đ6.3c): the next session may only change the password. */
  mustChangePassword: boolean;
  /** Đ5.3b: the account may read but not send; the reason is shown to the user. */
  sendingLockedReason: string | null;
  createdAt: Date;
  // What the console keeps (issue 6); null for an account only ever seen at log-in.
  fullName: string | null;
  unitCode: string | null;
  kind: 'personal' | 'unit';
  title: string | null;
  role: Role;
  quotaBytes: number | null;
  provisionedBy: string | null;
  nameOverrideReason: string | null;
  firstLoginAt: Date | null;
  lastLoginAt: Date | null;
  lastSentAt: Date | null;
  /** Đ5.3b: the official date (yyyy-mm-dd, in Viet Nam), level and reason of leaving. */
  departure: { on: string; level: DepartureLevel; reason: DepartureReason } | null;
  inactivityExemption: { reason: string; until: Date | null } | null;
  exportedAt: Date | null;
  exportFile: string | null;
  restoreRequestedAt: Date | null;
}

/** The console's fields an admin sets; the store never infers them. */
export interface AccountProfile {
  fullName?: string | null;
  unitCode?: string | null;
  kind?: 'personal' | 'unit';
  title?: string | null;
  role?: Role;
  quotaBytes?: number | null;
  provisionedBy?: string | null;
  nameOverrideReason?: string | null;
  departure?: AccountRecord['departure'];
  inactivityExemption?: AccountRecord['inactivityExemption'];
  exportedAt?: Date | null;
  exportFile?: string | null;
  restoreRequestedAt?: Date | null;
}

interface AccountRow {
  email: string;
  state: AccountState;
  state_reason: string | null;
  state_changed_at: number | null;
  password_changed_at: number;
  must_change_password: number;
  sending_locked_reason: string | null;
  created_at: number;
  full_name: string | null;
  unit_code: string | null;
  kind: 'personal' | 'unit';
  title: string | null;
  role: Role;
  quota_bytes: number | null;
  provisioned_by: string | null;
  name_override_reason: string | null;
  first_login_at: number | null;
  last_login_at: number | null;
  last_sent_at: number | null;
  departure_on: string | null;
  departure_level: DepartureLevel | null;
  departure_reason: DepartureReason | null;
  inactivity_exempt_reason: string | null;
  inactivity_exempt_until: number | null;
  exported_at: number | null;
  export_file: string | null;
  restore_requested_at: number | null;
}

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

const fromRow = (r: AccountRow): AccountRecord => ({
  email: r.email,
  state: r.state,
  stateReason: r.state_reason,
  stateChangedAt: r.state_changed_at === null ? null : new Date(r.state_changed_at),
  passwordChangedAt: new Date(r.password_changed_at),
  mustChangePassword: r.must_change_password === 1,
  sendingLockedReason: r.sending_locked_reason,
  createdAt: new Date(r.created_at),
  fullName: r.full_name,
  unitCode: r.unit_code,
  kind: r.kind,
  title: r.title,
  role: r.role,
  quotaBytes: r.quota_bytes,
  provisionedBy: r.provisioned_by,
  nameOverrideReason: r.name_override_reason,
  firstLoginAt: date(r.first_login_at),
  lastLoginAt: date(r.last_login_at),
  lastSentAt: date(r.last_sent_at),
  departure:
    r.departure_on && r.departure_level && r.departure_reason
      ? { on: r.departure_on, level: r.departure_level, reason: r.departure_reason }
      : null,
  inactivityExemption: r.inactivity_exempt_reason
    ? { reason: r.inactivity_exempt_reason, until: date(r.inactivity_exempt_until) }
    : null,
  exportedAt: date(r.exported_at),
  exportFile: r.export_file,
  restoreRequestedAt: date(r.restore_requested_at),
});

/** AccountProfile field → columns. */
function profileColumns(p: AccountProfile): Record<string, string | number | null> {
  const ms = (d: Date | null | undefined) => (d ? d.getTime() : null);
  const cols: Record<string, string | number | null> = {};
  if (p.fullName !== undefined) cols.full_name = p.fullName?.normalize('NFC') ?? null;
  if (p.unitCode !== undefined) cols.unit_code = p.unitCode;
  if (p.kind !== undefined) cols.kind = p.kind;
  if (p.title !== undefined) cols.title = p.title?.normalize('NFC') ?? null;
  if (p.role !== undefined) cols.role = p.role;
  if (p.quotaBytes !== undefined) cols.quota_bytes = p.quotaBytes;
  if (p.provisionedBy !== undefined) cols.provisioned_by = p.provisionedBy;
  if (p.nameOverrideReason !== undefined) cols.name_override_reason = p.nameOverrideReason;
  if (p.departure !== undefined) {
    cols.departure_on = p.departure?.on ?? null;
    cols.departure_level = p.departure?.level ?? null;
    cols.departure_reason = p.departure?.reason ?? null;
  }
  if (p.inactivityExemption !== undefined) {
    cols.inactivity_exempt_reason = p.inactivityExemption?.reason ?? null;
    cols.inactivity_exempt_until = ms(p.inactivityExemption?.until);
  }
  if (p.exportedAt !== undefined) cols.exported_at = ms(p.exportedAt);
  if (p.exportFile !== undefined) cols.export_file = p.exportFile;
  if (p.restoreRequestedAt !== undefined) cols.restore_requested_at = ms(p.restoreRequestedAt);
  return cols;
}

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
  const stateHistory = db.prepare(
    'INSERT INTO account_state_history (email, state, reason, at) VALUES (?, ?, ?, ?)',
  );
  const login = db.prepare(
    'UPDATE accounts SET last_login_at = ?, first_login_at = COALESCE(first_login_at, ?) WHERE email = ?',
  );
  const sent = db.prepare('UPDATE accounts SET last_sent_at = ? WHERE email = ?');
  const all = db.prepare('SELECT * FROM accounts ORDER BY email');
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
      const at = now().getTime();
      db.transaction(() => {
        stateChanged.run(state, reason, at, key(email));
        stateHistory.run(key(email), state, reason, at);
      })();
    },

    /** The console's fields; only those named change. */
    setProfile(email: string, profile: AccountProfile): AccountRecord {
      ensure(email);
      const cols = profileColumns(profile);
      const names = Object.keys(cols);
      if (names.length > 0) {
        db.prepare(
          `UPDATE accounts SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE email = @email`,
        ).run({
          ...cols,
          email: key(email),
        });
      }
      return get(email) as AccountRecord;
    },

    /** Đ6.2a counts logins as activity; the report counts mailboxes never logged into. */
    recordLogin(email: string): void {
      ensure(email);
      const at = now().getTime();
      login.run(at, at, key(email));
    },

    recordSent(email: string): void {
      ensure(email);
      sent.run(now().getTime(), key(email));
    },

    list(): AccountRecord[] {
      return (all.all() as AccountRow[]).map(fromRow);
    },

    /** Every state change of the account, oldest first (the six-monthly report's suspensions). */
    stateHistory(email: string): { state: AccountState; reason: string | null; at: Date }[] {
      return (
        db
          .prepare('SELECT state, reason, at FROM account_state_history WHERE email = ? ORDER BY id')
          .all(key(email)) as { state: AccountState; reason: string | null; at: number }[]
      ).map((r) => ({ state: r.state, reason: r.reason, at: new Date(r.at) }));
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
