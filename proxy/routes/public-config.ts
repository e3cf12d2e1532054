import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicConfigRoutes as config } from '../../common/routes/site';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';

export function publicConfigRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.route({
      ...fromTable(config.get),
      handler: async () => ({
        orgName: ctx.config.org.name,
        productName: ctx.config.org.productName,
        mailDomain: ctx.config.org.mailDomain,
        supportAddress: ctx.config.org.supportAddress,
        sourceUrl: ctx.config.sourceUrl,
        defaultLocale: ctx.config.org.defaultLocale,
        timeZone: ctx.config.org.timeZone,
        limits: {
          attachmentMaxBytes: ctx.config.limits.attachmentMaxBytes,
          undoSendSeconds: ctx.config.limits.undoSendSeconds,
          passwordMinLength: ctx.config.limits.passwordMinLength,
          passwordMaxAgeDays: ctx.config.passwordAge.maxAgeDays,
        },
      }),
    });
  };
}
