import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ConsoleReport, ReportPeriodInfo, ReportUnitRow } from '../../../../common/contract';
import { consoleReportRoutes } from '../../../../common/routes/console-report';
import { apiPattern } from '../../../test/api-pattern';
import { renderConsolePage } from '../../../test/console-page';
import { server } from '../../../test/setup';
import ReportPage from './ReportPage';

const period = (id: string, firstDay: string, lastDay: string, current = false): ReportPeriodInfo => ({
  id,
  firstDay,
  lastDay,
  dueBefore: `${id}-20`,
  consolidateBefore: `${id}-30`,
  current,
});
const PERIODS = [
  period('2026-12', '2026-06-20', '2026-12-19', true),
  period('2026-06', '2025-12-20', '2026-06-19'),
  period('2025-12', '2025-06-20', '2025-12-19'),
];

const row = (code: string, name: string, over: Partial<ReportUnitRow> = {}): ReportUnitRow => ({
  code,
  name,
  inUse: 0,
  personalInUse: 0,
  unitMailboxesInUse: 0,
  created: 0,
  suspended: 0,
  suspendedAtEnd: 0,
  revoked: 0,
  neverLoggedIn: 0,
  nearQuota: 0,
  addressesInUse: [],
  ...over,
});

function reportFor(id: string): ConsoleReport {
  const units =
    id === '2026-06'
      ? [
          row('sttt', 'Sở Thông tin và Truyền thông', {
            inUse: 42,
            created: 5,
            suspended: 2,
            revoked: 1,
            neverLoggedIn: 3,
            nearQuota: 4,
          }),
          row('bgp', 'Huyện Bù Gia Mập', { inUse: 17, created: 1, neverLoggedIn: 2, nearQuota: 0 }),
        ]
      : [row('sttt', 'Sở Thông tin và Truyền thông', { inUse: 40, created: 9, nearQuota: null })];
  const sum = (k: 'inUse' | 'created' | 'suspended' | 'revoked' | 'neverLoggedIn') =>
    units.reduce((n, u) => n + u[k], 0);
  const known = id === '2026-06';
  return {
    period: PERIODS.find((p) => p.id === id)!,
    periods: PERIODS,
    defaultPeriod: '2026-06',
    generatedAt: '2026-06-25T02:00:00.000Z',
    usageKnown: known,
    units,
    total: {
      inUse: sum('inUse'),
      personalInUse: 0,
      unitMailboxesInUse: 0,
      created: sum('created'),
      suspended: sum('suspended'),
      suspendedAtEnd: 0,
      revoked: sum('revoked'),
      neverLoggedIn: sum('neverLoggedIn'),
      nearQuota: known ? 4 : null,
    },
  };
}

function renderPage() {
  server.use(
    http.get(apiPattern(consoleReportRoutes.report), ({ request }) =>
      HttpResponse.json(reportFor(new URL(request.url).searchParams.get('period') ?? '2026-06')),
    ),
  );
  return renderConsolePage(<ReportPage />);
}

const cells = (r: HTMLElement) =>
  within(r)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('ReportPage (Đ12.10)', () => {
  it('shows the last closed period by default: a row per unit, the total, the chart and the downloads', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: /từ 20\/12\/2025 đến 19\/06\/2026/ });
    const sttt = within(table).getByRole('row', { name: /Sở Thông tin và Truyền thông/ });
    expect(cells(sttt)).toEqual(['42', '5', '2', '1', '3', '4']);
    const total = within(table).getByRole('row', { name: /Tổng cộng/ });
    expect(cells(total)).toEqual(['59', '6', '2', '1', '5', '4']);

    const picker = screen.getByRole('combobox', { name: 'Kỳ báo cáo' });
    expect(picker).toHaveProperty('value', '2026-06');
    expect(
      within(picker).getByRole('option', { name: /20\/06\/2026 – 19\/12\/2026 \(đang diễn ra\)/ }),
    ).toBeTruthy();

    const chart = screen.getByRole('img', { name: /Biểu đồ cột của 2 đơn vị/ });
    expect(chart.getAttribute('aria-describedby')).toBe(table.id);
    expect(within(chart).getAllByTestId('report-chart-group')).toHaveLength(2);

    expect(screen.getByRole('link', { name: 'Tải XLSX' }).getAttribute('href')).toBe(
      '/api/console/report.xlsx?period=2026-06',
    );
    expect(screen.getByRole('link', { name: 'Tải PDF' }).getAttribute('href')).toBe(
      '/api/console/report.pdf?period=2026-06',
    );
  });

  it('loads another period when picked, and says "không rõ" when usage is unknown', async () => {
    renderPage();
    const picker = await screen.findByRole('combobox', { name: 'Kỳ báo cáo' });
    await userEvent.selectOptions(picker, '2026-12');
    const table = await screen.findByRole('table', { name: /từ 20\/06\/2026 đến 19\/12\/2026/ });
    expect(cells(within(table).getByRole('row', { name: /Sở Thông tin/ }))).toEqual([
      '40',
      '9',
      '0',
      '0',
      '0',
      'không rõ',
    ]);
    expect(screen.getByRole('note').textContent).toContain('Không đọc được dung lượng');
    expect(screen.getByRole('link', { name: 'Tải PDF' }).getAttribute('href')).toBe(
      '/api/console/report.pdf?period=2026-12',
    );
  });
});
