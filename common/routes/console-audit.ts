import { AuditExportQuery, AuditPage, AuditQuery } from '../contract/console-audit';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 401, 403);

/** Đ7.1: the audit log viewer and its CSV export. */
export const consoleAuditRoutes = {
  page: route({
    method: 'GET',
    path: '/console/audit',
    tags: ['console'],
    query: AuditQuery,
    responses: { 200: AuditPage, ...errors },
  }),
  exportCsv: route({
    method: 'GET',
    path: '/console/audit/export.csv',
    tags: ['console'],
    query: AuditExportQuery,
    responses: { 200: null, ...errors },
  }),
};
