import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleAuditRoutes as routes } from '../../common/routes/console-audit';
import type { AppContext } from '../app-context';
import { auditPage, exportAuditLog } from '../console/audit/audit-viewer';
import { requireConsole } from '../console/console-guard';
import { bytesReply, fromTable } from '../http/route';

/** /api/console/audit: the audit log viewer (Đ7.1), scoped to a unit manager's units. */
export function consoleAuditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireConsole(ctx, 'read'));

    app.route({
      ...fromTable(routes.page),
      handler: async (req) => auditPage(ctx, req, req.query),
    });

    app.route({
      ...fromTable(routes.exportCsv),
      handler: async (req, reply) => {
        const file = await exportAuditLog(ctx, req, req.query);
        return bytesReply(reply)
          .type('text/csv; charset=utf-8')
          .header('content-disposition', contentDisposition(file.fileName))
          .send(file.body);
      },
    });
  };
}
