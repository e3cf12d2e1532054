import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditActionName } from '../../common/contract';
import { routeUrl } from '../../common/contract/route';
import { consoleAuditRoutes } from '../../common/routes/console-audit';
import { callApi } from './http';
import { consoleKeys } from './keys';

/** The viewer's filters as the proxy takes them (dates YYYY-MM-DD, days in Viet Nam). */
export interface AuditFilters {
  account?: string | undefined;
  actor?: string | undefined;
  action?: AuditActionName | undefined;
  outcome?: 'ok' | 'refused' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit log (Đ7.1), newest first. */
export function useAuditLog(filters: AuditFilters, offset: number) {
  return useQuery({
    queryKey: consoleKeys.area('audit', filters, offset),
    queryFn: () =>
      callApi(consoleAuditRoutes.page, { query: { ...filters, offset, limit: AUDIT_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function auditExportUrl(filters: AuditFilters): string {
  return routeUrl(consoleAuditRoutes.exportCsv, undefined, filters);
}
