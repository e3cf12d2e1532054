import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorBody,
  DeleteRequest,
  FlagsUpdate,
  MessageDetail,
  MessagePage,
  MessagePageQuery,
  MoveRequest,
  MoveResult,
} from '../../common/contract';
import type { AppContext } from '../app-context';
import { requireSession } from '../http/session-guard';
import { listMessages } from '../mail/list-messages';
import { deleteMessages, moveMessages, setMessageFlags } from '../mail/message-actions';
import { readMessage } from '../mail/read-message';

const MailboxParams = z.object({ mailbox: z.string().min(1).max(1000) });
const MessageParams = MailboxParams.extend({ uid: z.coerce.number().int().positive() });

const errors = { 401: ApiErrorBody, 404: ApiErrorBody, 503: ApiErrorBody };
const actionErrors = { ...errors, 400: ApiErrorBody, 409: ApiErrorBody };

export function messageRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.get(
      '/mailboxes/:mailbox/messages',
      {
        schema: {
          tags: ['messages'],
          params: MailboxParams,
          querystring: MessagePageQuery,
          response: { 200: MessagePage, ...errors },
        },
      },
      async (req) => {
        const { cursor, offset, limit, ...view } = req.query;
        return ctx.imap.withClient(req.session!, (client) =>
          listMessages(client, req.params.mailbox, { cursor, offset, limit, view }),
        );
      },
    );

    app.get(
      '/mailboxes/:mailbox/messages/:uid',
      { schema: { tags: ['messages'], params: MessageParams, response: { 200: MessageDetail, ...errors } } },
      async (req) =>
        ctx.imap.withClient(req.session!, (client) =>
          readMessage(client, req.params.mailbox, req.params.uid),
        ),
    );

    app.post(
      '/mailboxes/:mailbox/messages/flags',
      {
        schema: {
          tags: ['messages'],
          params: MailboxParams,
          body: FlagsUpdate,
          response: { 204: z.null(), ...actionErrors },
        },
      },
      async (req, reply) => {
        const { add, remove, ...target } = req.body;
        await ctx.imap.withClient(req.session!, (client) =>
          setMessageFlags(client, req.params.mailbox, target, { add, remove }),
        );
        return reply.status(204).send(null);
      },
    );

    // Move, archive (special: archive), junk / not junk (special: junk / inbox).
    app.post(
      '/mailboxes/:mailbox/messages/move',
      {
        schema: {
          tags: ['messages'],
          params: MailboxParams,
          body: MoveRequest,
          response: { 200: MoveResult, ...actionErrors },
        },
      },
      async (req) => {
        const { destination, special, ...target } = req.body;
        return ctx.imap.withClient(req.session!, (client) =>
          moveMessages(client, req.params.mailbox, target, { destination, special }),
        );
      },
    );

    app.post(
      '/mailboxes/:mailbox/messages/delete',
      {
        schema: {
          tags: ['messages'],
          params: MailboxParams,
          body: DeleteRequest,
          response: { 200: MoveResult, ...actionErrors },
        },
      },
      async (req) =>
        ctx.imap.withClient(req.session!, (client) => deleteMessages(client, req.params.mailbox, req.body)),
    );
  };
}
