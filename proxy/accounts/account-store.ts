import type { Updateable } from 'kysely';
import type { DepartureLevel, DepartureReason } from '../../common/policy/account-lifecycle';
import type { StoreDb } from '../store/open-store';
import type { AccountsTable } from '../store/schema';

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
function profileColumns(p: AccountProfile): Updateable<AccountsTable> {
  const ms = (d: Date | null | undefined) => (d ? d.getTime() : null);
  const cols: Updateable<AccountsTable> = {};
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
export function createAccountStore(db: StoreDb, now: () => Date = () => new Date()) {
  const key = (email: string) => email.toLowerCase();

  async function get(email: string): Promise<AccountRecord | undefined> {
    const row = await db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', key(email))
      .executeTakeFirst();
    return row ? fromRow(row as AccountRow) : undefined;
  }

  /**
   * The record, created at first sight. The provider does not say when a password was last set,
   * so an account first seen today counts its password age from today.
   */
  async function ensure(email: string): Promise<AccountRecord> {
    const at = now().getTime();
    await db
      .insertInto('accounts')
      .values({ email: key(email), password_changed_at: at, created_at: at })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
    return (await get(email)) as AccountRecord;
  }

  const update = (email: string, cols: Updateable<AccountsTable>) =>
    db.updateTable('accounts').set(cols).where('email', '=', key(email)).execute();

  return {
    get,
    ensure,

    /** A change by the user: the clock restarts, the first-login flag goes. */
    async recordPasswordChange(email: string): Promise<void> {
      await ensure(email);
      await update(email, { password_changed_at: now().getTime(), must_change_password: 0 });
    },

    /** An admin reset: a temporary password that must be replaced at the first log-in. */
    async recordPasswordReset(email: string): Promise<void> {
      await ensure(email);
      await update(email, { password_changed_at: now().getTime(), must_change_password: 1 });
    },

    async setState(email: string, state: AccountState, reason: string | null): Promise<void> {
      await ensure(email);
      const at = now().getTime();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('accounts')
          .set({ state, state_reason: reason, state_changed_at: at })
          .where('email', '=', key(email))
          .execute();
        await trx
          .insertInto('account_state_history')
          .values({ email: key(email), state, reason, at })
          .execute();
      });
    },

    /** The console's fields; only those named change. */
    async setProfile(email: string, profile: AccountProfile): Promise<AccountRecord> {
      await ensure(email);
      const cols = profileColumns(profile);
      if (Object.keys(cols).length > 0) await update(email, cols);
      return (await get(email)) as AccountRecord;
    },

    /** Đ6.2a counts logins as activity; the report counts mailboxes never logged into. */
    async recordLogin(email: string): Promise<void> {
      await ensure(email);
      const at = now().getTime();
      await db
        .updateTable('accounts')
        .set((eb) => ({ last_login_at: at, first_login_at: eb.fn.coalesce('first_login_at', eb.val(at)) }))
        .where('email', '=', key(email))
        .execute();
    },

    async recordSent(email: string): Promise<void> {
      await ensure(email);
      await update(email, { last_sent_at: now().getTime() });
    },

    async list(): Promise<AccountRecord[]> {
      const rows = await db.selectFrom('accounts').selectAll().orderBy('email').execute();
      return rows.map((r) => fromRow(r as AccountRow));
    },

    /** Every state change of the account, oldest first (the six-monthly report's suspensions). */
    async stateHistory(email: string): Promise<{ state: AccountState; reason: string | null; at: Date }[]> {
      const rows = await db
        .selectFrom('account_state_history')
        .select(['state', 'reason', 'at'])
        .where('email', '=', key(email))
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ state: r.state as AccountState, reason: r.reason, at: new Date(r.at) }));
    },

    /**
     * Every account's state changes, oldest first: one query rather than one per account (the
     * six-monthly report reads 1,000 accounts and more).
     */
    async allStateHistory(): Promise<{ email: string; state: AccountState; at: Date }[]> {
      const rows = await db
        .selectFrom('account_state_history')
        .select(['email', 'state', 'at'])
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ email: r.email, state: r.state as AccountState, at: new Date(r.at) }));
    },

    async setSendingLock(email: string, reason: string | null): Promise<void> {
      await ensure(email);
      await update(email, { sending_locked_reason: reason });
    },

    /** Slow hashes of the latest passwords, newest first. */
    async passwordHistory(email: string, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('password_history')
        .select('hash')
        .where('email', '=', key(email))
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.hash);
    },

    /** Adds hashes (oldest first) and keeps only the newest `keep`. */
    async rememberPasswords(email: string, hashes: string[], keep: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const hash of hashes) {
          await trx
            .insertInto('password_history')
            .values({ email: key(email), hash, created_at: now().getTime() })
            .execute();
        }
        const kept = await trx
          .selectFrom('password_history')
          .select('id')
          .where('email', '=', key(email))
          .orderBy('id', 'desc')
          .limit(keep)
          .execute();
        let prune = trx.deleteFrom('password_history').where('email', '=', key(email));
        if (kept.length > 0)
          prune = prune.where(
            'id',
            'not in',
            kept.map((r) => r.id),
          );
        await prune.execute();
      });
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;
