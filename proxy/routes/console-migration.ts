import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleMigrationRoutes as routes } from '../../common/routes/console-migration';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import { batchJobReport, batchProgress, startBatch } from '../console/migration/batch-service';
import { fromTable } from '../http/route';

/** Đ8.2d for a whole unit (admins only): start a batch from a CSV, follow it, read each report. */
export function consoleMigrationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireConsole(ctx, 'write'));

    app.route({
      ...fromTable(routes.start),
      handler: async (req) => startBatch(ctx, req.body, actorOf(req)),
    });

    app.route({
      ...fromTable(routes.progress),
      handler: async (req) => batchProgress(ctx, req.params.batchId),
    });

    app.route({
      ...fromTable(routes.report),
      handler: async (req) => batchJobReport(ctx, req.params.batchId, req.params.jobId),
    });
  };
}
