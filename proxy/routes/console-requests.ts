import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { UnitRequestView } from '../../common/contract';
import { consoleRequestRoutes as routes } from '../../common/routes/console-requests';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import type { UnitRequest } from '../console/requests/request-store';
import { finishUnitRequest, listUnitRequests, recordUnitRequest } from '../console/requests/unit-requests';
import { fromTable } from '../http/route';

const view = (r: UnitRequest): UnitRequestView => ({
  ...r,
  receivedAt: r.receivedAt.toISOString(),
  doneAt: r.doneAt?.toISOString() ?? null,
});

/** /api/console/requests (Đ5.2): units' written requests; unit managers read their own units'. */
export function requestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.route({
      ...fromTable(routes.list),
      preHandler: requireConsole(ctx, 'read'),
      handler: async (req) => ({
        requests: (await listUnitRequests(ctx, req.query, req.consoleUser!.units)).map(view),
      }),
    });

    app.route({
      ...fromTable(routes.record),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => view(await recordUnitRequest(ctx, req.body, actorOf(req))),
    });

    app.route({
      ...fromTable(routes.complete),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) =>
        view(await finishUnitRequest(ctx, req.params.id, 'done', req.body.outcome, actorOf(req))),
    });

    app.route({
      ...fromTable(routes.reject),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) =>
        view(await finishUnitRequest(ctx, req.params.id, 'rejected', req.body.reason, actorOf(req))),
    });
  };
}
