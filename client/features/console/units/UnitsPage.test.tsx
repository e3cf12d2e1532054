import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ConsoleMe, UnitNode } from '../../../../common/contract';
import { consoleAuthRoutes } from '../../../../common/routes/console-auth';
import { consoleUnitRoutes } from '../../../../common/routes/console-units';
import { apiPattern } from '../../../test/api-pattern';
import { renderConsolePage } from '../../../test/console-page';
import { server } from '../../../test/setup';
import UnitsPage from './UnitsPage';

const node = (
  code: string,
  name: string,
  depth: number,
  parentCode: string | null,
  accounts = 0,
): UnitNode => ({
  code,
  name,
  parentCode,
  level: depth === 0 ? 'department' : 'division',
  mailbox: `${code}@binhphuoc.gov.vn`,
  website: null,
  depth,
  accounts,
  accountsWithSubUnits: accounts,
  subUnits: depth === 0 ? 1 : 0,
});
const TREE = [
  node('sttt', 'Sở Thông tin và Truyền thông', 0, null, 3),
  node('ttcnttt', 'Trung tâm Công nghệ thông tin và Truyền thông', 1, 'sttt'),
];

function setup(
  role: ConsoleMe['role'],
  onCreate: (body: Record<string, unknown>) => Response = () => HttpResponse.json({}),
) {
  server.use(
    http.get(apiPattern(consoleAuthRoutes.me), () =>
      HttpResponse.json({
        email: 'a@binhphuoc.gov.vn',
        role,
        unitCode: 'sttt',
        secondFactor: { enrolled: true, verified: true, recoveryCodesLeft: 10 },
      } satisfies ConsoleMe),
    ),
    http.get(apiPattern(consoleUnitRoutes.tree), () => HttpResponse.json({ units: TREE })),
    http.post(apiPattern(consoleUnitRoutes.create), async ({ request }) =>
      onCreate((await request.json()) as Record<string, unknown>),
    ),
  );
  renderConsolePage(<UnitsPage />);
}

describe('Đơn vị', () => {
  it('shows a unit manager the tree indented with counts, and no way to change it', async () => {
    setup('unit_manager');
    const row = (await screen.findByText('Trung tâm Công nghệ thông tin và Truyền thông')).closest('tr')!;
    expect(row.getAttribute('data-depth')).toBe('1');
    expect(within(row).getByText('ttcnttt')).toBeTruthy();
    expect(screen.getByText('Bạn chỉ xem được đơn vị của mình và các đơn vị trực thuộc.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Thêm đơn vị' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sửa' })).toBeNull();
  });

  it('lets an admin add a sub-unit, and says in Vietnamese why a code is refused', async () => {
    const user = userEvent.setup();
    const bodies: Record<string, unknown>[] = [];
    setup('admin', (body) => {
      bodies.push(body);
      return HttpResponse.json({ error: { code: 'unit_code_invalid', message: '' } }, { status: 400 });
    });
    const sttt = (await screen.findByText('Sở Thông tin và Truyền thông')).closest('tr')!;
    // A unit with sub-units and accounts cannot be deleted: no button is offered.
    expect(within(sttt).queryByRole('button', { name: 'Xóa' })).toBeNull();
    await user.click(within(sttt).getByRole('button', { name: 'Thêm đơn vị trực thuộc' }));
    const form = screen.getByRole('form', { name: 'Thêm đơn vị' });
    await user.type(within(form).getByLabelText(/Mã viết tắt/), 'Phòng-KH');
    await user.type(within(form).getByLabelText('Tên chính thức'), 'Phòng Kế hoạch');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Mã đơn vị chỉ gồm chữ thường không dấu và chữ số.',
    );
    expect(bodies[0]).toMatchObject({ code: 'Phòng-KH', parentCode: 'sttt', level: 'division' });
  });
});
