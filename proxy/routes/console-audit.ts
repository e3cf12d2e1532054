import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody, AuditPage, AuditQuery } from '../../common/contract';
import type { AppContext } from '../app-context';
import { auditCsv, auditFilter, auditPage } from '../console/audit/audit-viewer';
import { auditExport, requireConsole } from '../console/console-guard';

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody };
const ExportQuery = AuditQuery.omit({ offset: true, limit: true });

/** /api/console/audit: the audit log viewer (R-7.1), scoped to a unit manager's units. */
export function consoleAuditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireConsole(ctx, 'read'));

    app.get(
      '/console/audit',
      { schema: { tags: ['console'], querystring: AuditQuery, response: { 200: AuditPage, ...errors } } },
      async (req) => auditPage(ctx, req, req.query),
    );

    app.get(
      '/console/audit/export.csv',
      { schema: { tags: ['console'], querystring: ExportQuery, response: { 200: z.any(), ...errors } } },
      async (req, reply) => {
        const { from, to } = req.query;
        const name = `nhat-ky${from ? `-tu-${from}` : ''}${to ? `-den-${to}` : ''}.csv`;
        // The export holds addresses and IPs of many people: who took it is itself audited.
        auditExport(ctx, req, { report: 'audit_csv', ...stringsOf(req.query) });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', contentDisposition(name))
          .send(auditCsv(ctx, auditFilter(req, req.query)));
      },
    );
  };
}

/** The query's set filters as audit details (strings and numbers only). */
function stringsOf(query: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(query)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}
