import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBody, NewProblemReport, ProblemReportReceipt } from '../../common/contract';
import { consoleProblemRoutes as routes } from '../../common/routes/console-problems';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import { problemReportOf, setProblemStatus } from '../console/problems/problem-queue';
import { createReportStore } from '../console/problems/report-store';
import { submitProblemReport } from '../console/problems/submit-report';
import { ApiError } from '../errors';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';

/** R-13.7: users report from the webmail; the Sở's admins work through the queue in the console. */
export function problemReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const reports = createReportStore(ctx.db);

    app.post(
      '/problem-reports',
      {
        preHandler: requireSession(ctx),
        schema: {
          tags: ['problem-reports'],
          body: NewProblemReport,
          response: { 200: ProblemReportReceipt, 400: ApiErrorBody, 404: ApiErrorBody, 429: ApiErrorBody },
        },
      },
      async (req) => {
        const email = req.session!.email;
        const userAgent = req.headers['user-agent']?.slice(0, 300) ?? null;
        const details = (extra: Record<string, string | number | boolean>) => ({
          kind: req.body.kind,
          ...extra,
        });
        try {
          const { receipt, forwardError } = await submitProblemReport(
            ctx,
            reports,
            req.session!,
            req.body,
            userAgent,
          );
          if (forwardError)
            req.log.warn({ id: receipt.id, code: forwardError }, 'problem report not forwarded');
          ctx.audit.record({
            actor: email,
            email,
            action: 'problem_report',
            outcome: 'ok',
            ip: req.ip,
            details: details({
              id: receipt.id,
              forwarded: receipt.forwarded,
              movedToJunk: receipt.movedToJunk,
            }),
          });
          return receipt;
        } catch (err) {
          if (err instanceof ApiError)
            ctx.audit.record({
              actor: email,
              email,
              action: 'problem_report',
              outcome: err.code,
              ip: req.ip,
              details: details({}),
            });
          throw err;
        }
      },
    );

    app.route({
      ...fromTable(routes.list),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => ({ reports: reports.list(req.query) }),
    });

    app.route({
      ...fromTable(routes.get),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => problemReportOf(reports, req.params.id),
    });

    app.route({
      ...fromTable(routes.setStatus),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) =>
        setProblemStatus(ctx, reports, req.params.id, req.body, actorOf(req), new Date()),
    });
  };
}
