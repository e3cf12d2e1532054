import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { composeRoutes as compose } from '../../common/routes/compose';
import type { AppContext } from '../app-context';
import { discardDraft, saveDraft } from '../compose/drafts';
import { composePrefill } from '../compose/prefill';
import { receiveUpload } from '../compose/receive-upload';
import { sendMessage } from '../compose/send';
import { completeRecipients } from '../contacts/complete-recipients';
import { ApiError } from '../errors';
import { fromTable, sendNoContent } from '../http/route';
import { requireSession } from '../http/session-guard';
import { pickLocale } from '../i18n/catalogue';

/**
 * A message's JSON: html and text may be up to 5,000,000 characters each (OutgoingMessage), plus
 * recipients and framing; the server's 1 MiB default would refuse a long document pasted in.
 * Attachments never count here: they are uploaded apart, as multipart.
 */
const MESSAGE_BODY_LIMIT = 12 * 1024 * 1024;

export function composeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const cap = ctx.config.limits.attachmentMaxBytes;
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { files: 1, fields: 0, fileSize: cap + 1, parts: 2 } });
    app.addHook('preHandler', requireSession(ctx));

    const upload = fromTable(compose.upload);
    app.route({
      ...upload,
      schema: { ...upload.schema, consumes: ['multipart/form-data'] },
      handler: async (req, reply) => {
        try {
          const saved = await receiveUpload(ctx, req.session!, req.query.composeId, {
            declaredLength: Number(req.headers['content-length'] ?? 0),
            ip: req.ip,
            file: () => req.file(),
          });
          return reply.status(201).send(saved);
        } catch (err) {
          // Connection: close, so the rest of an oversized body is not read into a kept-alive socket.
          if (err instanceof ApiError && err.code === 'attachment_too_large')
            reply.header('connection', 'close');
          throw err;
        }
      },
    });

    app.route({
      ...fromTable(compose.removeUpload),
      handler: async (req, reply) => {
        const removed = await ctx.uploads.remove(req.session!.email, req.query.composeId, req.params.id);
        if (!removed) throw new ApiError('upload_not_found', { id: req.params.id });
        return sendNoContent(reply);
      },
    });

    app.route({
      ...fromTable(compose.saveDraft),
      bodyLimit: MESSAGE_BODY_LIMIT,
      handler: async (req) => saveDraft(ctx, req.session!, req.body),
    });

    app.route({
      ...fromTable(compose.discardDraft),
      handler: async (req, reply) => {
        await discardDraft(ctx, req.session!, req.query.composeId, req.query.draftUid);
        return sendNoContent(reply);
      },
    });

    app.route({
      ...fromTable(compose.send),
      bodyLimit: MESSAGE_BODY_LIMIT,
      handler: async (req) => sendMessage(ctx, req.session!, req.body, req.ip),
    });

    app.route({
      ...fromTable(compose.prefill),
      handler: async (req) =>
        composePrefill(
          ctx,
          req.session!,
          req.query,
          pickLocale(req.headers['accept-language'], ctx.config.org.defaultLocale),
        ),
    });

    app.route({
      ...fromTable(compose.contacts),
      handler: async (req) => ({ contacts: await completeRecipients(ctx, req.session!.email, req.query.q) }),
    });
  };
}
