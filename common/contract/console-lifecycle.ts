import { z } from 'zod';

/** The console's lifecycle area (Đ5.3b, Đ6.2, Đ6.3): the daily job, its dry run, account actions. */
export const LifecycleActionKind = z
  .enum(['lock_sending', 'export', 'revoke', 'suspend_inactive', 'review_restore'])
  .meta({ id: 'LifecycleActionKind' });
export type LifecycleActionKind = z.infer<typeof LifecycleActionKind>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const LifecyclePlannedAction = z
  .object({
    email: z.string(),
    unitCode: z.string().nullable(),
    kind: LifecycleActionKind,
    rule: z.enum(['Đ5.3b', 'Đ6.2a', 'Đ6.3b']),
    /** yyyy-mm-dd in Viet Nam. */
    dueOn: day,
    /** false: a person acts (restore requests); the job only lists it. */
    automatic: z.boolean(),
    blockedBy: LifecycleActionKind.nullable(),
    deadlineOn: day.nullable(),
    /** In a run: 'ok', 'would_do', 'listed', 'blocked' or an error code. */
    outcome: z.string().optional(),
  })
  .meta({ id: 'LifecyclePlannedAction' });
export type LifecyclePlannedAction = z.infer<typeof LifecyclePlannedAction>;

export const LifecycleToday = z
  .object({
    now: z.string(),
    day,
    /** LIFECYCLE_JOB_HOUR in Viet Nam; -1: off on this proxy. */
    jobHour: z.number().int(),
    actions: z.array(LifecyclePlannedAction),
  })
  .meta({ id: 'LifecycleToday' });
export type LifecycleToday = z.infer<typeof LifecycleToday>;

/** `on`: the job as it would run at 00:00 of a later day (a preview; nothing is done). */
export const LifecycleTodayQuery = z.object({ on: z.string().max(20).optional() });
export const LifecycleUpcomingQuery = z.object({ days: z.coerce.number().int().min(1).max(400).default(30) });
export const LifecycleUpcoming = z
  .object({ days: z.number().int(), actions: z.array(LifecyclePlannedAction) })
  .meta({ id: 'LifecycleUpcoming' });
export type LifecycleUpcoming = z.infer<typeof LifecycleUpcoming>;

export const LifecycleRun = z
  .object({
    id: z.number().int(),
    ranAt: z.string(),
    dryRun: z.boolean(),
    actor: z.string(),
    actions: z.array(LifecyclePlannedAction),
  })
  .meta({ id: 'LifecycleRun' });
export type LifecycleRun = z.infer<typeof LifecycleRun>;

export const LifecycleRuns = z.object({ runs: z.array(LifecycleRun) }).meta({ id: 'LifecycleRuns' });
export type LifecycleRuns = z.infer<typeof LifecycleRuns>;

/** The answer of an action that has nothing more to say. */
export const LifecycleDone = z.object({ ok: z.literal(true) });
export const LifecycleRunRequest = z.object({ dryRun: z.boolean().default(false) });

export const LifecycleEventView = z.object({
  kind: LifecycleActionKind,
  rule: z.enum(['Đ5.3b', 'Đ6.2a', 'Đ6.3b']),
  dueOn: day,
  automatic: z.boolean(),
  blockedBy: LifecycleActionKind.nullable(),
  deadlineOn: day.nullable(),
});

export const LifecycleAccountStatus = z
  .object({
    email: z.string(),
    fullName: z.string().nullable(),
    unitCode: z.string().nullable(),
    kind: z.enum(['personal', 'unit']),
    state: z.enum(['active', 'suspended', 'revoked']),
    stateReason: z.string().nullable(),
    sendingLockedReason: z.string().nullable(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
    lastSentAt: z.string().nullable(),
    departure: z
      .object({
        on: day,
        level: z.enum(['staff', 'head']),
        reason: z.enum(['retired', 'resigned', 'transferred_out']),
      })
      .nullable(),
    inactivityExemption: z.object({ reason: z.string(), until: z.string().nullable() }).nullable(),
    exportedAt: z.string().nullable(),
    exportFile: z.string().nullable(),
    restoreRequestedAt: z.string().nullable(),
    restoreDeadlineOn: day.nullable(),
    /** Every action still to come, due or not (the policy's schedule). */
    schedule: z.array(LifecycleEventView),
  })
  .meta({ id: 'LifecycleAccountStatus' });
export type LifecycleAccountStatus = z.infer<typeof LifecycleAccountStatus>;

const requestId = z.number().int().positive().optional();

export const DepartureInput = z
  .object({
    /** dd/MM/yyyy as typed, or yyyy-mm-dd. */
    on: z.string().max(20),
    level: z.string().max(20),
    reason: z.string().max(40),
    requestId,
  })
  .meta({ id: 'DepartureInput' });
export type DepartureInput = z.infer<typeof DepartureInput>;

export const InactivityExemptionInput = z
  .object({ reason: z.string().max(500), until: z.string().max(20).nullable().optional() })
  .meta({ id: 'InactivityExemptionInput' });
export type InactivityExemptionInput = z.infer<typeof InactivityExemptionInput>;

export const SuspendInput = z
  .object({ reason: z.string().max(40), note: z.string().max(1000).nullable().optional(), requestId })
  .meta({ id: 'SuspendInput' });
export type SuspendInput = z.infer<typeof SuspendInput>;

export const RestoreRequestInput = z
  .object({ receivedOn: z.string().max(20).nullable().optional(), requestId })
  .meta({ id: 'RestoreRequestInput' });
export type RestoreRequestInput = z.infer<typeof RestoreRequestInput>;

export const RestoreRequestResult = z.object({ deadlineOn: day }).meta({ id: 'RestoreRequestResult' });
export const RestoreInput = z.object({ requestId }).meta({ id: 'RestoreInput' });
export const RestoreResult = z.object({ temporaryPassword: z.string() }).meta({ id: 'RestoreResult' });
export type RestoreResult = z.infer<typeof RestoreResult>;

export const MailboxExportResult = z
  .object({ file: z.string(), bytes: z.number(), messages: z.number(), folders: z.number() })
  .meta({ id: 'MailboxExportResult' });
export type MailboxExportResult = z.infer<typeof MailboxExportResult>;

export const RevokeInput = z.object({ requestId }).meta({ id: 'RevokeInput' });
export const RevokeResult = z.object({ export: MailboxExportResult.nullable() }).meta({ id: 'RevokeResult' });
