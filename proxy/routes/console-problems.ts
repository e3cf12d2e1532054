import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleProblemRoutes as routes } from '../../common/routes/console-problems';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import { problemReportOf, setProblemStatus } from '../console/problems/problem-queue';
import { createReportStore } from '../console/problems/report-store';
import { fromTable } from '../http/route';

/** Đ13.7: the Sở's admins work through the queue of reports users sent (problem-reports.ts). */
export function problemReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const reports = createReportStore(ctx.store.db);

    app.route({
      ...fromTable(routes.list),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => ({ reports: await reports.list(req.query) }),
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
