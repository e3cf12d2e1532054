import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicConfig } from '../../common/contract';
import type { AppContext } from '../app-context';

export function publicConfigRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/config', { schema: { tags: ['config'], response: { 200: PublicConfig } } }, async () => ({
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
    }));
  };
}
