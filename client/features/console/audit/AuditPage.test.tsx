import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  type AuditEntryView,
  type AuditPage as AuditPageBody,
} from '../../../../common/contract';
import en from '../../../../common/i18n/console/audit/en.json';
import vi from '../../../../common/i18n/console/audit/vi.json';
import { consoleAuditRoutes } from '../../../../common/routes/console-audit';
import { apiPattern } from '../../../test/api-pattern';
import { renderConsolePage } from '../../../test/console-page';
import { server } from '../../../test/setup';
import AuditPage from './AuditPage';

const entry = (id: number, fields: Partial<AuditEntryView>): AuditEntryView => ({
  id,
  at: '2026-10-16T02:00:00.000Z',
  actor: 'hanhntm.sttt@binhphuoc.gov.vn',
  email: 'lannt.sttt@binhphuoc.gov.vn',
  action: 'password_reset',
  outcome: 'ok',
  ip: '10.1.1.1',
  details: null,
  ...fields,
});

function setup(total = 2) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(apiPattern(consoleAuditRoutes.page), ({ request }) => {
      const q = new URL(request.url).searchParams;
      queries.push(q);
      const body: AuditPageBody = {
        entries: [
          entry(2, { details: { temporary: true } }),
          entry(3, {
            action: 'login',
            outcome: 'too_many_attempts',
            details: { minutes: 15 },
          }),
          entry(1, {
            at: '2026-10-14T17:00:05.000Z',
            actor: 'lannt.sttt@binhphuoc.gov.vn',
            action: 'login',
            outcome: 'invalid_credentials',
            ip: '10.1.1.2',
          }),
        ],
        total,
        offset: Number(q.get('offset')),
        limit: Number(q.get('limit')),
        retentionMonths: 6,
      };
      return HttpResponse.json(body);
    }),
  );
  renderConsolePage(<AuditPage />);
  return { queries, last: () => queries.at(-1) as URLSearchParams };
}

describe('AuditPage', () => {
  it('shows entries in Viet Nam time with Vietnamese actions, outcomes and the error text, and the retention', async () => {
    setup();
    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]!).getByText('16/10/2026 09:00:00')).toBeTruthy();
    expect(within(rows[1]!).getByText('Đặt lại mật khẩu')).toBeTruthy();
    expect(within(rows[1]!).getByText('Thành công')).toBeTruthy();
    // Details in words: the field's label and "Có", not `temporary: true`.
    expect(within(rows[1]!).getByText('Mật khẩu tạm thời:')).toBeTruthy();
    expect(within(rows[1]!).getByText('Có')).toBeTruthy();
    expect(within(rows[1]!).queryByText('true')).toBeNull();
    // The message the user saw, with the value the log kept.
    expect(within(rows[2]!).getByText(/lại sau 15 phút/)).toBeTruthy();
    rows.splice(2, 1);
    expect(within(rows[2]!).getByText('15/10/2026 00:00:05')).toBeTruthy();
    expect(within(rows[2]!).getByText('Đăng nhập')).toBeTruthy();
    expect(within(rows[2]!).getByText('Bị từ chối')).toBeTruthy();
    expect(within(rows[2]!).getByText(/mật khẩu không đúng/i)).toBeTruthy();
    expect(screen.getByText(/lưu 6 tháng/)).toBeTruthy();
  });

  it('shows a quota as "2 GB" and roles in words, never the stored machine value', async () => {
    server.use(
      http.get(apiPattern(consoleAuditRoutes.page), () =>
        HttpResponse.json({
          entries: [
            entry(5, { action: 'account_update', details: { quotaBytes: 2147483648, atProvider: true } }),
            entry(4, { action: 'role_change', details: { from: 'user', to: 'unit_manager' } }),
          ],
          total: 2,
          offset: 0,
          limit: 50,
          retentionMonths: 6,
        } satisfies AuditPageBody),
      ),
    );
    renderConsolePage(<AuditPage />);
    const rows = await screen.findAllByRole('row');
    expect(rows[1]!.querySelector('.audit-details')?.textContent).toBe(
      'Dung lượng: 2 GBĐã áp dụng ở máy chủ thư: Có',
    );
    expect(rows[2]!.querySelector('.audit-details')?.textContent).toBe('Từ: Người dùngThành: Quản lý đơn vị');
    expect(screen.queryByText(/2147483648|quotaBytes/)).toBeNull();
  });

  it('sends the filters (dates typed dd/mm/yyyy) from the first entry, and the CSV link carries them', async () => {
    const user = userEvent.setup();
    const { queries, last } = setup();
    await screen.findAllByRole('row');
    await user.type(screen.getByLabelText('Tài khoản'), 'lannt');
    await user.selectOptions(screen.getByLabelText('Hành động'), 'Đặt lại mật khẩu');
    await user.selectOptions(screen.getByLabelText('Kết quả'), 'Thành công');
    await user.type(screen.getByLabelText('Từ ngày'), '15/10/2026');
    await user.type(screen.getByLabelText('Đến ngày'), '16/10/2026');
    const before = queries.length;
    await user.click(screen.getByRole('button', { name: 'Lọc' }));
    await expect.poll(() => queries.length).toBeGreaterThan(before);
    expect(Object.fromEntries(last())).toEqual({
      account: 'lannt',
      action: 'password_reset',
      outcome: 'ok',
      from: '2026-10-15',
      to: '2026-10-16',
      offset: '0',
      limit: '50',
    });
    expect(screen.getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toBe(
      '/api/console/audit/export.csv?account=lannt&action=password_reset&outcome=ok&from=2026-10-15&to=2026-10-16',
    );
  });

  it('refuses a date that does not exist without asking the proxy', async () => {
    const user = userEvent.setup();
    const { queries } = setup();
    await screen.findAllByRole('row');
    const before = queries.length;
    await user.type(screen.getByLabelText('Từ ngày'), '31/02/2026');
    await user.click(screen.getByRole('button', { name: 'Lọc' }));
    expect(screen.getByRole('alert').textContent).toBe('Ngày phải có dạng dd/mm/yyyy.');
    expect(screen.getByLabelText('Từ ngày').getAttribute('aria-invalid')).toBe('true');
    expect(queries.length).toBe(before);
  });

  it('pages forward by 50 and back', async () => {
    const user = userEvent.setup();
    const { last } = setup(120);
    expect(await screen.findByText('1–3 trên 120')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Trang trước' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Trang sau' }));
    await expect.poll(() => last().get('offset')).toBe('50');
    await user.click(screen.getByRole('button', { name: 'Trang trước' }));
    await expect.poll(() => last().get('offset')).toBe('0');
  });

  it('has a Vietnamese and an English label for every audit action', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(vi.actions[action], action).toBeTruthy();
      expect(en.actions[action], action).toBeTruthy();
    }
  });
});
