import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBody, SearchPage, SearchQuery } from '../../common/contract';
import type { AppContext } from '../app-context';
import { requireSession } from '../http/session-guard';
import { searchMail } from '../mail/search-mail';

export function searchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search',
      {
        preHandler: requireSession(ctx),
        schema: {
          tags: ['messages'],
          querystring: SearchQuery,
          response: {
            200: SearchPage,
            400: ApiErrorBody,
            401: ApiErrorBody,
            404: ApiErrorBody,
            503: ApiErrorBody,
          },
        },
      },
      async (req) =>
        ctx.imap.withClient(req.session!, (client) =>
          searchMail(client, req.query, { timeZone: ctx.config.org.timeZone }),
        ),
    );
  };
}
