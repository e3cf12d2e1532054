import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorBody,
  ComposePrefill,
  Contact,
  DiscardDraftQuery,
  DraftSaved,
  OutgoingMessage,
  PrefillQuery,
  SendResult,
  UploadedAttachment,
} from '../../common/contract';
import type { AppContext } from '../app-context';
import { formatMb } from '../compose/build-message';
import { discardDraft, saveDraft } from '../compose/drafts';
import { composePrefill } from '../compose/prefill';
import { sendMessage } from '../compose/send';
import { cleanFilename } from '../compose/upload-store';
import { ApiError } from '../errors';
import { requireSession } from '../http/session-guard';
import { pickLocale } from '../i18n/catalogue';

const ComposeQuery = z.object({ composeId: z.uuid() });
// Multipart framing around one file (boundaries, headers, a long Vietnamese file name).
const MULTIPART_OVERHEAD = 64 * 1024;
const errors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  403: ApiErrorBody,
  404: ApiErrorBody,
  503: ApiErrorBody,
};

export function composeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const cap = ctx.config.limits.attachmentMaxBytes;
  return async (app) => {
    await app.register(fastifyMultipart, { limits: { files: 1, fields: 0, fileSize: cap + 1, parts: 2 } });
    app.addHook('preHandler', requireSession(ctx));

    app.post(
      '/uploads',
      {
        schema: {
          tags: ['compose'],
          querystring: ComposeQuery,
          consumes: ['multipart/form-data'],
          response: { 201: UploadedAttachment, 413: ApiErrorBody, ...errors },
        },
      },
      async (req, reply) => {
        const email = req.session!.email;
        const { composeId } = req.query;
        const already = (await ctx.uploads.list(email, composeId)).reduce((sum, a) => sum + a.size, 0);
        const remaining = cap - already;
        const tooLarge = () => {
          ctx.audit.record({
            actor: email,
            email,
            action: 'policy_refusal',
            outcome: 'attachment_too_large',
            ip: req.ip,
            details: { alreadyAttached: already, limit: cap },
          });
          // Connection: close, so the rest of an oversized body is not read into a kept-alive socket.
          reply.header('connection', 'close');
          return new ApiError('attachment_too_large', { limit: formatMb(cap), total: formatMb(already) });
        };
        // Refused before a byte is read when the declared size already says so (R-7.2a).
        if (Number(req.headers['content-length'] ?? 0) > remaining + MULTIPART_OVERHEAD) throw tooLarge();
        const file = await req.file();
        if (!file) throw new ApiError('validation_failed', { field: 'file' });
        const saved = await ctx.uploads.save(
          email,
          composeId,
          {
            filename: cleanFilename(file.filename),
            contentType: file.mimetype || 'application/octet-stream',
            stream: file.file,
          },
          Math.max(0, remaining),
        );
        if ('tooLarge' in saved) throw tooLarge();
        return reply.status(201).send(saved);
      },
    );

    app.delete(
      '/uploads/:id',
      {
        schema: {
          tags: ['compose'],
          params: z.object({ id: z.string().max(100) }),
          querystring: ComposeQuery,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        const removed = await ctx.uploads.remove(req.session!.email, req.query.composeId, req.params.id);
        if (!removed) throw new ApiError('upload_not_found', { id: req.params.id });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/drafts',
      {
        bodyLimit: 12 * 1024 * 1024,
        schema: {
          tags: ['compose'],
          body: OutgoingMessage,
          response: { 200: DraftSaved, 413: ApiErrorBody, 507: ApiErrorBody, ...errors },
        },
      },
      async (req) => saveDraft(ctx, req.session!, req.body),
    );

    // "Bỏ thư nháp": the window's draft leaves Drafts for good (as Gmail's discard does) and its
    // uploads are dropped; a window never saved only drops its uploads.
    app.delete(
      '/drafts',
      {
        schema: {
          tags: ['compose'],
          querystring: DiscardDraftQuery,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await discardDraft(ctx, req.session!, req.query.composeId, req.query.draftUid);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/send',
      {
        bodyLimit: 12 * 1024 * 1024,
        schema: {
          tags: ['compose'],
          body: OutgoingMessage,
          response: {
            200: SendResult,
            409: ApiErrorBody,
            413: ApiErrorBody,
            422: ApiErrorBody,
            502: ApiErrorBody,
            ...errors,
          },
        },
      },
      async (req) => sendMessage(ctx, req.session!, req.body, req.ip),
    );

    app.get(
      '/compose/prefill',
      {
        schema: {
          tags: ['compose'],
          querystring: PrefillQuery,
          response: { 200: ComposePrefill, ...errors },
        },
      },
      async (req) =>
        composePrefill(
          ctx,
          req.session!,
          req.query,
          pickLocale(req.headers['accept-language'], ctx.config.org.defaultLocale),
        ),
    );

    app.get(
      '/contacts',
      {
        schema: {
          tags: ['compose'],
          querystring: z.object({ q: z.string().trim().min(1).max(100) }),
          response: { 200: z.object({ contacts: z.array(Contact) }), ...errors },
        },
      },
      async (req) => ({ contacts: ctx.directory.search(req.session!.email, req.query.q) }),
    );
  };
}
