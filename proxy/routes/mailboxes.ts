import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mailboxRoutes as mailboxes } from '../../common/routes/mail';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { specialFolderNames } from '../i18n/catalogue';
import { createFolder, deleteFolder, renameFolder } from '../mail/folder-actions';
import { listMailboxes } from '../mail/list-mailboxes';
import { emptyFolder } from '../mail/message-actions';

export function mailboxRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.route({
      ...fromTable(mailboxes.list),
      handler: async (req) => {
        const names = specialFolderNames(req.headers['accept-language'], ctx.config.org.defaultLocale);
        const list = await ctx.imap.withClient(req.session!, (client) => listMailboxes(client, names));
        return { mailboxes: list };
      },
    });

    app.route({
      ...fromTable(mailboxes.create),
      handler: async (req, reply) => {
        const created = await ctx.imap.withClient(req.session!, (client) =>
          createFolder(client, req.body.path),
        );
        return reply.status(201).send(created);
      },
    });

    app.route({
      ...fromTable(mailboxes.rename),
      handler: async (req) =>
        ctx.imap.withClient(req.session!, (client) =>
          renameFolder(client, req.params.mailbox, req.body.newPath),
        ),
    });

    app.route({
      ...fromTable(mailboxes.remove),
      handler: async (req) =>
        ctx.imap.withClient(req.session!, (client) => deleteFolder(client, req.params.mailbox)),
    });

    app.route({
      ...fromTable(mailboxes.empty),
      handler: async (req) =>
        ctx.imap.withClient(req.session!, (client) => emptyFolder(client, req.params.mailbox)),
    });
  };
}
