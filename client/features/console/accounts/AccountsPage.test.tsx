import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type {
  AccountDetail,
  AccountList,
  ConsoleMe,
  CreatedAccount,
  UnitNode,
} from '../../../../common/contract';
import { routeUrl } from '../../../../common/contract/route';
import { consoleAccountRoutes } from '../../../../common/routes/console-accounts';
import { consoleAuthRoutes } from '../../../../common/routes/console-auth';
import { consoleUnitRoutes } from '../../../../common/routes/console-units';
import { apiPattern } from '../../../test/api-pattern';
import { renderConsolePage } from '../../../test/console-page';
import { server } from '../../../test/setup';
import AccountsPage from './AccountsPage';

const D = '@binhphuoc.gov.vn';
const ME: ConsoleMe = {
  email: `hanhntm.sttt${D}`,
  role: 'admin',
  unitCode: 'sttt',
  secondFactor: { enrolled: true, verified: true, recoveryCodesLeft: 10 },
};
const unit = (code: string, name: string, depth: number, parentCode: string | null): UnitNode => ({
  code,
  name,
  parentCode,
  level: depth === 0 ? 'province' : 'department',
  mailbox: null,
  website: null,
  depth,
  accounts: 0,
  accountsWithSubUnits: 0,
  subUnits: 0,
});
const UNITS = [
  unit('ubndt', 'Ủy ban nhân dân tỉnh Bình Phước', 0, null),
  unit('sttt', 'Sở Thông tin và Truyền thông', 1, 'ubndt'),
];
const THANH = {
  email: `thanhtv.sttt${D}`,
  fullName: 'Trần Văn Thanh',
  unitCode: 'sttt',
  unitName: 'Sở Thông tin và Truyền thông',
  kind: 'personal' as const,
  title: null,
  state: 'active' as const,
  role: 'user' as const,
  sendingLocked: false,
  lastLoginAt: null,
};
const DETAIL: AccountDetail = {
  ...THANH,
  email: `thanhtv2.sttt${D}`,
  stateReason: null,
  sendingLockedReason: null,
  passwordChangedAt: '2026-11-29T02:00:00.000Z',
  passwordAgeDays: 0,
  mustChangePassword: true,
  createdAt: '2026-11-29T02:00:00.000Z',
  firstLoginAt: null,
  lastSentAt: null,
  quotaBytes: 2 * 1024 ** 3,
  provisionedBy: ME.email,
  nameOverrideReason: null,
  departure: null,
  nextEvents: [],
};

function setup(create: (body: Record<string, unknown>) => Response) {
  const proposals: string[] = [];
  server.use(
    http.get(apiPattern(consoleAuthRoutes.me), () => HttpResponse.json(ME)),
    http.get(apiPattern(consoleUnitRoutes.tree), () => HttpResponse.json({ units: UNITS })),
    http.get(apiPattern(consoleAccountRoutes.list), () =>
      HttpResponse.json({ items: [THANH], total: 1, page: 1, pageSize: 50 } satisfies AccountList),
    ),
    http.get(apiPattern(consoleAccountRoutes.propose), ({ request }) => {
      const url = new URL(request.url);
      const name = url.searchParams.get('fullName') ?? '';
      proposals.push(name);
      // NFC or NFD, as pasted: the proxy folds both to the same address.
      return name.normalize('NFC') === 'Trần Văn Thanh'
        ? HttpResponse.json({
            ok: true,
            address: `thanhtv2.sttt${D}`,
            local: 'thanhtv2.sttt',
            clash: 2,
            code: null,
          })
        : HttpResponse.json({ ok: false, address: null, local: null, clash: null, code: 'name_single_word' });
    }),
    http.post(apiPattern(consoleAccountRoutes.create), async ({ request }) =>
      create((await request.json()) as Record<string, unknown>),
    ),
    http.get(routeUrl(consoleAccountRoutes.detail, { email: DETAIL.email }), () => HttpResponse.json(DETAIL)),
  );
  renderConsolePage(<AccountsPage />);
  return { proposals };
}

async function fillForm(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: 'Tạo tài khoản' }));
  const form = screen.getByRole('form', { name: 'Tạo tài khoản' });
  await user.selectOptions(within(form).getByLabelText('Đơn vị'), 'sttt');
  await user.type(within(form).getByLabelText('Họ và tên'), name);
  return form;
}

describe('Tạo tài khoản', () => {
  it('shows the Đ4 proposal with the clash number as the admin types, and a refusal in Vietnamese', async () => {
    const user = userEvent.setup();
    setup(() =>
      HttpResponse.json(
        {
          error: {
            code: 'quota_below_minimum',
            message: '',
            details: { min: '2 GB', minBytes: 2 * 1024 ** 3 },
          },
        },
        { status: 400 },
      ),
    );
    expect(await screen.findByText('Trần Văn Thanh')).toBeTruthy();
    const form = await fillForm(user, 'Trần Văn Thanh');
    expect(await within(form).findByTestId('proposed-address')).toHaveProperty(
      'textContent',
      `thanhtv2.sttt${D}`,
    );
    expect(
      within(form).getByText('Đã có thanhtv.sttt trong đơn vị, nên thêm số 2 (điểm b khoản 2 Điều 4).'),
    ).toBeTruthy();

    const quota = within(form).getByLabelText(/Dung lượng \(GB\)/);
    await user.clear(quota);
    await user.type(quota, '1');
    await user.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Dung lượng hộp thư tối thiểu là 2 GB (Điều 7).',
    );
    expect(screen.queryByTestId('temporary-password')).toBeNull();
  });

  it('explains a name Đ4 cannot handle, and the override asks for a reason', async () => {
    const user = userEvent.setup();
    setup(() =>
      HttpResponse.json({ error: { code: 'override_reason_required', message: '' } }, { status: 400 }),
    );
    const form = await fillForm(user, 'Thanh');
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Họ và tên phải có ít nhất hai tiếng (họ và tên).',
    );
    await user.click(within(form).getByLabelText('Dùng địa chỉ khác (phải ghi lý do)'));
    await user.type(within(form).getByLabelText('Phần trước @'), 'thanh.sttt');
    await user.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect(
      await within(form).findByText('Khi không dùng địa chỉ đề xuất theo Điều 4, vui lòng ghi lý do.'),
    ).toBeTruthy();
  });

  it('creates the account and shows the temporary password once, with a copy button', async () => {
    const user = userEvent.setup();
    const bodies: Record<string, unknown>[] = [];
    setup((body) => {
      bodies.push(body);
      const created: CreatedAccount = {
        address: DETAIL.email,
        temporaryPassword: 'Kx7#mPq2Rt9wYz',
        proposed: DETAIL.email,
        account: DETAIL,
      };
      return HttpResponse.json(created);
    });
    const form = await fillForm(user, 'Trần Văn Thanh');
    await within(form).findByTestId('proposed-address');
    await user.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect((await screen.findByTestId('temporary-password')).textContent).toBe('Kx7#mPq2Rt9wYz');
    expect(screen.getByText(`Đã tạo ${DETAIL.email}`)).toBeTruthy();
    expect(bodies[0]).toMatchObject({
      fullName: 'Trần Văn Thanh',
      unitCode: 'sttt',
      kind: 'personal',
      quotaBytes: 2 * 1024 ** 3,
    });
    await user.click(screen.getByRole('button', { name: 'Xong' }));
    expect(screen.queryByTestId('temporary-password')).toBeNull();
  });
});
