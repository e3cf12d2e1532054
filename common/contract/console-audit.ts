import { z } from 'zod';

/** Every action the audit log records (proxy/audit/audit-log.ts AuditAction, checked there). */
export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'session_expired',
  'password_change',
  'password_reset',
  'account_state',
  'policy_refusal',
  'quota_warning',
  'send',
  'sending_lock',
  'second_factor',
  'second_factor_enrol',
  'second_factor_reset',
  'role_change',
  'account_create',
  'account_update',
  'account_import',
  'departure',
  'inactivity_exemption',
  'restore_request',
  'mailbox_export',
  'lifecycle_job',
  'unit_change',
  'unit_request',
  'maintenance_notice',
  'problem_report',
  'report_export',
  'api_client',
  'api_call',
  'mail_migration',
] as const;
export const AuditActionName = z.enum(AUDIT_ACTIONS).meta({ id: 'AuditActionName' });
export type AuditActionName = z.infer<typeof AuditActionName>;

const vietnamDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The audit viewer's filters (Đ7.1); dates are days in Viet Nam, both ends included. */
export const AuditQuery = z.object({
  /** The account's address or part of it. */
  account: z.string().trim().max(254).optional(),
  action: AuditActionName.optional(),
  /** ok, or refused (any other outcome: the error code the user was given). */
  outcome: z.enum(['ok', 'refused']).optional(),
  actor: z.string().trim().max(254).optional(),
  from: vietnamDate.optional(),
  to: vietnamDate.optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryView = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    email: z.string(),
    action: z.string(),
    outcome: z.string(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
  })
  .meta({ id: 'AuditEntryView' });
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z
  .object({
    entries: z.array(AuditEntryView),
    /** How many entries match the filters in all. */
    total: z.number().int().min(0),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1),
    /** Đ7.1: entries older than this are purged. */
    retentionMonths: z.number().int().min(1),
  })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;

/** The CSV export takes the viewer's filters, without paging: it holds every matching entry. */
export const AuditExportQuery = AuditQuery.omit({ offset: true, limit: true });
