import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleImportRoutes as routes } from '../../common/routes/console-import';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import { createFromImport, previewStaffList } from '../console/import/import-service';
import { STAFF_LIST_MAX_BYTES } from '../console/import/read-staff-list';
import { ApiError } from '../errors';
import { fromTable } from '../http/route';

const tooLarge = () =>
  new ApiError('import_too_large', { limit: `${STAFF_LIST_MAX_BYTES / 1024 / 1024} MB` });

/**
 * Bulk import of a unit's staff list (admin only): the preview reads the uploaded CSV/XLSX and
 * shows the proposed addresses and problems without creating anything; create makes the kept rows.
 */
export function consoleImportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, {
      limits: { files: 1, fields: 0, parts: 1, fileSize: STAFF_LIST_MAX_BYTES + 1 },
    });

    const preview = fromTable(routes.preview);
    app.route({
      ...preview,
      // The list arrives as multipart/form-data, which the table does not describe (it holds JSON).
      schema: { ...preview.schema, consumes: ['multipart/form-data'] },
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req, reply) => {
        // Refused before a byte is read when the declared size already says so.
        if (Number(req.headers['content-length'] ?? 0) > STAFF_LIST_MAX_BYTES + 64 * 1024) {
          reply.header('connection', 'close');
          throw tooLarge();
        }
        const file = await req.file();
        if (!file) throw new ApiError('validation_failed', { field: 'file' });
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw err;
        }
        return previewStaffList(ctx, bytes, req.query.defaultUnit || null);
      },
    });

    app.route({
      ...fromTable(routes.create),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => createFromImport(ctx, req.body, actorOf(req), req.log),
    });
  };
}
