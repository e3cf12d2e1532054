import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context';
import { ApiErrorBody, MailboxList } from '../contract';
import { requireSession } from '../http/session-guard';
import { specialFolderNames } from '../i18n/catalogue';
import { listMailboxes } from '../mail/list-mailboxes';

export function mailboxRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/mailboxes',
      {
        preHandler: requireSession(ctx),
        schema: { tags: ['mailboxes'], response: { 200: MailboxList, 401: ApiErrorBody, 503: ApiErrorBody } },
      },
      async (req) => {
        const names = specialFolderNames(req.headers['accept-language'], ctx.config.org.defaultLocale);
        const mailboxes = await ctx.imap.withClient(req.session!, (client) => listMailboxes(client, names));
        return { mailboxes };
      },
    );
  };
}
