import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleReportRoutes as routes } from '../../common/routes/console-report';
import type { AppContext } from '../app-context';
import { requireConsole } from '../console/console-guard';
import { reportDocument, reportFor } from '../console/report/report-exports';
import { fromTable } from '../http/route';

/**
 * Đ12.10, the six-monthly report: the page's JSON and the two documents (GET, so a plain link
 * downloads them with the session cookie). A unit manager's report covers only their units.
 */
export function consoleReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const read = requireConsole(ctx, 'read');

    app.route({
      ...fromTable(routes.report),
      preHandler: read,
      handler: async (req) => (await reportFor(ctx, req, req.query.period)).report,
    });

    const send = (reply: FastifyReply, file: Awaited<ReturnType<typeof reportDocument>>) =>
      reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.body);

    app.route({
      ...fromTable(routes.xlsx),
      preHandler: read,
      handler: async (req, reply) => send(reply, await reportDocument(ctx, req, req.query.period, 'xlsx')),
    });
    app.route({
      ...fromTable(routes.pdf),
      preHandler: read,
      handler: async (req, reply) => send(reply, await reportDocument(ctx, req, req.query.period, 'pdf')),
    });
  };
}
