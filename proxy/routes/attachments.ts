import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { safeContentType, safeFileName } from '../../common/policy/file-name';
import { messageFileRoutes as files } from '../../common/routes/mail';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { openAttachmentsZip } from '../mail/attachments-zip';
import { checkAllAttachments, openCheckedPart } from '../malware/checked-parts';

/**
 * What a browser may show instead of saving: raster images and PDF (the browser's own viewer, in a
 * document with CSP sandbox). Never SVG, HTML or XML: those would run as pages of this origin.
 */
const PREVIEWABLE = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'application/pdf',
]);

/**
 * Bytes of a message, streamed from IMAP: one attachment (download or preview), all of them as a
 * ZIP, or the raw source (download, or shown as plain text).
 */
export function attachmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.route({
      ...fromTable(files.attachment),
      handler: async (req, reply) => {
        const { mailbox, uid, part } = req.params;
        const who = { email: req.session!.email, ip: req.ip };
        // Đ8.2b: no byte reaches the user before clamd has seen the whole file (checked-parts.ts).
        const stream = await ctx.imap.withClient(
          req.session!,
          (client) => openCheckedPart(ctx, client, who, { mailbox, uid, part }),
          (s) => s.content,
        );
        const inline = req.query.inline && PREVIEWABLE.has(stream.contentType.toLowerCase());
        return sendBytes(reply, stream, inline ? { type: stream.contentType } : null);
      },
    });

    app.route({
      ...fromTable(files.attachmentsZip),
      handler: async (req, reply) => {
        const { mailbox, uid } = req.params;
        const who = { email: req.session!.email, ip: req.ip };
        const zip = await ctx.imap.withClient(
          req.session!,
          async (client) => {
            await checkAllAttachments(ctx, client, who, mailbox, uid);
            return openAttachmentsZip(client, mailbox, uid);
          },
          (z) => z.content,
        );
        return sendBytes(reply, { ...zip, contentType: 'application/zip', size: null }, null);
      },
    });

    app.route({
      ...fromTable(files.raw),
      handler: async (req, reply) => {
        const { mailbox, uid } = req.params;
        const who = { email: req.session!.email, ip: req.ip };
        // The source carries every attachment (encoded): it is scanned as a whole, as clamd reads mail.
        const stream = await ctx.imap.withClient(
          req.session!,
          (client) => openCheckedPart(ctx, client, who, { mailbox, uid, part: null }),
          (s) => s.content,
        );
        // "Xem mã nguồn": the source as text in a tab of its own; text/plain with nosniff is
        // never parsed as markup, whatever the message holds.
        const view = req.query.view ? { type: 'text/plain; charset=utf-8' } : null;
        return sendBytes(reply, stream, view);
      },
    });
  };
}

interface Bytes {
  content: NodeJS.ReadableStream;
  filename: string;
  contentType: string;
  size: number | null;
}

function sendBytes(reply: FastifyReply, bytes: Bytes, inline: { type: string } | null) {
  // RFC 6266: an ASCII fallback plus filename* in UTF-8, so "Công văn số 12.pdf" survives.
  // The name is neutralised again here, whatever produced it: it is the last place before the disk.
  reply.header(
    'content-disposition',
    contentDisposition(safeFileName(bytes.filename), { type: inline ? 'inline' : 'attachment' }),
  );
  reply.header('content-type', inline ? inline.type : safeDownloadType(safeContentType(bytes.contentType)));
  reply.header('x-content-type-options', 'nosniff');
  // Even if a browser were tricked into rendering it, nothing in it may run or load.
  reply.header('content-security-policy', "default-src 'none'; sandbox");
  reply.header('cross-origin-resource-policy', 'same-origin');
  // Office PCs are shared: mail must not stay in the browser cache after log-out.
  reply.header('cache-control', 'no-store');
  if (bytes.size !== null) reply.header('content-length', String(bytes.size));
  return reply.send(bytes.content);
}

/** Markup types are sent as opaque bytes: a download must never become a page of this origin. */
function safeDownloadType(type: string): string {
  return /html|xml|svg|javascript/i.test(type) ? 'application/octet-stream' : type;
}
