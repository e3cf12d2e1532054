import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorBody,
  EmptyResult,
  FolderCreate,
  FolderRename,
  FolderResult,
  MailboxList,
} from '../../common/contract';
import type { AppContext } from '../app-context';
import { requireSession } from '../http/session-guard';
import { specialFolderNames } from '../i18n/catalogue';
import { createFolder, deleteFolder, renameFolder } from '../mail/folder-actions';
import { listMailboxes } from '../mail/list-mailboxes';
import { emptyFolder } from '../mail/message-actions';

const MailboxParams = z.object({ mailbox: z.string().min(1).max(1000) });
const errors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
  503: ApiErrorBody,
};

export function mailboxRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.get(
      '/mailboxes',
      {
        schema: { tags: ['mailboxes'], response: { 200: MailboxList, 401: ApiErrorBody, 503: ApiErrorBody } },
      },
      async (req) => {
        const names = specialFolderNames(req.headers['accept-language'], ctx.config.org.defaultLocale);
        const mailboxes = await ctx.imap.withClient(req.session!, (client) => listMailboxes(client, names));
        return { mailboxes };
      },
    );

    app.post(
      '/mailboxes',
      { schema: { tags: ['mailboxes'], body: FolderCreate, response: { 201: FolderResult, ...errors } } },
      async (req, reply) => {
        const created = await ctx.imap.withClient(req.session!, (client) =>
          createFolder(client, req.body.path),
        );
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/mailboxes/:mailbox/rename',
      {
        schema: {
          tags: ['mailboxes'],
          params: MailboxParams,
          body: FolderRename,
          response: { 200: FolderResult, ...errors },
        },
      },
      async (req) =>
        ctx.imap.withClient(req.session!, (client) =>
          renameFolder(client, req.params.mailbox, req.body.newPath),
        ),
    );

    app.delete(
      '/mailboxes/:mailbox',
      { schema: { tags: ['mailboxes'], params: MailboxParams, response: { 200: FolderResult, ...errors } } },
      async (req) => ctx.imap.withClient(req.session!, (client) => deleteFolder(client, req.params.mailbox)),
    );

    // "Dọn sạch Thùng rác": Trash and Junk only; the client asks for confirmation first.
    app.post(
      '/mailboxes/:mailbox/empty',
      { schema: { tags: ['mailboxes'], params: MailboxParams, response: { 200: EmptyResult, ...errors } } },
      async (req) => ctx.imap.withClient(req.session!, (client) => emptyFolder(client, req.params.mailbox)),
    );
  };
}
