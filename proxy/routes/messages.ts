import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messageRoutes as messages } from '../../common/routes/mail';
import type { AppContext } from '../app-context';
import { fromTable, sendNoContent } from '../http/route';
import { requireSession } from '../http/session-guard';
import { listMessages } from '../mail/list-messages';
import { deleteMessages, moveMessages, setMessageFlags } from '../mail/message-actions';
import { readMessage } from '../mail/read-message';
import { senderTrustCheck } from '../sender/sender-trust';

export function messageRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));
    const senderTrust = senderTrustCheck(ctx.config, ctx.directory);

    app.route({
      ...fromTable(messages.list),
      handler: async (req) => {
        const { cursor, offset, limit, ...view } = req.query;
        return ctx.imap.withClient(req.session!, (client) =>
          listMessages(client, req.params.mailbox, { cursor, offset, limit, view }),
        );
      },
    });

    app.route({
      ...fromTable(messages.get),
      handler: async (req) =>
        ctx.imap.withClient(req.session!, (client) =>
          readMessage(client, req.params.mailbox, req.params.uid, {
            senderTrust,
            signatures: ctx.signatures,
          }),
        ),
    });

    app.route({
      ...fromTable(messages.setFlags),
      handler: async (req, reply) => {
        const { add, remove, ...target } = req.body;
        await ctx.imap.withClient(req.session!, (client) =>
          setMessageFlags(client, req.params.mailbox, target, { add, remove }),
        );
        return sendNoContent(reply);
      },
    });

    app.route({
      ...fromTable(messages.move),
      handler: async (req) => {
        const { destination, special, ...target } = req.body;
        return ctx.imap.withClient(req.session!, (client) =>
          moveMessages(client, req.params.mailbox, target, { destination, special }),
        );
      },
    });

    app.route({
      ...fromTable(messages.remove),
      handler: async (req) =>
        ctx.imap.withClient(req.session!, (client) => deleteMessages(client, req.params.mailbox, req.body)),
    });
  };
}
