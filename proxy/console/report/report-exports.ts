import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { actorOf, auditExport } from '../console-guard';
import { fileName } from './report-labels';
import { reportPdf } from './report-pdf';
import { defaultPeriod, periodById, periodStarted } from './report-periods';
import { sixMonthlyReport } from './report-service';
import { reportXlsx } from './report-xlsx';

type Ctx = Pick<AppContext, 'accounts' | 'passwordDriver' | 'units' | 'config' | 'audit'>;

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * Đ12.10: the report of a period that has begun (no period: the last closed one), covering only
 * a unit manager's units for them.
 */
export function reportFor(ctx: Ctx, req: FastifyRequest, periodId: string | undefined, now = new Date()) {
  const period = periodId ? periodById(periodId) : defaultPeriod(now);
  if (!period || !periodStarted(period, now)) throw new ApiError('validation_failed', { field: 'period' });
  return sixMonthlyReport({ ...ctx, log: req.log }, period, req.consoleUser?.units ?? null, now);
}

/** The report as a document to download; who took which report is audited. */
export async function reportDocument(
  ctx: Ctx,
  req: FastifyRequest,
  periodId: string | undefined,
  format: 'xlsx' | 'pdf',
): Promise<{ fileName: string; contentType: string; body: Buffer | Uint8Array }> {
  const { report, kinds } = await reportFor(ctx, req, periodId);
  const org = ctx.config.org.name;
  const body = format === 'xlsx' ? await reportXlsx(report, kinds, org) : await reportPdf(report, org);
  await auditExport(
    ctx,
    req,
    { period: report.period.id, format, units: report.units.length },
    actorOf(req).name,
  );
  return { fileName: fileName(report, format), contentType: CONTENT_TYPES[format], body };
}
