import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorBody,
  NewProblemReport,
  ProblemReport,
  ProblemReportList,
  ProblemReportQuery,
  ProblemReportReceipt,
  ProblemReportUpdate,
} from '../../common/contract';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import { createReportStore } from '../console/problems/report-store';
import { submitProblemReport } from '../console/problems/submit-report';
import { ApiError } from '../errors';
import { requireSession } from '../http/session-guard';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

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

    app.get(
      '/console/problems',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          querystring: ProblemReportQuery,
          response: { 200: ProblemReportList, 403: ApiErrorBody },
        },
      },
      async (req) => ({ reports: reports.list(req.query) }),
    );

    app.get(
      '/console/problems/:id',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          params: IdParams,
          response: { 200: ProblemReport, 403: ApiErrorBody, 404: ApiErrorBody },
        },
      },
      async (req) => {
        const report = reports.get(req.params.id);
        if (!report) throw new ApiError('problem_report_not_found');
        return report;
      },
    );

    app.post(
      '/console/problems/:id/status',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          params: IdParams,
          body: ProblemReportUpdate,
          response: { 200: ProblemReport, 400: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const { status, resolution } = req.body;
        if (!reports.setStatus(req.params.id, status, resolution ?? null, actor.name, new Date())) {
          throw new ApiError('problem_report_not_found');
        }
        const report = reports.get(req.params.id)!;
        ctx.audit.record({
          actor: actor.name,
          email: report.reporter,
          action: 'problem_report',
          outcome: 'ok',
          ip: actor.ip,
          details: { op: status, id: report.id },
        });
        return report;
      },
    );
  };
}
