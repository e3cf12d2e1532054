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

/** The append-only audit log: who did what to which account, when, from where. */
export function createAuditLog(db: Db, now: () => Date = () => new Date()) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, email, action, outcome, ip, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byEmail = db.prepare('SELECT * FROM audit_log WHERE email = ? ORDER BY at DESC, id DESC LIMIT ?');
  const purge = db.prepare('DELETE FROM audit_log WHERE at < ?');

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
      return byEmail.all(email, limit).map((row) => {
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
      });
    },
    /** Deletes entries older than the retention period; returns how many. */
    purgeExpired(retentionMonths: number): number {
      return purge.run(retentionCutoff(now(), retentionMonths).getTime()).changes;
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
