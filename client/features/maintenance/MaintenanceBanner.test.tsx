import { screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PublicNotice } from '../../../common/contract';
import { routeUrl } from '../../../common/contract/route';
import { quotaRoutes, sessionRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { noticeRoutes, publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { inboxPage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';

const HOUR = 3_600_000;
/** An instant at a whole minute, `hours` from now. */
const fromNow = (hours: number) => new Date(Math.floor((Date.now() + hours * HOUR) / 60_000) * 60_000);
/** "HH:mm dd/MM/yyyy" in Viet Nam (UTC+7, no daylight saving), computed without Intl. */
const vn = (d: Date) => {
  const x = new Date(d.getTime() + 7 * HOUR).toISOString();
  return `${x.slice(11, 16)} ${x.slice(8, 10)}/${x.slice(5, 7)}/${x.slice(0, 4)}`;
};

describe('MaintenanceBanner (Đ8.1c)', { timeout: 20_000 }, () => {
  let notices: PublicNotice[];
  let noticeRequests: number;
  beforeEach(() => {
    notices = [];
    noticeRequests = 0;
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(noticeRoutes.list), () => {
        noticeRequests++;
        return HttpResponse.json({ notices });
      }),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 2 * 1024 ** 3, level: 'ok' }),
      ),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
    );
  });

  it('announces a scheduled outage above the mail, in Viet Nam time, and shows one in progress differently', async () => {
    server.use(http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)));
    const upcoming = { id: 1, startsAt: fromNow(50), endsAt: fromNow(53), message: 'Nâng cấp máy chủ thư.' };
    const current = { id: 2, startsAt: fromNow(-1), endsAt: fromNow(1), message: 'Sao lưu dữ liệu.' };
    notices = [upcoming, current].map((n) => ({
      ...n,
      startsAt: n.startsAt.toISOString(),
      endsAt: n.endsAt.toISOString(),
    }));
    window.history.replaceState(null, '', '/thu/INBOX');
    renderApp();

    const banners = await screen.findAllByTestId('maintenance-banner');
    expect(banners.map((b) => b.textContent)).toEqual([
      `Hệ thống sẽ bảo trì từ ${vn(upcoming.startsAt)} đến ${vn(upcoming.endsAt)}: Nâng cấp máy chủ thư.`,
      `Hệ thống đang bảo trì từ ${vn(current.startsAt)} đến ${vn(current.endsAt)}: Sao lưu dữ liệu.`,
    ]);
    expect(banners[0]!.className).toContain('is-upcoming');
    expect(banners[1]!.className).toContain('is-current');
    expect(banners[1]!.getAttribute('role')).toBe('alert');
    expect(screen.getByRole('region', { name: 'Thông báo bảo trì' })).toBeTruthy();
  });

  it('is on the log-in page too, before anyone has a session', async () => {
    server.use(
      http.get(apiPattern(sessionRoutes.get), () =>
        HttpResponse.json({ error: { code: 'not_authenticated', message: '' } }, { status: 401 }),
      ),
    );
    const start = fromNow(80);
    notices = [
      { id: 3, startsAt: start.toISOString(), endsAt: fromNow(82).toISOString(), message: 'Thay ổ cứng.' },
    ];
    window.history.replaceState(null, '', '/');
    renderApp();
    expect((await screen.findByTestId('maintenance-banner')).textContent).toContain(
      `Hệ thống sẽ bảo trì từ ${vn(start)}`,
    );
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
    expect(noticeRequests).toBeGreaterThan(0);
  });

  it('shows nothing when no outage is planned, or once it is over', async () => {
    server.use(http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)));
    notices = [
      { id: 4, startsAt: fromNow(-3).toISOString(), endsAt: fromNow(-1).toISOString(), message: 'Cũ.' },
    ];
    window.history.replaceState(null, '', '/thu/INBOX');
    renderApp();
    await screen.findByRole('heading', { name: 'Hộp thư đến' });
    expect(noticeRequests).toBeGreaterThan(0);
    expect(screen.queryByTestId('maintenance-banner')).toBeNull();
  });
});
