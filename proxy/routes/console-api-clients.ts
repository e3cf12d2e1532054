import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleApiClientRoutes as routes } from '../../common/routes/console-api-clients';
import {
  createApiClient,
  listApiClients,
  revokeApiClient,
  rotateApiClient,
} from '../api-clients/api-client-admin';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import { fromTable, sendNoContent } from '../http/route';

/**
 * Đ14.2g: API clients of unit mailboxes. Everyone at the console sees those of their units; only
 * admins create, rotate and revoke them (Đ5.1: the Sở runs access to mailboxes).
 */
export function consoleApiClientRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.route({
      ...fromTable(routes.list),
      preHandler: requireConsole(ctx, 'read'),
      handler: async (req) => ({ clients: await listApiClients(ctx, req.consoleUser!.units) }),
    });

    app.route({
      ...fromTable(routes.create),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => createApiClient(ctx, req.body, actorOf(req)),
    });

    app.route({
      ...fromTable(routes.rotate),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => rotateApiClient(ctx, req.params.id, actorOf(req), req.consoleUser!.units),
    });

    app.route({
      ...fromTable(routes.revoke),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req, reply) => {
        await revokeApiClient(ctx, req.params.id, actorOf(req), req.consoleUser!.units);
        return sendNoContent(reply);
      },
    });
  };
}
