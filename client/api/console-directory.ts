import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DirectoryExportFormat } from '../../common/contract';
import { routeUrl } from '../../common/contract/route';
import { consoleDirectoryRoutes } from '../../common/routes/console-directory';
import { callApi } from './http';
import { consoleKeys } from './keys';

export interface DirectoryFilter {
  unit?: string | undefined;
  q?: string | undefined;
}

/** The province directory (Đ5.1), as the viewer may see it. */
export function useDirectory(filter: DirectoryFilter) {
  return useQuery({
    queryKey: consoleKeys.area('directory', filter),
    queryFn: () =>
      callApi(consoleDirectoryRoutes.listing, { query: { unit: filter.unit, q: filter.q?.trim() } }),
    placeholderData: keepPreviousData,
  });
}

/** A plain link: the browser downloads with the session cookie (Đ12.5 exports). */
export function directoryExportUrl(format: DirectoryExportFormat, unit?: string): string {
  return routeUrl(consoleDirectoryRoutes.export[format], undefined, { unit });
}
