import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBody, ConsoleReport, ConsoleReportQuery } from '../../common/contract';
import type { AppContext } from '../app-context';
import { actorOf, auditExport, requireConsole } from '../console/console-guard';
import { fileName } from '../console/report/report-labels';
import { reportPdf } from '../console/report/report-pdf';
import { defaultPeriod, periodById, periodStarted } from '../console/report/report-periods';
import { sixMonthlyReport } from '../console/report/report-service';
import { reportXlsx } from '../console/report/report-xlsx';
import { ApiError } from '../errors';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * the six-monthly report: the page's JSON and the two documents (GET, so a plain link
 * downloads them with the session cookie). A unit manager's report covers only their units.
 */
export function consoleReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const build = (req: FastifyRequest, periodId: string | undefined) => {
      const now = new Date();
      const period = periodId ? periodById(periodId) : defaultPeriod(now);
      if (!period || !periodStarted(period, now))
        throw new ApiError('validation_failed', { field: 'period' });
      return sixMonthlyReport({ ...ctx, log: req.log }, period, req.consoleUser?.units ?? null, now);
    };
    const errors = { 400: ApiErrorBody, 403: ApiErrorBody };
    const documentSchema = { tags: ['console'], querystring: ConsoleReportQuery, response: errors };

    app.get(
      '/console/report',
      {
        preHandler: requireConsole(ctx, 'read'),
        schema: {
          tags: ['console'],
          querystring: ConsoleReportQuery,
          response: { 200: ConsoleReport, ...errors },
        },
      },
      async (req) => (await build(req, req.query.period)).report,
    );

    const download = async (
      req: FastifyRequest,
      reply: FastifyReply,
      periodId: string | undefined,
      format: 'xlsx' | 'pdf',
    ) => {
      const { report, kinds } = await build(req, periodId);
      const org = ctx.config.org.name;
      const bytes = format === 'xlsx' ? await reportXlsx(report, kinds, org) : await reportPdf(report, org);
      auditExport(
        ctx,
        req,
        { period: report.period.id, format, units: report.units.length },
        actorOf(req).name,
      );
      return reply
        .header('content-type', format === 'xlsx' ? XLSX_TYPE : 'application/pdf')
        .header('content-disposition', contentDisposition(fileName(report, format)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(bytes);
    };

    app.get(
      '/console/report.xlsx',
      { preHandler: requireConsole(ctx, 'read'), schema: documentSchema },
      (req, reply) => download(req, reply, req.query.period, 'xlsx'),
    );
    app.get(
      '/console/report.pdf',
      { preHandler: requireConsole(ctx, 'read'), schema: documentSchema },
      (req, reply) => download(req, reply, req.query.period, 'pdf'),
    );
  };
}
