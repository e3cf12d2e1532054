import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { DirectoryListing } from '../../../../common/contract';
import { consoleDirectoryRoutes } from '../../../../common/routes/console-directory';
import { apiPattern } from '../../../test/api-pattern';
import { renderConsolePage } from '../../../test/console-page';
import { server } from '../../../test/setup';
import DirectoryPage from './DirectoryPage';

const LISTING: DirectoryListing = {
  units: [
    { code: 'sttt', name: 'Sở Thông tin và Truyền thông', parentCode: null, depth: 0 },
    { code: 'bcvt.sttt', name: 'Phòng Bưu chính, Viễn thông', parentCode: 'sttt', depth: 1 },
  ],
  groups: [
    {
      unitCode: 'sttt',
      unitName: 'Sở Thông tin và Truyền thông',
      entries: [
        {
          email: 'sttt@binhphuoc.gov.vn',
          fullName: 'Sở Thông tin và Truyền thông',
          title: null,
          kind: 'unit',
        },
        {
          email: 'thanhtv.sttt@binhphuoc.gov.vn',
          fullName: 'Trần Văn Thanh',
          title: 'Phó Giám đốc',
          kind: 'personal',
        },
      ],
    },
    {
      unitCode: 'bcvt.sttt',
      unitName: 'Phòng Bưu chính, Viễn thông',
      entries: [
        { email: 'anhlt.sttt@binhphuoc.gov.vn', fullName: 'Lê Tuấn Anh', title: null, kind: 'personal' },
      ],
    },
  ],
  total: 3,
};

function setup() {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(apiPattern(consoleDirectoryRoutes.listing), ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json(LISTING);
    }),
  );
  renderConsolePage(<DirectoryPage />);
  return { last: () => queries.at(-1) as URLSearchParams };
}

describe('DirectoryPage', () => {
  it('lists addresses under their units numbered on, and links the unit’s downloads', async () => {
    const user = userEvent.setup();
    const { last } = setup();
    expect(await screen.findByText('3 địa chỉ')).toBeTruthy();
    const groups = screen.getAllByRole('rowgroup').slice(1);
    expect(within(groups[0]!).getByRole('rowheader').textContent).toBe('Sở Thông tin và Truyền thông');
    expect(within(groups[1]!).getAllByRole('row')[1]!.textContent).toContain('3Lê Tuấn Anh');
    expect(screen.getByText('Hộp thư đơn vị')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Đơn vị'), 'sttt');
    await expect.poll(() => last().get('unit')).toBe('sttt');
    const xlsx = screen.getByRole('link', {
      name: 'Tải danh bạ Sở Thông tin và Truyền thông dạng Excel (XLSX)',
    });
    expect(xlsx.getAttribute('href')).toBe('/api/console/directory/export.xlsx?unit=sttt');
    expect(screen.getByRole('link', { name: /dạng Bảng HTML/ }).getAttribute('href')).toBe(
      '/api/console/directory/export.html?unit=sttt',
    );

    await user.type(screen.getByLabelText('Tìm theo tên, chức vụ, địa chỉ'), 'thanh');
    await expect.poll(() => last().get('q')).toBe('thanh');
    expect(last().get('unit')).toBe('sttt');
  });
});
