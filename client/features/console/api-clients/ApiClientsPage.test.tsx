import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ApiClientView, ConsoleMe, UnitNode } from '../../../../common/contract';
import { consoleApiClientRoutes } from '../../../../common/routes/console-api-clients';
import { consoleAuthRoutes } from '../../../../common/routes/console-auth';
import { consoleUnitRoutes } from '../../../../common/routes/console-units';
import { apiPattern } from '../../../test/api-pattern';
import { renderConsolePage } from '../../../test/console-page';
import { server } from '../../../test/setup';
import { folderScopes } from './ApiClientForm';
import ApiClientsPage from './ApiClientsPage';

const UNITS: UnitNode[] = [
  {
    code: 'sttt',
    name: 'Sở Thông tin và Truyền thông',
    parentCode: null,
    level: 'department',
    mailbox: 'sttt@binhphuoc.gov.vn',
    website: null,
    depth: 0,
    accounts: 3,
    accountsWithSubUnits: 3,
    subUnits: 0,
  },
];
const CLIENT: ApiClientView = {
  id: 'c1',
  unitCode: 'sttt',
  unitName: 'Sở Thông tin và Truyền thông',
  mailbox: 'sttt@binhphuoc.gov.vn',
  name: 'Hệ thống QLVB tỉnh',
  scopes: ['send', 'read:INBOX'],
  tokenHint: 'bpk_AbCdEf',
  expiresAt: '2027-12-31T17:00:00.000Z',
  createdAt: '2026-12-01T02:00:00.000Z',
  createdBy: 'hanhntm.sttt@binhphuoc.gov.vn',
  rotatedAt: null,
  revokedAt: null,
  lastUsedAt: null,
  state: 'active',
};
const TOKEN = `bpk_${'Q'.repeat(43)}`;

function setup(role: ConsoleMe['role'], onCreate: (body: Record<string, unknown>) => void = () => undefined) {
  let clients: ApiClientView[] = [];
  server.use(
    http.get(apiPattern(consoleAuthRoutes.me), () =>
      HttpResponse.json({
        email: 'a@binhphuoc.gov.vn',
        role,
        unitCode: 'sttt',
        secondFactor: { enrolled: true, verified: true, recoveryCodesLeft: 10 },
      } satisfies ConsoleMe),
    ),
    http.get(apiPattern(consoleUnitRoutes.tree), () => HttpResponse.json({ units: UNITS })),
    http.get(apiPattern(consoleApiClientRoutes.list), () => HttpResponse.json({ clients })),
    http.post(apiPattern(consoleApiClientRoutes.create), async ({ request }) => {
      onCreate((await request.json()) as Record<string, unknown>);
      clients = [CLIENT];
      return HttpResponse.json({ client: CLIENT, token: TOKEN });
    }),
  );
  renderConsolePage(<ApiClientsPage />);
}

describe('Ứng dụng kết nối', () => {
  it('creates an application and shows its token once, with the warning', async () => {
    const user = userEvent.setup();
    const bodies: Record<string, unknown>[] = [];
    setup('admin', (b) => bodies.push(b));
    await user.click(await screen.findByRole('button', { name: 'Thêm ứng dụng kết nối' }));
    const form = screen.getByRole('form', { name: 'Thêm ứng dụng kết nối' });
    const fill = async (label: RegExp, text: string) => {
      const input = within(form).getByLabelText(label);
      await user.clear(input);
      await user.click(input);
      await user.paste(text);
    };
    await fill(/^Tên ứng dụng/, 'Hệ thống QLVB tỉnh');
    await fill(/^Thư mục được đọc/, 'INBOX, Văn bản đến');
    await fill(/^Hết hạn sau ngày/, '31/12/2027');
    await user.click(within(form).getByRole('button', { name: 'Tạo mã truy cập' }));

    expect((await screen.findByTestId('api-token')).textContent).toBe(TOKEN);
    expect(screen.getByText(/Mã chỉ hiện một lần này/)).toBeTruthy();
    expect(bodies[0]).toEqual({
      name: 'Hệ thống QLVB tỉnh',
      unitCode: 'sttt',
      scopes: ['send', 'read:INBOX', 'read:Văn bản đến'],
      expiresOn: '2027-12-31',
    });
    const row = (await screen.findByText('bpk_AbCdEf…')).closest('tr')!;
    expect(within(row).getByText('Đọc thư mục INBOX')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tôi đã lưu mã' }));
    expect(screen.queryByTestId('api-token')).toBeNull();
  }, 15_000);

  it('offers a unit manager nothing to change', async () => {
    setup('unit_manager');
    expect(await screen.findByText(/Bạn chỉ xem được ứng dụng kết nối/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Thêm ứng dụng kết nối' })).toBeNull();
  });

  it('turns typed folders into read scopes', () => {
    expect(folderScopes(' INBOX , ,Sent ')).toEqual(['read:INBOX', 'read:Sent']);
    expect(folderScopes('')).toEqual([]);
  });
});
