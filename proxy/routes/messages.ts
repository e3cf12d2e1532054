import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context';
import {
  ApiErrorBody,
  DeleteRequest,
  FlagsUpdate,
  MessageDetail,
  MessagePage,
  MessagePageQuery,
  MoveRequest,
  MoveResult,
} from '../contract';
import { requireSession } from '../http/session-guard';
import { listMessages } from '../mail/list-messages';
import { deleteMessages, moveMessages, setMessageFlags } from '../mail/message-actions';
import { openPart, readMessage } from '../mail/read-message';

const MailboxParams = z.object({ mailbox: z.string().min(1).max(1000) });
const MessageParams = MailboxParams.extend({ uid: z.coerce.number().int().positive() });
const PartParams = MessageParams.extend({ part: z.string().regex(/^\d+(\.\d+)*$/) });

/** Raster images the browser can show inline without running anything (never SVG or HTML). */
const INLINE_SAFE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

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

    app.get(
      '/mailboxes/:mailbox/messages/:uid/attachments/:part',
      {
        schema: {
          tags: ['messages'],
          params: PartParams,
          querystring: z.object({ inline: z.enum(['1']).optional() }),
        },
      },
      async (req, reply) => {
        const { mailbox, uid, part } = req.params;
        const stream = await ctx.imap.withClient(
          req.session!,
          (client) => openPart(client, mailbox, uid, part),
          (s) => s.content,
        );
        const inline = req.query.inline === '1' && INLINE_SAFE.has(stream.contentType);
        return sendDownload(reply, stream, inline);
      },
    );

    app.get(
      '/mailboxes/:mailbox/messages/:uid/raw',
      { schema: { tags: ['messages'], params: MessageParams } },
      async (req, reply) => {
        const { mailbox, uid } = req.params;
        const stream = await ctx.imap.withClient(
          req.session!,
          (client) => openPart(client, mailbox, uid, null),
          (s) => s.content,
        );
        return sendDownload(reply, stream, false);
      },
    );
  };
}

function sendDownload(
  reply: import('fastify').FastifyReply,
  stream: Awaited<ReturnType<typeof openPart>>,
  inline: boolean,
) {
  // RFC 6266: an ASCII fallback plus filename* in UTF-8, so "Công văn số 12.pdf" survives.
  reply.header(
    'content-disposition',
    contentDisposition(stream.filename, { type: inline ? 'inline' : 'attachment' }),
  );
  reply.header('content-type', inline ? stream.contentType : safeDownloadType(stream.contentType));
  reply.header('x-content-type-options', 'nosniff');
  // Even if a browser were tricked into rendering it, nothing in it may run or load.
  reply.header('content-security-policy', "default-src 'none'; sandbox");
  // Office PCs are shared: mail must not stay in the browser cache after log-out.
  reply.header('cache-control', 'no-store');
  if (stream.size !== null) reply.header('content-length', String(stream.size));
  return reply.send(stream.content);
}

/** Markup types are sent as opaque bytes: a download must never become a page of this origin. */
function safeDownloadType(type: string): string {
  return /html|xml|svg|javascript/i.test(type) ? 'application/octet-stream' : type;
}
