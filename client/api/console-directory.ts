import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DirectoryExportFormat, DirectoryListing } from '../../common/contract';
import { apiFetch } from './http';
import { consoleKeys } from './keys';

export interface DirectoryFilter {
  unit?: string | undefined;
  q?: string | undefined;
}

const params = (filter: DirectoryFilter) => {
  const p = new URLSearchParams();
  if (filter.unit) p.set('unit', filter.unit);
  if (filter.q?.trim()) p.set('q', filter.q.trim());
  return p;
};

/** The province directory (R-5.1), as the viewer may see it. */
export function useDirectory(filter: DirectoryFilter) {
  return useQuery({
    queryKey: consoleKeys.area('directory', filter),
    queryFn: () => apiFetch<DirectoryListing>(`/console/directory?${params(filter)}`),
    placeholderData: keepPreviousData,
  });
}

/** A plain link: the browser downloads with the session cookie (R-12.5 exports). */
export function directoryExportUrl(format: DirectoryExportFormat, unit?: string): string {
  const query = params({ unit }).toString();
  return `/api/console/directory/export.${format}${query ? `?${query}` : ''}`;
}
