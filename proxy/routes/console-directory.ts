import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody, DirectoryExportFormat, DirectoryListing, DirectoryQuery } from '../../common/contract';
import type { AppContext } from '../app-context';
import { auditExport, requireConsole } from '../console/console-guard';
import { directoryExport, directoryFor } from '../console/directory/directory-service';

const errors = { 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };

/**
 * /api/console/directory: the province directory and each unit's list to publish
 * as CSV, XLSX or an HTML table — plain GETs so that a link downloads with the cookie.
 */
export function consoleDirectoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireConsole(ctx, 'read'));

    app.get(
      '/console/directory',
      {
        schema: {
          tags: ['console'],
          querystring: DirectoryQuery,
          response: { 200: DirectoryListing, ...errors },
        },
      },
      async (req) => directoryFor(ctx, req, req.query),
    );

    for (const format of DirectoryExportFormat.options) {
      app.get(
        `/console/directory/export.${format}`,
        {
          schema: {
            tags: ['console'],
            querystring: z.object({ unit: DirectoryQuery.shape.unit }),
            response: { 200: z.any(), ...errors },
          },
        },
        async (req, reply) => {
          const file = await directoryExport(ctx, req, format, req.query.unit);
          auditExport(ctx, req, { report: `directory_${format}`, unit: req.query.unit ?? '*' });
          return reply
            .type(file.contentType)
            .header('content-disposition', contentDisposition(file.fileName))
            .send(file.body);
        },
      );
    }
  };
}
