import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sieveRoutes as sieve } from '../../common/routes/sieve';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { readSieveState, saveSieveRules } from '../sieve/sieve-service';

/** Out-of-office and filters, over ManageSieve with the credentials of the user's session. */
export function sieveRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.route({
      ...fromTable(sieve.get),
      handler: async (req) => readSieveState(ctx.config.sieve, req.session!),
    });

    app.route({
      ...fromTable(sieve.put),
      handler: async (req) => saveSieveRules(ctx.config.sieve, req.session!, req.body),
    });
  };
}
