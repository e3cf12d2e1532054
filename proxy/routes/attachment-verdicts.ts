import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { malwareRoutes } from '../../common/routes/malware';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { attachmentVerdicts } from '../malware/checked-parts';

/** Đ8.2b: the malware verdict on each attachment of a message, for the reader's chips. */
export function attachmentVerdictRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.route({
      ...fromTable(malwareRoutes.attachmentVerdicts),
      handler: async (req) => {
        const { mailbox, uid } = req.params;
        const who = { email: req.session!.email, ip: req.ip };
        const attachments = await ctx.imap.withClient(req.session!, (client) =>
          attachmentVerdicts(ctx, client, who, mailbox, uid),
        );
        return { attachments };
      },
    });
  };
}
