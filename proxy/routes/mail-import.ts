import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MailImportEvent } from '../../common/contract';
import { mailImportRoutes as routes } from '../../common/routes/mail-import';
import type { AppContext } from '../app-context';
import { ApiError } from '../errors';
import { bytesReply, fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { vietnameseMessage } from '../i18n/catalogue';
import { openAppender } from '../import/append-messages';
import { type ImportFile, importMailFiles } from '../import/import-files';

/** One uploaded file may be a whole mbox of several gigabytes; it is read as it streams. */
const IMPORT_FILE_MAX_BYTES = 16 * 1024 ** 3;
const IMPORT_FILES_MAX = 50;

/** The request's files, one at a time, as multipart hands them over. */
async function* uploadedFiles(req: FastifyRequest): AsyncGenerator<ImportFile> {
  for await (const part of req.files()) {
    yield { filename: part.filename || 'tep', stream: part.file, discard: () => part.file.resume() };
  }
}

/**
 * Đ8.2d, mail from files: POST multipart to /mailboxes/:mailbox/import. Plain, the answer is the
 * report once everything is read; with `stream=1` it is NDJSON, a progress line every few messages
 * and the report last, so the page can show how far a large mbox got.
 */
export function mailImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, {
      limits: { files: IMPORT_FILES_MAX, fields: 0, fileSize: IMPORT_FILE_MAX_BYTES },
    });
    app.addHook('preHandler', requireSession(ctx));

    const spec = fromTable(routes.importFiles);
    app.route({
      ...spec,
      schema: { ...spec.schema, consumes: ['multipart/form-data'] },
      handler: async (req, reply) => {
        if (!req.isMultipart()) throw new ApiError('validation_failed', { field: 'file' });
        const folder = req.params.mailbox;
        const options = {
          folder,
          variant: req.query.mbox,
          maxMessageBytes: ctx.config.limits.attachmentMaxBytes,
        };
        if (!req.query.stream) {
          return ctx.imap.withClient(req.session!, async (client) => {
            // The folder is checked (and its index read) before a byte of the files is.
            const appender = await openAppender(client, folder, { ...options, now: () => new Date() });
            return importMailFiles(uploadedFiles(req), appender, options);
          });
        }
        const out = new PassThrough();
        const line = (event: MailImportEvent) => out.write(`${JSON.stringify(event)}\n`);
        const stream = await ctx.imap.withClient(
          req.session!,
          async (client) => {
            const appender = await openAppender(client, folder, { ...options, now: () => new Date() });
            importMailFiles(uploadedFiles(req), appender, { ...options, onProgress: line })
              .then((report) => line({ type: 'report', report }))
              .catch((err: unknown) => {
                req.log.warn({ err }, 'mail import failed');
                const code = err instanceof ApiError ? err.code : 'provider_unavailable';
                line({ type: 'error', error: { code, message: vietnameseMessage(code, undefined) } });
              })
              .finally(() => out.end());
            return out;
          },
          (s) => s,
        );
        return bytesReply(reply)
          .type('application/x-ndjson; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(stream);
      },
    });
  };
}
