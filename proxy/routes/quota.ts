import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorBody, QuotaInfo } from '../../common/contract';
import type { AppContext } from '../app-context';
import { requireSession } from '../http/session-guard';
import { readQuota } from '../mail/read-quota';

export function quotaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/quota',
      {
        preHandler: requireSession(ctx),
        schema: { tags: ['account'], response: { 200: QuotaInfo, 401: ApiErrorBody, 503: ApiErrorBody } },
      },
      async (req) =>
        ctx.imap.withClient(req.session!, (client) => readQuota(client, ctx.config.quotaThresholds)),
    );
  };
}
