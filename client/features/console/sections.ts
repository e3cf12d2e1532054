import type { ComponentType } from 'react';

/**
 * The console's sections, in menu order. Each loads on first visit; `adminOnly` ones are hidden
 * from unit managers (who only read their own unit) — the proxy refuses them anyway.
 */
export interface ConsoleSection {
  slug: string;
  /** Folder under features/console and key under console.<area> in the catalogues. */
  area: string;
  adminOnly: boolean;
  load: () => Promise<{ default: ComponentType }>;
}

export const consoleSections: ConsoleSection[] = [
  { slug: 'tai-khoan', area: 'accounts', adminOnly: false, load: () => import('./accounts/AccountsPage') },
  { slug: 'don-vi', area: 'units', adminOnly: false, load: () => import('./units/UnitsPage') },
  {
    slug: 'ung-dung-ket-noi',
    area: 'api-clients',
    adminOnly: false,
    load: () => import('./api-clients/ApiClientsPage'),
  },
  { slug: 'nhap-danh-sach', area: 'import', adminOnly: true, load: () => import('./import/ImportPage') },
  {
    slug: 'chuyen-thu',
    area: 'migration',
    adminOnly: true,
    load: () => import('./migration/MigrationBatchPage'),
  },
  { slug: 'yeu-cau', area: 'requests', adminOnly: false, load: () => import('./requests/RequestsPage') },
  { slug: 'vong-doi', area: 'lifecycle', adminOnly: false, load: () => import('./lifecycle/LifecyclePage') },
  { slug: 'danh-ba', area: 'directory', adminOnly: false, load: () => import('./directory/DirectoryPage') },
  { slug: 'bao-cao', area: 'report', adminOnly: false, load: () => import('./report/ReportPage') },
  { slug: 'nhat-ky', area: 'audit', adminOnly: false, load: () => import('./audit/AuditPage') },
  {
    slug: 'bao-tri',
    area: 'maintenance',
    adminOnly: true,
    load: () => import('./maintenance/MaintenancePage'),
  },
  { slug: 'phan-anh', area: 'problems', adminOnly: true, load: () => import('./problems/ProblemsPage') },
];
