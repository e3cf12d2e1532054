import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleMaintenanceRoutes as routes } from '../../common/routes/console-maintenance';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import { cancelMaintenance, scheduleMaintenance } from '../console/maintenance/maintenance-notices';
import { createNoticeStore } from '../console/maintenance/notice-store';
import { consoleNotice, earliestMaintenanceStart } from '../console/maintenance/schedule-notice';
import { fromTable } from '../http/route';

/**
 * Đ8.1c planned outages: the console schedules and cancels them (admins only); notices.ts tells
 * everyone, logged in or not — the log-in page shows the banner too, and it holds no personal data.
 */
export function maintenanceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const notices = createNoticeStore(ctx.store.db);

    app.route({
      ...fromTable(routes.list),
      preHandler: requireConsole(ctx, 'write'),
      handler: async () => {
        const now = new Date();
        return { notices: (await notices.recent(now)).map((n) => consoleNotice(n, now)) };
      },
    });

    app.route({
      ...fromTable(routes.earliest),
      preHandler: requireConsole(ctx, 'write'),
      handler: async () => {
        const e = earliestMaintenanceStart(new Date(), ctx.config.holidays);
        return { earliestStart: e.earliestStart.toISOString(), earliestStartOn: e.earliestStartOn };
      },
    });

    app.route({
      ...fromTable(routes.create),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => scheduleMaintenance(ctx, notices, req.body, actorOf(req), new Date()),
    });

    app.route({
      ...fromTable(routes.cancel),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => cancelMaintenance(ctx, notices, req.params.id, actorOf(req), new Date()),
    });
  };
}
