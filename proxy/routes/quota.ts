import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { quotaRoutes as quota } from '../../common/routes/account';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { readQuota } from '../mail/read-quota';

export function quotaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.route({
      ...fromTable(quota.get),
      preHandler: requireSession(ctx),
      handler: async (req) =>
        ctx.imap.withClient(req.session!, (client) => readQuota(client, ctx.config.quotaThresholds)),
    });
  };
}
