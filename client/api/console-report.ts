import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routeUrl } from '../../common/contract/route';
import { consoleReportRoutes } from '../../common/routes/console-report';
import { callApi } from './http';
import { consoleKeys } from './keys';

/** Đ12.10: the six-monthly report; no period = the last closed one (the proxy decides). */
export function useConsoleReport(period: string | null) {
  return useQuery({
    queryKey: consoleKeys.area('report', period ?? 'default'),
    queryFn: () => callApi(consoleReportRoutes.report, { query: { period: period ?? undefined } }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The documents are plain links: the browser downloads them with the session cookie. */
export const reportDownloadUrl = (format: 'xlsx' | 'pdf', period: string) =>
  routeUrl(consoleReportRoutes[format], undefined, { period });
