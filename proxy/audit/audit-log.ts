import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { AuditActionName } from '../../common/contract/console-audit';
import { addDays, startOfVietnamDay, type VietnamDate } from '../../common/policy/vietnam-date';
import { retentionCutoff } from '../policy/retention';
import type { StoreDb } from '../store/open-store';
import type { StoreSchema } from '../store/schema';

export type AuditAction =
  | 'login'
  | 'logout'
  | 'session_expired'
  | 'password_change'
  | 'password_reset'
  | 'account_state'
  | 'policy_refusal'
  | 'quota_warning'
  | 'send'
  | 'sending_lock'
  // The Sở TT&TT console (issue 6): every admin action, with the admin as actor.
  | 'second_factor'
  | 'second_factor_enrol'
  | 'second_factor_reset'
  | 'role_change'
  | 'account_create'
  | 'account_update'
  | 'account_import'
  | 'departure'
  | 'inactivity_exemption'
  | 'restore_request'
  | 'mailbox_export'
  | 'lifecycle_job'
  | 'unit_change'
  | 'unit_request'
  | 'maintenance_notice'
  | 'problem_report'
  | 'report_export'
  // Đ14.2g: API clients created, rotated or revoked at the console, and every call they make.
  | 'api_client'
  | 'api_call'
  // Đ8.2d: a copy of mail from an old server was started (the host and old user in the details).
  | 'mail_migration';

// The contract's list (the viewer's action filter) and this type name the same actions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const auditActionsMatch: Same<AuditAction, AuditActionName> = true;
void auditActionsMatch;

/** The viewer's filters (Đ7.1); every one optional, all of them together. */
export interface AuditFilter {
  /** The account's address or part of it (case ignored). */
  account?: string | undefined;
  action?: AuditAction | undefined;
  /** 'refused' = any outcome but ok (the error code the user was given). */
  outcome?: 'ok' | 'refused' | undefined;
  /** The actor's address or part of it. */
  actor?: string | undefined;
  /** Days in Viet Nam, both included. */
  from?: VietnamDate | undefined;
  to?: VietnamDate | undefined;
  /** A unit manager's scope: only entries about accounts of these units. null/undefined = all. */
  units?: readonly string[] | null | undefined;
}

export interface AuditEntry {
  actor: string;
  email: string;
  action: AuditAction;
  /** 'ok', or the error code the user was given. */
  outcome: string;
  ip?: string | null;
  details?: Record<string, string | number | boolean>;
}

export interface StoredAuditEntry extends Required<Omit<AuditEntry, 'details'>> {
  id: number;
  at: Date;
  details: Record<string, string | number | boolean> | null;
}

type AuditRow = Selectable<StoreSchema['audit_log']>;

function fromRow(r: AuditRow): StoredAuditEntry {
  return {
    ...r,
    action: r.action as AuditAction,
    at: new Date(r.at),
    details: r.details ? JSON.parse(r.details) : null,
  };
}

/**
 * `column` contains `text`, case ignored, wildcards taken literally. Both sides are folded with
 * lower(): LIKE ignores ASCII case on SQLite but not on PostgreSQL.
 */
function contains(column: 'email' | 'actor', text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** The filter as one condition (true when empty). */
function matching(filter: AuditFilter) {
  return (eb: ExpressionBuilder<StoreSchema, 'audit_log'>) => {
    const parts = [];
    if (filter.account) parts.push(contains('email', filter.account));
    if (filter.actor) parts.push(contains('actor', filter.actor));
    if (filter.action) parts.push(eb('action', '=', filter.action));
    if (filter.outcome === 'ok') parts.push(eb('outcome', '=', 'ok'));
    if (filter.outcome === 'refused') parts.push(eb('outcome', '<>', 'ok'));
    if (filter.from) parts.push(eb('at', '>=', startOfVietnamDay(filter.from).getTime()));
    if (filter.to) parts.push(eb('at', '<', startOfVietnamDay(addDays(filter.to, 1)).getTime()));
    if (filter.units) {
      // The accounts the unit manager's units hold today (addresses are stored lower-case).
      parts.push(
        filter.units.length === 0
          ? sql<boolean>`1 = 0`
          : eb(
              'email',
              'in',
              eb
                .selectFrom('accounts')
                .select('accounts.email')
                .where('unit_code', 'in', [...filter.units]),
            ),
      );
    }
    return eb.and(parts);
  };
}

/** The append-only audit log (Đ7.1): who did what to which account, when, from where. */
export function createAuditLog(db: StoreDb, now: () => Date = () => new Date()) {
  const newestFirst = (filter: AuditFilter) =>
    db
      .selectFrom('audit_log')
      .selectAll()
      .where(matching(filter))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc');

  return {
    /**
     * Callers await it: an action whose entry could not be written must fail, not go unrecorded
     * (Đ7.1).
     */
    async record(entry: AuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          at: now().getTime(),
          actor: entry.actor,
          email: entry.email,
          action: entry.action,
          outcome: entry.outcome,
          ip: entry.ip ?? null,
          details: entry.details ? JSON.stringify(entry.details) : null,
        })
        .execute();
    },
    async forAccount(email: string, limit = 500): Promise<StoredAuditEntry[]> {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('email', '=', email)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
    /** One page of the entries matching `filter`, newest first, and how many match in all. */
    async query(
      filter: AuditFilter,
      page: { offset: number; limit: number },
    ): Promise<{
      entries: StoredAuditEntry[];
      total: number;
    }> {
      const counted = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(matching(filter))
        .executeTakeFirstOrThrow();
      const rows = await newestFirst(filter).limit(page.limit).offset(page.offset).execute();
      return { entries: rows.map(fromRow), total: Number(counted.n) };
    },
    /**
     * Every entry matching `filter`, newest first (the CSV export), read in batches: a cursor held
     * open for as long as a slow download takes would hold a connection (SQLite's only one)
     * meanwhile.
     */
    async *iterate(filter: AuditFilter, batch = 1000): AsyncGenerator<StoredAuditEntry> {
      let rows = await newestFirst(filter).limit(batch).execute();
      while (rows.length > 0) {
        yield* rows.map(fromRow);
        if (rows.length < batch) return;
        const last = rows.at(-1) as AuditRow;
        rows = await newestFirst(filter)
          .where((eb) =>
            eb.or([eb('at', '<', last.at), eb.and([eb('at', '=', last.at), eb('id', '<', last.id)])]),
          )
          .limit(batch)
          .execute();
      }
    },
    /** Deletes entries older than the retention period; returns how many. */
    async purgeExpired(retentionMonths: number): Promise<number> {
      const result = await db
        .deleteFrom('audit_log')
        .where('at', '<', retentionCutoff(now(), retentionMonths).getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
