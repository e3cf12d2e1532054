import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { LifecycleAccountStatus, LifecycleRun, LifecycleToday } from '../../../../common/contract';
import { consoleAuthRoutes } from '../../../../common/routes/console-auth';
import { consoleLifecycleRoutes } from '../../../../common/routes/console-lifecycle';
import { apiPattern } from '../../../test/api-pattern';
import { renderConsolePage } from '../../../test/console-page';
import { server } from '../../../test/setup';
import LifecyclePage from './LifecyclePage';

const LEAVER = 'annv.sttt@binhphuoc.gov.vn';
const TODAY: LifecycleToday = {
  now: '2026-12-01T03:00:00.000Z',
  day: '2026-12-01',
  jobHour: 2,
  actions: [
    {
      email: LEAVER,
      unitCode: 'sttt',
      kind: 'lock_sending',
      rule: 'Đ5.3b',
      dueOn: '2026-12-01',
      automatic: true,
      blockedBy: null,
      deadlineOn: null,
    },
    {
      email: 'binhtt.snv@binhphuoc.gov.vn',
      unitCode: 'snv',
      kind: 'revoke',
      rule: 'Đ5.3b',
      dueOn: '2026-11-30',
      automatic: true,
      blockedBy: 'export',
      deadlineOn: null,
    },
  ],
};
const STATUS: LifecycleAccountStatus = {
  email: LEAVER,
  fullName: 'Nguyễn Văn An',
  unitCode: 'sttt',
  kind: 'personal',
  state: 'active',
  stateReason: null,
  sendingLockedReason: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  lastLoginAt: '2026-11-30T01:00:00.000Z',
  lastSentAt: null,
  departure: null,
  inactivityExemption: null,
  exportedAt: null,
  exportFile: null,
  restoreRequestedAt: null,
  restoreDeadlineOn: null,
  schedule: [
    {
      kind: 'suspend_inactive',
      rule: 'Đ6.2a',
      dueOn: '2027-05-30',
      automatic: true,
      blockedBy: null,
      deadlineOn: null,
    },
  ],
};

function setup(role: 'admin' | 'unit_manager' = 'admin') {
  const seen: { runs: unknown[]; departure: unknown } = { runs: [], departure: null };
  server.use(
    http.get(apiPattern(consoleAuthRoutes.me), () =>
      HttpResponse.json({
        email: 'quantri@binhphuoc.gov.vn',
        role,
        unitCode: null,
        secondFactor: { enrolled: true, verified: true, recoveryCodesLeft: 10 },
      }),
    ),
    http.get(apiPattern(consoleLifecycleRoutes.today), () => HttpResponse.json(TODAY)),
    http.get(apiPattern(consoleLifecycleRoutes.upcoming), () => HttpResponse.json({ days: 30, actions: [] })),
    http.get(apiPattern(consoleLifecycleRoutes.runs), () => HttpResponse.json({ runs: [] })),
    http.get(apiPattern(consoleLifecycleRoutes.account), () => HttpResponse.json(STATUS)),
    http.post(apiPattern(consoleLifecycleRoutes.recordDeparture), async ({ request }) => {
      seen.departure = await request.json();
      return HttpResponse.json({ ok: true });
    }),
    http.post(apiPattern(consoleLifecycleRoutes.run), async ({ request }) => {
      seen.runs.push(await request.json());
      const run: LifecycleRun = {
        id: 1,
        ranAt: '2026-12-01T03:05:00.000Z',
        dryRun: false,
        actor: 'quantri@binhphuoc.gov.vn',
        actions: [
          { ...TODAY.actions[0]!, outcome: 'ok' },
          { ...TODAY.actions[1]!, outcome: 'export_failed' },
        ],
      };
      return HttpResponse.json(run);
    }),
  );
  renderConsolePage(<LifecyclePage />);
  return seen;
}

describe('LifecyclePage', () => {
  it("lists today's due actions with rule, dd/MM/yyyy date and what they wait for", async () => {
    setup();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toContain(`${LEAVER}Khóa gửi thưđiểm b khoản 3 Điều 501/12/2026`);
    expect(rows[2]?.textContent).toContain(
      'Thu hồi hộp thưđiểm b khoản 3 Điều 530/11/2026Xuất dữ liệu hộp thư',
    );
    expect(within(rows[1]!).getAllByRole('cell')[2]?.textContent).toBe('điểm b khoản 3 Điều 5');
    expect(screen.getByText('Công việc tự chạy lúc 2 giờ mỗi ngày.')).toBeTruthy();
  });

  it('runs the job only after the confirmation, and reports what failed', async () => {
    const seen = setup();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Chạy ngay' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog?.textContent).toContain('Thực hiện ngay 2 việc đến hạn?');
    expect(seen.runs).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Chạy ngay' }));
    expect(await screen.findByText('Đã chạy: 1 việc thực hiện, 1 việc lỗi.')).toBeTruthy();
    expect(seen.runs).toEqual([{ dryRun: false }]);
  });

  it('previews a departure calendar before recording it', async () => {
    const seen = setup();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: LEAVER }));
    await user.type(await screen.findByLabelText('Ngày chính thức (dd/MM/yyyy)'), '01/12/2026');
    // Staff: locked the same day; revoked on the day after six months; export 14 days before.
    expect(
      screen.getByText('Khóa gửi thư từ 01/12/2026; xuất dữ liệu từ 19/05/2027; thu hồi từ 02/06/2027.'),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ghi nhận' }));
    expect(await screen.findByText('Đã ghi nhận nghỉ việc.')).toBeTruthy();
    expect(seen.departure).toEqual({ on: '01/12/2026', level: 'staff', reason: 'resigned' });
  });

  it('gives a unit manager no run button and no actions', async () => {
    setup('unit_manager');
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Chạy ngay' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: LEAVER }));
    expect(await screen.findByText('Đang hoạt động')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ghi nhận' })).toBeNull();
  });

  it('offers short grounds for a suspension and cites the article of the chosen one beneath', async () => {
    setup();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: LEAVER }));
    const ground = await screen.findByRole('combobox', { name: 'Căn cứ' });
    expect(screen.getByText('Theo điểm b khoản 2 Điều 6 Quy chế.').id).toBe(
      ground.getAttribute('aria-describedby'),
    );
    await user.selectOptions(ground, 'Sử dụng vào mục đích bị cấm');
    expect(screen.getByText('Theo điểm c khoản 2 Điều 6 Quy chế.')).toBeTruthy();
  });

  it("cites the article of each coming action as documents write it, not the project's key", async () => {
    setup();
    await userEvent.setup().click(await screen.findByRole('button', { name: LEAVER }));
    const item = await screen.findByText(/\(điểm a khoản 2 Điều 6\)$/, { selector: 'li' });
    expect(item.textContent).toBe('30/05/2027 — Tạm khóa do không hoạt động (điểm a khoản 2 Điều 6)');
    expect(screen.queryByText(/Đ\d/)).toBeNull();
  });
});
