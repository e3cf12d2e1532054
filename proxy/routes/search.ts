import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchRoutes as search } from '../../common/routes/mail';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { searchMail } from '../mail/search-mail';
import { decodeIndexCursor } from '../search-index/index-cursor';

export function searchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.route({
      ...fromTable(search.search),
      preHandler: requireSession(ctx),
      handler: async (req) => {
        const options = { timeZone: ctx.config.org.timeZone };
        const session = req.session!;
        return ctx.imap.withClient(session, async (client) => {
          // The index answers when it is complete and in step; else the scanning search does
          // (and a cursor of the index's, from before a folder fell out of step, starts over).
          const indexed = await ctx.searchIndex?.search(client, session, req.query, options);
          if (indexed) return indexed;
          const fromIndex = req.query.cursor && decodeIndexCursor(req.query.cursor);
          return searchMail(client, fromIndex ? { ...req.query, cursor: undefined } : req.query, options);
        });
      },
    });
    app.route({
      ...fromTable(search.indexProgress),
      preHandler: requireSession(ctx),
      handler: async (req) =>
        ctx.searchIndex?.progress(req.session!.email) ?? { state: 'off' as const, indexed: 0, total: 0 },
    });
  };
}
