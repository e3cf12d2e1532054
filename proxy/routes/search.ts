import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchRoutes as search } from '../../common/routes/mail';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { searchMail } from '../mail/search-mail';

export function searchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.route({
      ...fromTable(search.search),
      preHandler: requireSession(ctx),
      handler: async (req) =>
        ctx.imap.withClient(req.session!, (client) =>
          searchMail(client, req.query, { timeZone: ctx.config.org.timeZone }),
        ),
    });
  };
}
