import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorBody,
  ProblemReport,
  ProblemReportList,
  ProblemReportQuery,
  ProblemReportUpdate,
} from '../../common/contract';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import { createReportStore } from '../console/problems/report-store';
import { ApiError } from '../errors';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** R-13.7: the Sở's admins work through the queue of reports users sent from the webmail. */
export function problemReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const reports = createReportStore(ctx.db);

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
