import { z } from 'zod';

/** The six-monthly report (Đ12.10, Đ14.1c): counts per unit for a period. */

export const ReportPeriodId = z
  .string()
  .regex(/^\d{4}-(06|12)$/)
  .meta({ id: 'ReportPeriodId', description: 'The month the period ends: 2026-06 ends 20/6/2026.' });

export const ReportPeriodInfo = z
  .object({
    /** '2026-12': the period ending 20/12/2026. */
    id: ReportPeriodId,
    /** First day, yyyy-mm-dd in Viet Nam, included. */
    firstDay: z.string(),
    /** Last day, included (the day before 20/6 or 20/12). */
    lastDay: z.string(),
    /** Đ14.1c: units report before this date; Đ14.2đ: the Sở consolidates before consolidateBefore. */
    dueBefore: z.string(),
    consolidateBefore: z.string(),
    /** Still running: the counts are what happened so far. */
    current: z.boolean(),
  })
  .meta({ id: 'ReportPeriodInfo' });
export type ReportPeriodInfo = z.infer<typeof ReportPeriodInfo>;

const counts = {
  inUse: z.number().int(),
  personalInUse: z.number().int(),
  unitMailboxesInUse: z.number().int(),
  created: z.number().int(),
  suspended: z.number().int(),
  suspendedAtEnd: z.number().int(),
  revoked: z.number().int(),
  neverLoggedIn: z.number().int(),
  /** null: usage is unknown (doveadm not configured or not answering). */
  nearQuota: z.number().int().nullable(),
};

export const ReportCountsBody = z.object(counts).meta({ id: 'ReportCounts' });
export type ReportCountsBody = z.infer<typeof ReportCountsBody>;

export const ReportUnitRow = z
  .object({
    code: z.string(),
    /** The official name from the unit tree, or the code when the unit is not recorded. */
    name: z.string(),
    ...counts,
    addressesInUse: z.array(z.string()),
  })
  .meta({ id: 'ReportUnitRow' });
export type ReportUnitRow = z.infer<typeof ReportUnitRow>;

export const ConsoleReport = z
  .object({
    period: ReportPeriodInfo,
    /** The periods to choose from: the current one and those before it. */
    periods: z.array(ReportPeriodInfo),
    /** The last closed period: what is due now. */
    defaultPeriod: ReportPeriodId,
    generatedAt: z.string(),
    /** Usage came from the provider (doveadm); otherwise nearQuota is null everywhere. */
    usageKnown: z.boolean(),
    units: z.array(ReportUnitRow),
    total: ReportCountsBody,
  })
  .meta({ id: 'ConsoleReport' });
export type ConsoleReport = z.infer<typeof ConsoleReport>;

export const ConsoleReportQuery = z.object({ period: ReportPeriodId.optional() });
