import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signingRoutes as signing } from '../../common/routes/signing';
import type { AppContext } from '../app-context';
import { prepareSigned, sendSigned } from '../compose/send-signed';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';

/** As a plain send's: the message's JSON may carry a long document (see routes/compose.ts). */
const MESSAGE_BODY_LIMIT = 12 * 1024 * 1024;

export function signingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.route({
      ...fromTable(signing.prepareSigned),
      bodyLimit: MESSAGE_BODY_LIMIT,
      handler: async (req) => prepareSigned(ctx, req.session!, req.body),
    });

    app.route({
      ...fromTable(signing.sendSigned),
      handler: async (req) => sendSigned(ctx, req.session!, req.body, req.ip),
    });
  };
}
