import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemReportRoutes as problemReports } from '../../common/routes/site';
import type { AppContext } from '../app-context';
import { createReportStore } from '../console/problems/report-store';
import { submitProblemReport } from '../console/problems/submit-report';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';

/** Đ13.7: users report from the webmail; the console's queue is console-problems.ts. */
export function reportProblemRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const reports = createReportStore(ctx.store.db);
    app.route({
      ...fromTable(problemReports.submit),
      preHandler: requireSession(ctx),
      handler: async (req) => {
        const userAgent = req.headers['user-agent']?.slice(0, 300) ?? null;
        const { receipt, forwardError } = await submitProblemReport(ctx, reports, req.session!, req.body, {
          userAgent,
          ip: req.ip,
        });
        if (forwardError)
          req.log.warn({ id: receipt.id, code: forwardError }, 'problem report not forwarded');
        return receipt;
      },
    });
  };
}
