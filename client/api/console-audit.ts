import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditActionName, AuditPage } from '../../common/contract';
import { apiFetch } from './http';
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

function params(filters: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) p.set(key, value);
  return p;
}

/** One page of the audit log (R-7.1), newest first. */
export function useAuditLog(filters: AuditFilters, offset: number) {
  return useQuery({
    queryKey: consoleKeys.area('audit', filters, offset),
    queryFn: () => {
      const p = params(filters);
      p.set('offset', String(offset));
      p.set('limit', String(AUDIT_PAGE_SIZE));
      return apiFetch<AuditPage>(`/console/audit?${p}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function auditExportUrl(filters: AuditFilters): string {
  const query = params(filters).toString();
  return `/api/console/audit/export.csv${query ? `?${query}` : ''}`;
}
