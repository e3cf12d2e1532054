import type { Statement } from 'better-sqlite3';
import type { AuditActionName } from '../../common/contract/console-audit';
import { addDays, startOfVietnamDay, type VietnamDate } from '../../common/policy/vietnam-date';
import { retentionCutoff } from '../policy/retention';
import type { Db } from '../store/database';

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
  | 'report_export';

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

function fromRow(row: unknown): StoredAuditEntry {
  const r = row as {
    id: number;
    at: number;
    actor: string;
    email: string;
    action: AuditAction;
    outcome: string;
    ip: string | null;
    details: string | null;
  };
  return { ...r, at: new Date(r.at), details: r.details ? JSON.parse(r.details) : null };
}

/** The append-only audit log (Đ7.1): who did what to which account, when, from where. */
export function createAuditLog(db: Db, now: () => Date = () => new Date()) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, email, action, outcome, ip, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byEmail = db.prepare('SELECT * FROM audit_log WHERE email = ? ORDER BY at DESC, id DESC LIMIT ?');
  const purge = db.prepare('DELETE FROM audit_log WHERE at < ?');

  const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  /** WHERE clause and parameters of a filter; the statements are cached by their SQL. */
  function where(filter: AuditFilter): { sql: string; params: (string | number)[] } {
    const parts: string[] = [];
    const params: (string | number)[] = [];
    if (filter.account) {
      parts.push("email LIKE ? ESCAPE '\\'");
      params.push(like(filter.account));
    }
    if (filter.actor) {
      parts.push("actor LIKE ? ESCAPE '\\'");
      params.push(like(filter.actor));
    }
    if (filter.action) {
      parts.push('action = ?');
      params.push(filter.action);
    }
    if (filter.outcome === 'ok') parts.push("outcome = 'ok'");
    if (filter.outcome === 'refused') parts.push("outcome <> 'ok'");
    if (filter.from) {
      parts.push('at >= ?');
      params.push(startOfVietnamDay(filter.from).getTime());
    }
    if (filter.to) {
      parts.push('at < ?');
      params.push(startOfVietnamDay(addDays(filter.to, 1)).getTime());
    }
    if (filter.units) {
      // The accounts the unit manager's units hold today (addresses are stored lower-case).
      parts.push('email IN (SELECT email FROM accounts WHERE unit_code IN (SELECT value FROM json_each(?)))');
      params.push(JSON.stringify(filter.units));
    }
    return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
  }
  const statements = new Map<string, Statement<(string | number)[]>>();
  const prepared = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare<(string | number)[]>(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };

  return {
    record(entry: AuditEntry): void {
      insert.run(
        now().getTime(),
        entry.actor,
        entry.email,
        entry.action,
        entry.outcome,
        entry.ip ?? null,
        entry.details ? JSON.stringify(entry.details) : null,
      );
    },
    forAccount(email: string, limit = 500): StoredAuditEntry[] {
      return byEmail.all(email, limit).map(fromRow);
    },
    /** One page of the entries matching `filter`, newest first, and how many match in all. */
    query(
      filter: AuditFilter,
      page: { offset: number; limit: number },
    ): {
      entries: StoredAuditEntry[];
      total: number;
    } {
      const { sql, params } = where(filter);
      const total = (prepared(`SELECT COUNT(*) AS n FROM audit_log ${sql}`).get(...params) as { n: number })
        .n;
      const rows = prepared(`SELECT * FROM audit_log ${sql} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`).all(
        ...params,
        page.limit,
        page.offset,
      );
      return { entries: rows.map(fromRow), total };
    },
    /**
     * Every entry matching `filter`, newest first (the CSV export), read in batches: an open
     * better-sqlite3 iterator would keep the one connection busy for as long as a slow download
     * takes, and every other request would fail meanwhile.
     */
    *iterate(filter: AuditFilter, batch = 1000): Generator<StoredAuditEntry> {
      const { sql, params } = where(filter);
      const after = `${sql ? `${sql} AND` : 'WHERE'} (at, id) < (?, ?)`;
      let rows = prepared(`SELECT * FROM audit_log ${sql} ORDER BY at DESC, id DESC LIMIT ?`).all(
        ...params,
        batch,
      );
      while (rows.length > 0) {
        const entries = rows.map(fromRow);
        yield* entries;
        if (rows.length < batch) return;
        const last = rows.at(-1) as { at: number; id: number };
        rows = prepared(`SELECT * FROM audit_log ${after} ORDER BY at DESC, id DESC LIMIT ?`).all(
          ...params,
          last.at,
          last.id,
          batch,
        );
      }
    },
    /** Deletes entries older than the retention period; returns how many. */
    purgeExpired(retentionMonths: number): number {
      return purge.run(retentionCutoff(now(), retentionMonths).getTime()).changes;
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
