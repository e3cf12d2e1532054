import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DirectoryExportFormat } from '../../common/contract';
import { consoleDirectoryRoutes as routes } from '../../common/routes/console-directory';
import type { AppContext } from '../app-context';
import { requireConsole } from '../console/console-guard';
import { directoryExport, directoryFor } from '../console/directory/directory-service';
import { bytesReply, fromTable } from '../http/route';

/**
 * /api/console/directory: the province directory (Đ5.1) and each unit's list to publish
 * (Đ12.5) as CSV, XLSX or an HTML table — plain GETs so that a link downloads with the cookie.
 */
export function consoleDirectoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireConsole(ctx, 'read'));

    app.route({
      ...fromTable(routes.listing),
      handler: async (req) => directoryFor(ctx, req, req.query),
    });

    for (const format of DirectoryExportFormat.options) {
      app.route({
        ...fromTable(routes.export[format]),
        handler: async (req, reply) => {
          const file = await directoryExport(ctx, req, format, req.query.unit);
          return bytesReply(reply)
            .type(file.contentType)
            .header('content-disposition', contentDisposition(file.fileName))
            .send(file.body);
        },
      });
    }
  };
}
